// Order detail: items, amounts, contact, status history; pay or cancel an unpaid order, ask for a refund.
import { getDestination } from '../../../../api/destination';
import { cancelOrder, getOrder, payForOrder, type Order } from '../../../../api/orders';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { formatMoney } from '../../../../domain/money';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { errorMessageKey } from '../../../../services/result';
import { ORDER_PAGES, countdown, orderDetail, type OrderDetail } from '../../order-view';

const own = instanceState(() => ({
  orderId: '',
  order: undefined as Order | undefined,
  zone: '',
  busy: false,
}));

Component({
  behaviors: [i18nBehavior(['common', 'orders'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    notice: '',
    view: null as OrderDetail | null,
    payLabel: '',
    payBy: '',
    currencyNote: '',
  },
  methods: {
    onLoad(query: { orderId?: string }) {
      own(this).orderId = query.orderId ?? '';
    },
    onShow() {
      showPageTitle(this);
      void this.load();
    },
    pageTitle(): string {
      return t('orders.detailTitle');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const st = own(this);
      const [order, destination] = await Promise.all([getOrder(st.orderId), getDestination()]);
      if (!order.ok || !destination.ok) {
        const error = !order.ok ? order.error : !destination.ok ? destination.error : undefined;
        if (error && !st.order) this.setData({ state: 'error', errorText: t(errorMessageKey(error)) });
        return;
      }
      st.zone = destination.data.timeZone;
      this.setData({ currencyNote: t('orders.estimateNote', { currency: destination.data.currency }) });
      this.apply(order.data);
    },
    apply(order: Order) {
      const st = own(this);
      st.order = order;
      const view = orderDetail(order, st.zone, clock.now());
      this.setData({
        state: 'ready',
        view,
        payLabel: t('orders.pay', { amount: formatMoney(order.total) }),
        payBy: view.payable
          ? t('orders.payBy', { time: countdown(Date.parse(order.expiresAt), clock.now()) })
          : '',
      });
    },
    onLanguage() {
      if (own(this).order) this.apply(own(this).order!);
    },
    async onPay() {
      const st = own(this);
      if (st.busy) return;
      st.busy = true;
      const outcome = await payForOrder(st.orderId);
      st.busy = false;
      const kind = outcome.kind === 'unknown' ? 'confirming' : outcome.kind;
      const reason = outcome.kind === 'failed' ? `&reason=${outcome.reason}` : '';
      wx.navigateTo({
        url: `${ORDER_PAGES.result}?orderId=${encodeURIComponent(st.orderId)}&outcome=${kind}${reason}`,
      });
    },
    onCancel() {
      wx.showModal({
        content: t('orders.cancelConfirm'),
        success: (res) => {
          if (!res.confirm) return;
          void cancelOrder(own(this).orderId).then((r) => {
            if (r.ok) this.apply(r.data);
            else {
              this.setData({ notice: t('orders.notCancellable') });
              void this.load();
            }
          });
        },
      });
    },
    onRefund() {
      wx.navigateTo({ url: `${ORDER_PAGES.refund}?orderId=${encodeURIComponent(own(this).orderId)}` });
    },
    onViewTickets() {
      wx.switchTab({ url: ORDER_PAGES.trips });
    },
  },
});
