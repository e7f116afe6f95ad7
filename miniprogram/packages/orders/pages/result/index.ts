// Pay result: paid (confirmed by the server), cancelled (order kept, countdown, pay again with the same order),
// failed (reason, retry), confirming (polls the server, then a calm message; the next launch reconciles), expired.
import {
  cancelOrder,
  confirmPayment,
  getOrder,
  payForOrder,
  remindVisit,
  type Order,
} from '../../../../api/orders';
import { syncWallet } from '../../../../api/tickets';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { formatMoney } from '../../../../domain/money';
import { currentLang, t, type MessageKey } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { errorMessageKey } from '../../../../services/result';
import { requestSubscription, subscribeTemplates } from '../../services/subscribe';
import {
  CONFIRM_POLLING,
  ORDER_PAGES,
  countdown,
  resultState,
  type Outcome,
  type ResultState,
} from '../../order-view';

type FailReason = 'payment' | 'expired' | 'not_payable' | 'error';

const own = instanceState(() => ({
  orderId: '',
  outcome: 'confirming' as Outcome,
  reason: 'error' as FailReason,
  order: undefined as Order | undefined,
  alive: true,
  polling: false,
  ticker: undefined as number | undefined,
}));

const FAIL_TEXT: Record<FailReason, MessageKey> = {
  payment: 'orders.failedPayment',
  expired: 'orders.expiredBody',
  not_payable: 'orders.failedNotPayable',
  error: 'orders.failedError',
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

Component({
  behaviors: [i18nBehavior(['common', 'orders'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'error' | ResultState,
    errorText: '',
    title: '',
    total: null as Order['total'] | null,
    totalCny: null as Order['totalCny'] | null,
    deadline: '',
    failedText: '',
    payLabel: '',
    slow: false,
    busy: false,
    reminder: '',
    canRemind: false,
  },
  methods: {
    onLoad(query: { orderId?: string; outcome?: string; reason?: string }) {
      const st = own(this);
      st.orderId = query.orderId ?? '';
      st.outcome =
        (['paid', 'cancelled', 'failed', 'confirming'] as const).find((o) => o === query.outcome) ??
        'confirming';
      st.reason =
        (['payment', 'expired', 'not_payable', 'error'] as const).find((r) => r === query.reason) ?? 'error';
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('orders.resultTitle');
    },
    onUnload() {
      const st = own(this);
      st.alive = false;
      this.stopTicker();
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const res = await getOrder(own(this).orderId);
      if (!res.ok) {
        if (!own(this).order) this.setData({ state: 'error', errorText: t(errorMessageKey(res.error)) });
        return;
      }
      this.apply(res.data);
    },
    apply(order: Order) {
      const st = own(this);
      st.order = order;
      const state = resultState(order, st.outcome, clock.now());
      this.setData({
        state,
        title: order.items[0]?.title[currentLang()] ?? '',
        total: order.total,
        totalCny: order.totalCny,
        payLabel: t('orders.payAgain', { amount: formatMoney(order.total) }),
        failedText: state === 'failed' ? t(FAIL_TEXT[st.reason]) : '',
        canRemind: state === 'paid' && order.kind === 'tickets' && subscribeTemplates.visitReminder !== '',
      });
      if (state === 'cancelled' || state === 'failed') this.startTicker();
      else this.stopTicker();
      if (state === 'confirming') void this.poll();
      // The tickets go into the offline wallet at once, so they show at the gate even with no signal later.
      if (state === 'paid' && order.kind === 'tickets') void syncWallet();
    },
    onLanguage() {
      if (own(this).order) this.apply(own(this).order!);
    },
    /** Confirming: the server is asked until it confirms; after a while the page says so calmly, and keeps going. */
    async poll() {
      const st = own(this);
      if (st.polling) return;
      st.polling = true;
      try {
        for (let round = 0; round <= CONFIRM_POLLING.rounds && st.alive; round++) {
          if (round > 0) await wait(CONFIRM_POLLING.intervalMs);
          if (!st.alive) return;
          const outcome = await confirmPayment(st.orderId);
          if (outcome.kind === 'paid') {
            st.outcome = 'paid';
            this.apply(outcome.order);
            return;
          }
          if (!this.data.slow) this.setData({ slow: true });
        }
      } finally {
        st.polling = false;
      }
    },
    startTicker() {
      const st = own(this);
      this.tick();
      if (st.ticker === undefined) st.ticker = setInterval(() => this.tick(), 1000) as unknown as number;
    },
    stopTicker() {
      const st = own(this);
      if (st.ticker !== undefined) clearInterval(st.ticker);
      st.ticker = undefined;
    },
    /** The countdown to expiry; at zero the server is asked, and the page shows what it says (expired). */
    tick() {
      const order = own(this).order;
      if (!order) return;
      const deadline = Date.parse(order.expiresAt);
      if (deadline <= clock.now()) {
        this.stopTicker();
        void this.load();
        return;
      }
      this.setData({ deadline: countdown(deadline, clock.now()) });
    },
    async onPayAgain() {
      const st = own(this);
      if (this.data.busy) return;
      this.setData({ busy: true });
      const outcome = await payForOrder(st.orderId);
      this.setData({ busy: false });
      if (outcome.kind === 'failed') {
        st.outcome = 'failed';
        st.reason = outcome.reason;
        await this.load();
        return;
      }
      st.outcome = outcome.kind === 'unknown' ? 'confirming' : outcome.kind;
      if (outcome.kind !== 'unknown' && outcome.order) this.apply(outcome.order);
      else await this.load();
    },
    onCancelOrder() {
      wx.showModal({
        content: t('orders.cancelConfirm'),
        success: (res) => {
          if (!res.confirm) return;
          void cancelOrder(own(this).orderId).then(() => this.load());
        },
      });
    },
    onRemind() {
      // Called straight from the tap: WeChat shows the subscription prompt only then. An accepted subscription is
      // only a reminder once the server has it (it sends the message); if that fails the button stays to try again.
      const orderId = own(this).order?.id;
      void requestSubscription(subscribeTemplates.visitReminder)
        .then(async (answer) =>
          answer === 'accepted' && orderId && !(await remindVisit(orderId)).ok ? 'unavailable' : answer,
        )
        .then((answer) =>
          this.setData({
            reminder: t(
              answer === 'accepted'
                ? 'orders.reminderOn'
                : answer === 'declined'
                  ? 'orders.reminderDeclined'
                  : 'orders.reminderUnavailable',
            ),
            canRemind: answer !== 'accepted',
          }),
        );
    },
    onViewTickets() {
      wx.switchTab({ url: ORDER_PAGES.trips });
    },
    onViewOrder() {
      wx.redirectTo({ url: `${ORDER_PAGES.detail}?orderId=${encodeURIComponent(own(this).orderId)}` });
    },
    onBookAgain() {
      const productId = own(this).order?.items[0]?.productId ?? '';
      wx.redirectTo({ url: `/packages/tickets/pages/book/index?productId=${encodeURIComponent(productId)}` });
    },
  },
});
