// My orders: all / unpaid / paid / refunds. One request; switching tabs filters what was fetched.
import { listOrders, type Order } from '../../../../api/orders';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { t, type MessageKey } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey } from '../../../../services/result';
import { ORDER_PAGES, TABS, inTab, orderCard, type OrderCard, type Tab } from '../../order-view';

const own = instanceState(() => ({ orders: undefined as Order[] | undefined, tab: 'all' as Tab }));

Component({
  behaviors: [i18nBehavior(['common', 'orders'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
    errorText: '',
    tabs: [] as Array<{ id: Tab; label: string }>,
    tab: 'all' as Tab,
    items: [] as OrderCard[],
  },
  methods: {
    onLoad(query: { tab?: string }) {
      own(this).tab = TABS.find((x) => x === query.tab) ?? 'all';
    },
    onShow() {
      showPageTitle(this);
      void this.load();
    },
    pageTitle(): string {
      return t('orders.listTitle');
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (!own(this).orders) this.setData({ state: 'loading' });
      const res = await listOrders();
      if (!res.ok) {
        if (!own(this).orders) this.setData({ state: 'error', errorText: t(errorMessageKey(res.error)) });
        return;
      }
      own(this).orders = res.data;
      this.render();
    },
    render() {
      const { orders = [], tab } = own(this);
      const items = orders.filter((o) => inTab(o, tab)).map(orderCard);
      this.setData({
        state: items.length ? 'ready' : 'empty',
        tab,
        tabs: TABS.map((id) => ({ id, label: t(`orders.tab_${id}` as MessageKey) })),
        items,
      });
    },
    onLanguage() {
      this.render();
    },
    onTab(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: Tab }>) {
      own(this).tab = e.currentTarget.dataset.id;
      this.render();
    },
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({
        url: `${ORDER_PAGES.detail}?orderId=${encodeURIComponent(e.currentTarget.dataset.id)}`,
      });
    },
  },
});
