// One offer: its terms, the merchant on a map (and its guide page when there is one), and the claim. A claim is
// one intent with one Idempotency-Key: retries after a lost response and double taps get one coupon. Each of the
// server's refusals says what happened. Opened from a Moments post it renders from its query alone, without
// login or navigation.
import { claimOffer, getOffer, syncCouponWallet, type Coupon, type Offer } from '../../../../api/coupons';
import { getDestination } from '../../../../api/destination';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { createIntent, type Intent } from '../../../../domain/intent';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { chatCard, momentsPost, pagePath, type Share } from '../../../../domain/share';
import { clock } from '../../../../services/clock';
import { refreshPageTitle, showPageTitle } from '../../../../services/page-title';
import { openedFromMoments } from '../../../../services/scene';
import { loadCouponWallet } from '../../../../services/coupon-wallet';
import { newIdempotencyKey } from '../../../../services/http';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import {
  claimButton,
  claimRefusal,
  offerDetail,
  type ClaimButton,
  type Learned,
  type OfferDetail,
} from '../../offer-view';

const OFFER_PAGE = '/packages/coupons/pages/offer/index';
const COUPON_PAGE = '/packages/coupons/pages/coupon/index';
const WALLET_PAGE = '/packages/coupons/pages/wallet/index';
const POI_PAGE = '/packages/guide/pages/poi/index';

/** One claim intent per offer for the app's run, so coming back to an offer after a lost response reuses its key. */
const intents = new Map<string, Intent>();
function intentFor(offerId: string): Intent {
  let intent = intents.get(offerId);
  if (!intent) intents.set(offerId, (intent = createIntent(newIdempotencyKey)));
  return intent;
}

const own = instanceState(() => ({
  id: '',
  offer: undefined as Offer | undefined,
  zone: '',
  /** The user's coupons from this offer. */
  held: [] as Coupon[],
  learned: undefined as Learned | undefined,
  busy: false,
}));

Component({
  behaviors: [i18nBehavior(['common', 'coupons'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    retryable: true,
    moments: false,
    view: null as OfferDetail | null,
    button: null as ClaimButton | null,
    claiming: false,
    notice: '',
    noticeKind: '' as '' | 'success' | 'error',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).id = query.id ?? '';
      this.setData({ moments: openedFromMoments() });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return this.data.view?.merchant ?? '';
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const st = own(this);
      this.setData({ state: 'loading' });
      const [destination, offer] = await Promise.all([getDestination(), getOffer(st.id)]);
      const failed = !offer.ok ? offer.error : !destination.ok ? destination.error : undefined;
      if (failed || !offer.ok || !destination.ok) return this.fail(failed!);
      Object.assign(st, { offer: offer.data, zone: destination.data.timeZone });
      this.render();
      if (!this.data.moments) await this.loadHeld();
    },
    fail(error: ApiError) {
      const missing = error.kind === 'http' && error.status === 404;
      this.setData({
        state: 'error',
        errorText: missing ? t('coupons.offerNotFound') : t(errorMessageKey(error)),
        retryable: !missing,
      });
    },
    /** How many of this offer's coupons the user holds: the stored wallet at once, then the server's list. */
    async loadHeld() {
      const stored = await loadCouponWallet();
      if (stored) this.hold(stored.coupons);
      const fresh = await syncCouponWallet();
      if (fresh.ok) this.hold(fresh.data.coupons);
    },
    hold(coupons: Coupon[]) {
      const st = own(this);
      st.held = coupons.filter((c) => c.offerId === st.id);
      this.render();
    },
    render() {
      const st = own(this);
      if (!st.offer) return;
      const today = localDateAt(clock.now(), st.zone);
      this.setData({
        state: 'ready',
        view: offerDetail(st.offer, today),
        button: claimButton(st.offer, today, st.held.length, {
          moments: this.data.moments,
          learned: st.learned,
        }),
      });
      refreshPageTitle(this);
    },
    onClaimTap() {
      const button = this.data.button;
      if (button?.state === 'claimed') this.openHeld();
      else if (button?.enabled) void this.claim();
    },
    async claim() {
      const st = own(this);
      if (st.busy || !st.offer) return;
      st.busy = true;
      this.setData({ claiming: true, notice: '', noticeKind: '' });
      const intent = intentFor(st.id);
      const res = await claimOffer(st.id, intent.keyFor({ offerId: st.id }), st.zone);
      // The server answered (a coupon or a refusal): the next tap is a new intent. A network failure or a 5xx
      // (the claim may have gone through) keeps the key, so the next tap asks for the same coupon.
      intent.settle(res);
      if (res.ok) {
        st.held = [res.data, ...st.held.filter((c) => c.id !== res.data.id)];
        this.setData({ notice: t('coupons.claimed'), noticeKind: 'success' });
        const fresh = await getOffer(st.id);
        if (fresh.ok) st.offer = fresh.data;
      } else {
        const refusal = claimRefusal(res.error, st.offer);
        st.learned = refusal.learned ?? st.learned;
        this.setData({ notice: refusal.message, noticeKind: 'error' });
        if (refusal.learned === 'limit') await this.loadHeld();
      }
      st.busy = false;
      this.setData({ claiming: false });
      this.render();
    },
    openHeld() {
      const latest = own(this).held[0];
      const url = latest ? pagePath(COUPON_PAGE, { id: latest.id }) : WALLET_PAGE;
      wx.navigateTo({ url, fail: () => undefined });
    },
    onGuide() {
      const poiId = this.data.view?.poiId;
      if (poiId) wx.navigateTo({ url: pagePath(POI_PAGE, { id: poiId }), fail: () => undefined });
    },
    onDirections() {
      const view = this.data.view;
      if (!view?.map) return;
      wx.openLocation({
        latitude: view.map.latitude,
        longitude: view.map.longitude,
        name: view.merchant,
        address: view.address,
        scale: 16,
        fail: () => undefined,
      });
    },
    onLanguage() {
      this.render();
    },
    share(): Share {
      const view = this.data.view;
      return {
        title: view?.shareTitle ?? t('coupons.homeEntry'),
        route: OFFER_PAGE,
        params: { id: own(this).id },
        imageUrl: view?.image,
      };
    },
    onShareAppMessage() {
      return chatCard(this.share());
    },
    onShareTimeline() {
      return momentsPost(this.share());
    },
  },
});
