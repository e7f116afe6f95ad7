// Partner offers by category. Paints from the cache on a revisit, then from the network; a category switch
// filters locally (no request). Claimable offers come first.
import { getDestination } from '../../../../api/destination';
import { listOffers, type Offer } from '../../../../api/coupons';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { clock } from '../../../../services/clock';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey, type Result } from '../../../../services/result';
import { chatCard, pagePath } from '../../../../domain/share';
import { CATEGORY_TABS, categoryTabs, offerCards, type CategoryTab } from '../../offer-view';

const OFFER_PAGE = '/packages/coupons/pages/offer/index';
const WALLET_PAGE = '/packages/coupons/pages/wallet/index';

const own = instanceState(() => ({ offers: undefined as Offer[] | undefined, zone: '' }));

type TapEvent<D extends Record<string, unknown>> = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  D
>;

Component({
  behaviors: [i18nBehavior(['common', 'coupons'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    offline: false,
    tab: 'all' as CategoryTab,
    tabs: [] as ReturnType<typeof categoryTabs>,
    cards: [] as ReturnType<typeof offerCards>,
    zoneNote: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const tab = CATEGORY_TABS.find((c) => c === query.category) ?? 'all';
      this.setData({ tab });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('coupons.offersTitle');
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (!own(this).offers) this.setData({ state: 'loading' });
      const destination = await getDestination();
      if (!destination.ok) return this.apply(destination, false);
      // Validity is judged on the destination's date.
      own(this).zone = destination.data.timeZone;
      const first = await listOffers({ onRevalidate: (r) => this.apply(r, true) });
      this.apply(first, false);
    },
    /** A cached first paint stays when the revalidation fails; then the offline note shows. */
    apply(result: Result<Offer[]> | Extract<Result<unknown>, { ok: false }>, revalidation: boolean) {
      const st = own(this);
      if (result.ok) {
        st.offers = result.data;
        if (revalidation || !result.fromCache) this.setData({ offline: false });
        this.render();
      } else if (st.offers) {
        if (revalidation) this.setData({ offline: true });
      } else {
        this.setData({ state: 'error', errorText: t(errorMessageKey(result.error)) });
      }
    },
    render() {
      const st = own(this);
      if (!st.offers || !st.zone) return;
      const today = localDateAt(clock.now(), st.zone);
      this.setData({
        state: 'ready',
        tabs: categoryTabs(st.offers),
        cards: offerCards(st.offers, today, this.data.tab),
        zoneNote: t('coupons.localDates', { zone: st.zone }),
      });
    },
    onTab(e: TapEvent<{ id: CategoryTab }>) {
      const st = own(this);
      const tab = e.currentTarget.dataset.id;
      if (tab === this.data.tab || !st.offers) return;
      this.setData({ tab, cards: offerCards(st.offers, localDateAt(clock.now(), st.zone), tab) });
    },
    onOffer(e: TapEvent<{ id: string }>) {
      wx.navigateTo({ url: pagePath(OFFER_PAGE, { id: e.currentTarget.dataset.id }), fail: () => undefined });
    },
    onWallet() {
      wx.navigateTo({ url: WALLET_PAGE, fail: () => undefined });
    },
    onLanguage() {
      this.render();
    },
    /** The tab the sharer is on, with the photo of its first offer. */
    onShareAppMessage() {
      const category = this.data.tab === 'all' ? undefined : this.data.tab;
      return chatCard({
        title: t('coupons.homeEntry'),
        route: '/packages/coupons/pages/offers/index',
        params: { category },
        imageUrl: this.data.cards.find((c) => c.image)?.image,
      });
    },
  },
});
