// Trips: the e-ticket wallet. It paints from the phone's storage first (no request before that), so every
// ticket and QR code shows with the network off, then refreshes from the server when it can.
import { syncWallet } from '../../api/tickets';
import { i18nBehavior } from '../../components/behaviors/i18n';
import { brandStyle } from '../../config/brand';
import { instanceState } from '../../domain/instance-state';
import { localDateAt } from '../../domain/time';
import { t } from '../../i18n/index';
import { clock } from '../../services/clock';
import { errorMessageKey } from '../../services/result';
import { loadWallet, type Wallet } from '../../services/wallet';
import { tripGroups, type TripGroup } from './trips-view';
import { syncTabBarLanguage } from '../../services/tab-bar';
import { showPageTitle } from '../../services/page-title';
import { storedThenFresh } from '../../api/offline-first';

const CATALOG = '/packages/tickets/pages/catalog/index';
const COUPON_WALLET = '/packages/coupons/pages/wallet/index';

const own = instanceState(() => ({ wallet: undefined as Wallet | undefined, loading: false }));

Component({
  behaviors: [i18nBehavior(['common', 'tickets'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
    errorText: '',
    offline: false,
    groups: [] as TripGroup[],
    /** The coupon wallet's entry (its one string, so Trips need not load the coupons namespace). */
    couponsEntry: '',
  },
  methods: {
    onLoad() {
      this.setData({ couponsEntry: t('coupons.walletEntry') });
    },
    onCoupons() {
      wx.navigateTo({ url: COUPON_WALLET, fail: () => undefined });
    },
    onShow() {
      showPageTitle(this);
      syncTabBarLanguage();
      void this.load();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onStatusAction() {
      if (this.data.state === 'empty') wx.navigateTo({ url: CATALOG });
      else void this.load();
    },
    async load() {
      const st = own(this);
      if (st.loading) return;
      st.loading = true;
      try {
        const outcome = await storedThenFresh({
          showing: st.wallet !== undefined,
          stored: loadWallet,
          fresh: syncWallet,
          show: (wallet) => this.render(wallet),
        });
        if (outcome.kind === 'error')
          this.setData({ state: 'error', errorText: t(errorMessageKey(outcome.error)) });
        else this.setData({ offline: outcome.kind === 'offline' });
      } finally {
        st.loading = false;
      }
    },
    render(wallet: Wallet) {
      own(this).wallet = wallet;
      const groups = tripGroups(wallet.tickets, localDateAt(clock.now(), wallet.timeZone));
      this.setData({ state: groups.length ? 'ready' : 'empty', groups });
    },
    pageTitle(): string {
      return t('tickets.walletTitle');
    },
    onLanguage() {
      this.setData({ couponsEntry: t('coupons.walletEntry') });
      if (own(this).wallet) this.render(own(this).wallet!);
    },
  },
});
