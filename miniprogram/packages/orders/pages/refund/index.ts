// Refund request: a reason (and a few words when it is "other"), then REFUNDING until the provider confirms.
import { refundOrder } from '../../../../api/orders';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { t, type MessageKey } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey } from '../../../../services/result';

const REASONS = ['plans', 'mistake', 'weather', 'other'] as const;
type Reason = (typeof REASONS)[number];
const MAX_REASON = 200;

const own = instanceState(() => ({ orderId: '', reason: '' as Reason | '', detail: '', busy: false }));

Component({
  behaviors: [i18nBehavior(['common', 'orders'])],
  data: {
    brandStyle,
    reasons: [] as Array<{ id: Reason; label: string }>,
    reason: '',
    error: '',
    notice: '',
    busy: false,
  },
  methods: {
    onLoad(query: { orderId?: string }) {
      own(this).orderId = query.orderId ?? '';
      this.onLanguage();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('orders.refundPageTitle');
    },
    onLanguage() {
      this.setData({ reasons: REASONS.map((id) => ({ id, label: t(`orders.reason_${id}` as MessageKey) })) });
    },
    onReason(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: Reason }>) {
      own(this).reason = e.currentTarget.dataset.id;
      this.setData({ reason: e.currentTarget.dataset.id, error: '' });
    },
    onDetail(e: WechatMiniprogram.Input) {
      own(this).detail = e.detail.value;
    },
    /** The text the server keeps: the chosen reason, and the user's words for "other". */
    reasonText(): string | undefined {
      const { reason, detail } = own(this);
      if (!reason) return undefined;
      const words = detail.trim().slice(0, MAX_REASON);
      if (reason === 'other') return words || undefined;
      return words ? `${reason}: ${words}`.slice(0, MAX_REASON) : reason;
    },
    async onSubmit() {
      const st = own(this);
      if (st.busy) return;
      const text = this.reasonText();
      if (!text) {
        this.setData({
          error: t(st.reason === 'other' ? 'orders.reasonDetailRequired' : 'orders.reasonRequired'),
        });
        return;
      }
      st.busy = true;
      this.setData({ busy: true, notice: '' });
      const res = await refundOrder(st.orderId, text);
      st.busy = false;
      this.setData({ busy: false });
      if (res.ok) {
        wx.navigateBack({ delta: 1 });
        return;
      }
      const refused = res.error.kind === 'http' && res.error.code === 'ORDER_NOT_REFUNDABLE';
      this.setData({ notice: refused ? t('orders.notRefundable') : t(errorMessageKey(res.error)) });
    },
  },
});
