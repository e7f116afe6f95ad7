// Date and quantity: a Vant calendar of destination dates with each day's price and sold-out state, a stepper
// per ticket type within its per-order range and the day's remaining places, and the live price breakdown.
import { getDestination, type Destination } from '../../../../api/destination';
import { getCalendar, getProduct, type Product } from '../../../../api/products';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import {
  bookable,
  calendarWindow,
  dayIndex,
  dayInfo,
  fromPickerTime,
  pickerFormatter,
  toPickerTime,
  type CalendarDayInput,
} from '../../domain/calendar';
import { cartQuery, clampToRemaining, stepQuantity } from '../../domain/checkout';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt, type LocalDate } from '../../../../domain/time';
import { currentLang, t } from '../../../../i18n/index';
import { clock } from '../../../../services/clock';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { PAGES } from '../../product-view';
import {
  canContinue,
  changedRowPaths,
  dateLabel,
  dayNote,
  quoteFor,
  summary,
  typeRows,
  type Summary,
  type TypeRow,
} from './book-view';

const own = instanceState(() => ({
  productId: '',
  product: undefined as Product | undefined,
  destination: undefined as Destination | undefined,
  today: '' as LocalDate,
  days: new Map<LocalDate, CalendarDayInput>(),
  date: '' as LocalDate,
  quantities: {} as Record<string, number>,
  loaded: false,
}));

type StepEvent = WechatMiniprogram.TouchEvent<
  Record<string, never>,
  Record<string, never>,
  { id: string; dir: string }
>;

Component({
  behaviors: [i18nBehavior(['common', 'tickets'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    title: '',
    zoneNote: '',
    estimateNote: '',
    picker: {
      show: false,
      min: 0,
      max: 0,
      current: 0,
      formatter: null as unknown,
    },
    date: '',
    dateLabel: '',
    dayNote: '',
    notice: '',
    types: [] as TypeRow[],
    summary: { lines: [], discount: null, total: null, estimate: null } as Summary,
    currency: '',
    canNext: false,
  },
  methods: {
    onLoad(query: { productId?: string }) {
      own(this).productId = query.productId ?? '';
      void this.load();
    },
    onShow() {
      showPageTitle(this);
      // Stock moves while the user is elsewhere (e.g. checkout was refused): the calendar is fetched again.
      if (own(this).loaded) void this.refreshCalendar();
    },
    pageTitle(): string {
      return t('tickets.book');
    },
    onRetry() {
      void this.load();
    },
    fail(error: ApiError) {
      this.setData({ state: 'error', errorKey: errorMessageKey(error).slice('common.'.length) });
    },
    async load() {
      const st = own(this);
      this.setData({ state: 'loading' });
      const [product, destination] = await Promise.all([getProduct(st.productId), getDestination()]);
      if (!product.ok) return this.fail(product.error);
      if (!destination.ok) return this.fail(destination.error);
      st.product = product.data;
      st.destination = destination.data;
      st.today = localDateAt(clock.now(), destination.data.timeZone);
      const calendar = await this.fetchDays();
      if (calendar) return this.fail(calendar);
      st.loaded = true;
      const { from, to } = calendarWindow(st.today);
      this.setData({
        state: 'ready',
        title: product.data.title[currentLang()],
        ...this.notes(),
        currency: destination.data.currency,
        picker: {
          show: false,
          min: toPickerTime(from),
          max: toPickerTime(to),
          current: toPickerTime(from),
          formatter: this.formatter(),
        },
        ...this.selection(),
      });
    },
    /** Loads the bookable window into st.days; the error when it could not. */
    async fetchDays(): Promise<ApiError | undefined> {
      const st = own(this);
      const { from, to } = calendarWindow(st.today);
      const res = await getCalendar(st.productId, from, to);
      if (!res.ok) return res.error;
      st.days = dayIndex(res.data.days);
      return undefined;
    },
    formatter() {
      const st = own(this);
      return pickerFormatter(st.days, st.today, {
        soldOut: t('tickets.sold_out'),
        closed: t('tickets.closed'),
        today: t('tickets.today'),
        left: (n) => t('tickets.left', { n }),
      });
    },
    /** Everything that depends on the chosen day and quantities. */
    selection() {
      const st = own(this);
      const product = st.product!;
      const fx = st.destination!.fx;
      const day = st.date ? st.days.get(st.date) : undefined;
      return {
        date: st.date,
        dateLabel: dateLabel(st.date),
        dayNote: dayNote(day),
        types: typeRows(product, day, st.quantities),
        summary: summary(product, quoteFor(product, day, st.quantities, st.destination!.currency, fx), fx),
        canNext: canContinue(st.date, st.quantities),
      };
    },
    async refreshCalendar() {
      const st = own(this);
      if (await this.fetchDays()) return;
      let notice = '';
      const day = st.date ? st.days.get(st.date) : undefined;
      if (st.date && !bookable(dayInfo(day))) {
        st.date = '';
        notice = t('tickets.dateGone');
      } else if (day) {
        const clamped = clampToRemaining(st.product!.ticketTypes, st.quantities, dayInfo(day).remaining);
        if (Object.keys(clamped).some((id) => clamped[id] !== (st.quantities[id] ?? 0)))
          notice = t('tickets.reduced');
        st.quantities = clamped;
      }
      this.setData({ 'picker.formatter': this.formatter(), notice, ...this.selection() });
    },
    /** Sentences with the destination's zone and currency in them, in the current language. */
    notes() {
      const { timeZone, currency } = own(this).destination!;
      return {
        zoneNote: t('tickets.dayTimeZone', { zone: timeZone }),
        estimateNote: t('tickets.estimateNote', { currency }),
      };
    },
    onLanguage() {
      if (!own(this).loaded) return;
      this.setData({
        title: own(this).product!.title[currentLang()],
        ...this.notes(),
        'picker.formatter': this.formatter(),
        ...this.selection(),
      });
    },
    onOpenCalendar() {
      this.setData({ 'picker.show': true });
    },
    onCloseCalendar() {
      this.setData({ 'picker.show': false });
    },
    onConfirmDate(e: { detail: Date | number }) {
      const st = own(this);
      const date = fromPickerTime(e.detail);
      const day = st.days.get(date);
      if (!bookable(dayInfo(day))) return;
      st.date = date;
      st.quantities = clampToRemaining(st.product!.ticketTypes, st.quantities, dayInfo(day).remaining);
      this.setData({
        'picker.show': false,
        'picker.current': toPickerTime(date),
        notice: '',
        ...this.selection(),
      });
    },
    onStep(e: StepEvent) {
      const st = own(this);
      const type = st.product?.ticketTypes.find((x) => x.id === e.currentTarget.dataset.id);
      if (!type) return;
      const day = st.date ? st.days.get(st.date) : undefined;
      const remaining = day ? dayInfo(day).remaining : 0;
      const next = stepQuantity(
        type,
        st.quantities,
        remaining,
        e.currentTarget.dataset.dir === 'up' ? 1 : -1,
        st.product!.ticketTypes,
      );
      if (next === (st.quantities[type.id] ?? 0)) return;
      st.quantities = { ...st.quantities, [type.id]: next };
      const view = this.selection();
      const update: Record<string, unknown> = changedRowPaths(this.data.types, view.types);
      update.summary = view.summary;
      if (view.canNext !== this.data.canNext) update.canNext = view.canNext;
      if (this.data.notice) update.notice = '';
      this.setData(update);
    },
    onNext() {
      const st = own(this);
      if (!canContinue(st.date, st.quantities)) return;
      wx.navigateTo({
        url: `${PAGES.checkout}?${cartQuery({ productId: st.productId, date: st.date, quantities: st.quantities })}`,
      });
    },
  },
});
