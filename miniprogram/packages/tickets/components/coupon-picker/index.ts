// <coupon-picker lines="{{cartLines}}" time-zone="{{zone}}" bind:change="onCoupon" />: the user's coupons for a
// ticket cart. Fires `change` with {couponId, discount} after loading (best coupon pre-selected) and on every
// choice; the checkout sends couponId with the order and the server recomputes the discount.
import { syncCouponWallet, type Coupon } from '../../../../api/coupons';
import type { CartLine } from '../../../../domain/coupon';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { clock } from '../../../../services/clock';
import { loadCouponWallet } from '../../../../services/coupon-wallet';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { pickerView, sameSelection, type Choice, type Selection } from './picker-view';

const own = instanceState(() => ({
  loaded: false,
  coupons: undefined as Coupon[] | undefined,
  zone: '',
  choice: undefined as Choice,
  emitted: undefined as Selection | undefined,
}));

type Instance = WechatMiniprogram.Component.TrivialInstance;

Component({
  behaviors: [i18nBehavior(['coupons'])],
  properties: {
    /** The cart before any discount: [{category, subtotal: Money}]. */
    lines: { type: Array, value: [] },
    /** The destination's zone: coupons are valid by its dates. */
    timeZone: { type: String, value: '' },
  },
  data: {
    state: 'loading' as 'loading' | 'ready' | 'error',
    open: false,
    options: [] as ReturnType<typeof pickerView>['options'],
    summary: '',
    available: '',
    noneSelected: false,
  },
  observers: {
    'lines, timeZone'(this: Instance) {
      this.refresh();
    },
  },
  lifetimes: {
    attached(this: Instance) {
      void this.reload();
    },
  },
  methods: {
    /** Loads the user's coupons again (e.g. after the server refused one); the user's choice is kept if it still applies. */
    async reload() {
      const st = own(this);
      const fresh = await syncCouponWallet();
      const wallet = fresh.ok ? fresh.data : await loadCouponWallet();
      Object.assign(st, { loaded: true, coupons: wallet?.coupons, zone: wallet?.timeZone ?? '' });
      this.refresh();
    },
    refresh() {
      const st = own(this);
      const zone = (this.data.timeZone as string) || st.zone;
      if (!st.loaded) return;
      if (!st.coupons || !zone) {
        // Coupons could not be loaded (offline, never synced): the order goes without one.
        this.setData({ state: 'error', summary: t('coupons.pickerUnavailable'), options: [] });
        this.emit({ couponId: '', discount: null });
        return;
      }
      const view = pickerView(
        st.coupons,
        this.data.lines as CartLine[],
        localDateAt(clock.now(), zone),
        st.choice,
      );
      this.setData({
        state: 'ready',
        options: view.options,
        summary: view.summary,
        available: view.available,
        noneSelected: view.selection.couponId === '',
      });
      this.emit(view.selection);
    },
    emit(selection: Selection) {
      const st = own(this);
      if (sameSelection(st.emitted, selection)) return;
      st.emitted = selection;
      this.triggerEvent('change', selection);
    },
    onToggle() {
      if (this.data.state === 'ready') this.setData({ open: !this.data.open });
    },
    onPick(
      e: WechatMiniprogram.TouchEvent<
        Record<string, never>,
        Record<string, never>,
        { id: string; eligible: boolean }
      >,
    ) {
      const { id, eligible } = e.currentTarget.dataset;
      if (id !== '' && !eligible) return;
      own(this).choice = id;
      this.setData({ open: false });
      this.refresh();
    },
    onLanguage() {
      if (own(this).coupons) this.refresh();
    },
  },
});
