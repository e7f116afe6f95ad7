// The coupon wallet: unused / used / expired, judged on the destination's date at the moment of viewing. It
// paints from the phone's storage first (no request before that), so it opens with the network off, then
// refreshes from the server whenever it is shown.
import { syncCouponWallet } from '../../../../api/coupons';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import type { CouponStatus } from '../../../../domain/coupon';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { pagePath } from '../../../../domain/share';
import { clock } from '../../../../services/clock';
import { showPageTitle } from '../../../../services/page-title';
import { loadCouponWallet, type CouponWallet } from '../../../../services/coupon-wallet';
import { errorMessageKey } from '../../../../services/result';
import { isWalletTab, walletView, type WalletView } from '../../wallet-view';
import { storedThenFresh } from '../../../../api/offline-first';

const COUPON_PAGE = '/packages/coupons/pages/coupon/index';
const OFFERS_PAGE = '/packages/coupons/pages/offers/index';

const own = instanceState(() => ({ wallet: undefined as CouponWallet | undefined, loading: false }));

Component({
  behaviors: [i18nBehavior(['common', 'coupons'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    offline: false,
    tab: 'unused' as CouponStatus,
    tabs: [] as WalletView['tabs'],
    cards: [] as WalletView['cards'],
    empty: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      if (isWalletTab(query.tab)) this.setData({ tab: query.tab });
    },
    onShow() {
      showPageTitle(this);
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const st = own(this);
      if (st.loading) return;
      st.loading = true;
      try {
        const outcome = await storedThenFresh({
          showing: st.wallet !== undefined,
          stored: loadCouponWallet,
          fresh: syncCouponWallet,
          show: (wallet) => this.render(wallet),
        });
        if (outcome.kind === 'error') {
          this.setData({ state: 'error', errorText: t(errorMessageKey(outcome.error)) });
          return;
        }
        // Offline, judged again at this moment: a coupon whose last day ended since the last sync shows as expired.
        if (outcome.kind === 'offline') this.render();
        this.setData({ offline: outcome.kind === 'offline' });
      } finally {
        st.loading = false;
      }
    },
    render(next?: CouponWallet) {
      const st = own(this);
      if (next) st.wallet = next;
      const wallet = st.wallet;
      if (!wallet) return;
      // "Now" is read at every render: a wallet left open past midnight at the destination moves its coupons.
      const today = localDateAt(clock.now(), wallet.timeZone);
      const view = walletView(wallet.coupons, today, wallet.timeZone, this.data.tab);
      this.setData({ state: 'ready', tabs: view.tabs, cards: view.cards, empty: view.empty });
    },
    onTab(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: CouponStatus }>,
    ) {
      if (e.currentTarget.dataset.id === this.data.tab) return;
      this.setData({ tab: e.currentTarget.dataset.id });
      this.render();
    },
    onCoupon(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({
        url: pagePath(COUPON_PAGE, { id: e.currentTarget.dataset.id }),
        fail: () => undefined,
      });
    },
    onBrowse() {
      wx.navigateTo({ url: OFFERS_PAGE, fail: () => undefined });
    },
    pageTitle(): string {
      return t('coupons.walletTitle');
    },
    onLanguage() {
      this.render();
    },
  },
});
