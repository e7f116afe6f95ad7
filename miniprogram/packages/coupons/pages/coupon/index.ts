// A coupon at the counter: its code as text and QR (the e-tickets' component), the screen at full brightness
// while the code shows, and the status turning to "used" when the merchant scans it (polled while shown, and
// on every show). It opens from the phone's storage first, so it works with no signal.
import { devRedeemCoupon, getCoupon, type Coupon } from '../../../../api/coupons';
import { getDestination } from '../../../../api/destination';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { envConfig } from '../../../../config/env';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { pagePath } from '../../../../domain/share';
import { raiseBrightness, restoreBrightness } from '../../../../services/brightness';
import { clock } from '../../../../services/clock';
import { showPageTitle } from '../../../../services/page-title';
import { loadCouponWallet } from '../../../../services/coupon-wallet';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { couponDetail, type CouponDetail } from '../../wallet-view';

/** How often a shown code asks whether it has been scanned. */
const POLL_MS = 2000;

const OFFER_PAGE = '/packages/coupons/pages/offer/index';
const CATALOG_PAGE = '/packages/tickets/pages/catalog/index';

const own = instanceState(() => ({
  id: '',
  coupon: undefined as Coupon | undefined,
  zone: '',
  visible: false,
  timer: undefined as number | undefined,
}));

function errorText(error: ApiError): string {
  return error.kind === 'http' && error.status === 404
    ? t('coupons.couponNotFound')
    : t(errorMessageKey(error));
}

Component({
  behaviors: [i18nBehavior(['common', 'coupons'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    offline: false,
    view: null as CouponDetail | null,
    dev: false,
    devNotice: '',
  },
  lifetimes: {
    detached() {
      this.leave();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).id = query.id ?? '';
    },
    onShow() {
      showPageTitle(this);
      own(this).visible = true;
      void this.load();
    },
    onHide() {
      this.leave();
    },
    onUnload() {
      this.leave();
    },
    /** Off screen: the user's brightness back, no more polling. */
    leave() {
      const st = own(this);
      st.visible = false;
      this.stopPolling();
      restoreBrightness();
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const st = own(this);
      if (!st.coupon) {
        const stored = await loadCouponWallet();
        const coupon = stored?.coupons.find((c) => c.id === st.id);
        if (stored && coupon) {
          st.zone = stored.timeZone;
          this.render(coupon);
        }
      }
      await this.refresh();
    },
    async refresh() {
      const st = own(this);
      if (!st.zone) {
        const destination = await getDestination();
        if (!destination.ok) return this.failed(destination.error);
        st.zone = destination.data.timeZone;
      }
      const res = await getCoupon(st.id, st.zone);
      if (!res.ok) return this.failed(res.error);
      this.setData({ offline: false });
      this.render(res.data);
    },
    /** A code already on screen (from storage) stays there, whatever the failure: the counter needs it. */
    failed(error: ApiError) {
      if (!own(this).coupon) {
        this.setData({ state: 'error', errorText: errorText(error) });
        return;
      }
      if (error.kind === 'network') this.setData({ offline: true });
      this.schedule();
    },
    render(coupon: Coupon) {
      const st = own(this);
      const scanned = st.coupon?.status === 'unused' && coupon.status === 'used';
      st.coupon = coupon;
      const view = couponDetail(coupon, localDateAt(clock.now(), st.zone), st.zone);
      this.setData({
        state: 'ready',
        view,
        dev: envConfig().devTools && view.showCode,
      });
      if (scanned) wx.vibrateShort({ type: 'medium', fail: () => undefined });
      if (view.showCode && st.visible) raiseBrightness();
      else restoreBrightness();
      this.schedule();
    },
    /** Polls while a redeemable code is on screen; stops once it is used, expired or the page is left. */
    schedule() {
      const st = own(this);
      this.stopPolling();
      if (!st.visible || !this.data.view?.showCode) return;
      st.timer = setTimeout(() => {
        st.timer = undefined;
        void this.refresh();
      }, POLL_MS) as unknown as number;
    },
    stopPolling() {
      const st = own(this);
      if (st.timer !== undefined) clearTimeout(st.timer);
      st.timer = undefined;
    },
    async onDevRedeem() {
      const code = own(this).coupon?.code;
      if (!code) return;
      const res = await devRedeemCoupon(code);
      this.setData({ devNotice: res.ok ? '' : t('coupons.devRedeemFailed') });
      if (res.ok) await this.refresh();
    },
    onDirections() {
      const d = this.data.view?.directions;
      if (!d) return;
      wx.openLocation({ ...d, scale: 16, fail: () => undefined });
    },
    onOffer() {
      const offerId = this.data.view?.offerId;
      if (offerId) wx.navigateTo({ url: pagePath(OFFER_PAGE, { id: offerId }), fail: () => undefined });
    },
    onBuyTickets() {
      wx.navigateTo({ url: CATALOG_PAGE, fail: () => undefined });
    },
    pageTitle(): string {
      return t('coupons.couponTitle');
    },
    onLanguage() {
      const coupon = own(this).coupon;
      if (coupon) this.render(coupon);
    },
  },
});
