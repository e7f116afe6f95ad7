// Me: the visitor's hub (tickets, orders, coupons, policies with counts that paint from the phone first), the
// language, customer service, feedback, the Official Account, privacy and deleting this device's data.
import { listPolicies } from '../../api/insurance';
import { listOrders } from '../../api/orders';
import { i18nBehavior } from '../../components/behaviors/i18n';
import { brand, brandStyle } from '../../config/brand';
import { instanceState } from '../../domain/instance-state';
import { currentLang, isLang, t } from '../../i18n/index';
import { deleteDeviceData, loadHubCounts, saveHubCounts } from '../../services/account';
import { clock } from '../../services/clock';
import { loadCouponWallet } from '../../services/coupon-wallet';
import { switchLanguage } from '../../services/preferences';
import { syncTabBarLanguage } from '../../services/tab-bar';
import { showPageTitle } from '../../services/page-title';
import { loadWallet } from '../../services/wallet';
import {
  contactView,
  headerView,
  hubEntries,
  HUB_LINKS,
  localCounts,
  serverCounts,
  type Counts,
  type HubId,
} from './me-view';

const ROUTE = 'pages/me/index';
const ACCOUNT = '/packages/account/pages';

// `generation` moves on when the data is deleted, so a refresh that was under way does not write it back.
const own = instanceState(() => ({ counts: {} as Counts, refreshing: false, generation: 0 }));

type Tap<D extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

Component({
  behaviors: [i18nBehavior(['me'])],
  data: {
    brandStyle,
    header: headerView(),
    entries: hubEntries({}),
    contact: contactView(ROUTE, currentLang()),
    notice: '',
  },
  methods: {
    onLoad() {
      this.onLanguage();
    },
    onShow() {
      showPageTitle(this);
      syncTabBarLanguage();
      void this.refresh();
    },
    /** Counts from the phone first (works offline), then orders and policies from the server when it answers. */
    async refresh() {
      const st = own(this);
      if (st.refreshing) return;
      st.refreshing = true;
      const generation = st.generation;
      try {
        const [wallet, coupons, server] = await Promise.all([
          loadWallet(),
          loadCouponWallet(),
          loadHubCounts(),
        ]);
        if (generation === st.generation)
          this.showCounts(localCounts({ wallet, coupons, server }, clock.now()));
        const [orders, policies] = await Promise.all([listOrders(), listPolicies()]);
        if (orders.ok && policies.ok && generation === st.generation) {
          const fresh = serverCounts(orders.data, policies.data, clock.now());
          await saveHubCounts(fresh);
          this.showCounts({ ...own(this).counts, ...fresh });
        }
      } finally {
        st.refreshing = false;
      }
    },
    showCounts(counts: Counts) {
      own(this).counts = counts;
      this.setData({ entries: hubEntries(counts) });
    },
    pageTitle(): string {
      return t('me.title');
    },
    onLanguage() {
      syncTabBarLanguage();
      this.setData({
        header: headerView(),
        entries: hubEntries(own(this).counts),
        contact: contactView(ROUTE, currentLang()),
        notice: '',
      });
    },
    onEntry(e: Tap<{ id: HubId }>) {
      const link = HUB_LINKS[e.currentTarget.dataset.id];
      if (link.tab) wx.switchTab({ url: link.url, fail: () => undefined });
      else wx.navigateTo({ url: link.url, fail: () => undefined });
    },
    onPickLanguage(e: Tap<{ lang: string }>) {
      const lang = e.currentTarget.dataset.lang;
      if (isLang(lang) && lang !== currentLang()) void switchLanguage(lang);
    },
    onPrivacyPolicy() {
      wx.navigateTo({ url: `${ACCOUNT}/privacy/index`, fail: () => undefined });
    },
    onAbout() {
      wx.navigateTo({ url: `${ACCOUNT}/about/index`, fail: () => undefined });
    },
    onDeleteData() {
      wx.showModal({
        title: t('me.deleteTitle'),
        content: t('me.deleteBody'),
        confirmText: t('me.deleteConfirm'),
        cancelText: t('me.deleteCancel'),
        confirmColor: brand.colors.primary,
        success: (res) => {
          if (res.confirm) void this.deleteData();
        },
      });
    },
    async deleteData() {
      own(this).generation++;
      const kept = await deleteDeviceData();
      this.setData({ notice: kept ? t('me.deletedKeptPending', { count: kept }) : t('me.deleted') });
      this.showCounts({});
    },
  },
});
