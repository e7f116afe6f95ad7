// Checkout: contact details, the price, then order (idempotent) and pay. The server's total is the price: when it
// differs from what the user saw, the new price is shown and the user asked again. A refused order (sold out,
// too many tickets) says so, refreshes the day's availability and charges nothing.
import { getDestination, type Destination } from '../../../../api/destination';
import { createOrder, payForOrder, type Order } from '../../../../api/orders';
import { getCalendar, getProduct, type CalendarDay, type Product } from '../../../../api/products';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { couponRefusalKey, type Selection } from '../../components/coupon-picker/picker-view';
import { brandStyle } from '../../../../config/brand';
import { dayInfo } from '../../domain/calendar';
import { orderItems, readCart, type Cart } from '../../domain/checkout';
import { instanceState } from '../../../../domain/instance-state';
import { createIntent, fingerprint } from '../../../../domain/intent';
import { formatMoney, money } from '../../../../domain/money';
import { samePrice, type PriceQuote } from '../../domain/pricing';
import { validateTicketContact, type FieldError } from '../../../../domain/validate';
import { currentLang, t, type MessageKey } from '../../../../i18n/index';
import { newIdempotencyKey } from '../../../../services/http';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { estimate } from '../../product-view';
import { dateLabel, quoteFor, summary, type Summary } from '../book/book-view';
import { refusal, type ContactField } from './checkout-view';

/** One intent per app run, so a checkout page opened again after a lost response still reuses its key. */
const intent = createIntent(newIdempotencyKey);

const RESULT_PAGE = '/packages/orders/pages/result/index';
const FIELDS: ContactField[] = ['name', 'mobile', 'email'];

const own = instanceState(() => ({
  cart: undefined as Cart | undefined,
  product: undefined as Product | undefined,
  destination: undefined as Destination | undefined,
  day: undefined as CalendarDay | undefined,
  quote: undefined as PriceQuote | undefined,
  /** The picker's choice; the server recomputes its discount and is the one that counts. */
  coupon: { couponId: '', discount: null } as Selection,
  contact: { name: '', mobile: '', email: '' } as Record<ContactField, string>,
  touched: new Set<ContactField>(),
  order: undefined as Order | undefined,
  orderPrint: '',
  /** The server total the user agreed to after a price change. */
  acceptedTotal: undefined as number | undefined,
  busy: false,
}));

type InputEvent = WechatMiniprogram.Input & { currentTarget: { dataset: { field: ContactField } } };

Component({
  behaviors: [i18nBehavior(['common', 'tickets', 'validation'])],
  data: {
    estimateNote: '',
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    title: '',
    dateLabel: '',
    summary: { lines: [], discount: null, total: null, estimate: null } as Summary,
    couponLines: [] as Array<{ category: string; subtotal: { amount: number; currency: string } }>,
    timeZone: '',
    contact: { name: '', mobile: '', email: '' },
    errors: { name: '', mobile: '', email: '' },
    notice: '',
    canChange: false,
    priceChange: '',
    payLabel: '',
    busy: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).cart = readCart(query);
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('tickets.checkoutTitle');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const st = own(this);
      const cart = st.cart;
      if (!cart) return this.setData({ state: 'error', errorText: t('tickets.cartInvalid') });
      this.setData({ state: 'loading' });
      const [product, destination, calendar] = await Promise.all([
        getProduct(cart.productId),
        getDestination(),
        getCalendar(cart.productId, cart.date, cart.date),
      ]);
      const failed = [product, destination, calendar].find((r) => !r.ok);
      if (failed && !failed.ok) return this.fail(failed.error);
      if (!product.ok || !destination.ok || !calendar.ok) return;
      st.product = product.data;
      st.destination = destination.data;
      st.day = calendar.data.days.find((d) => d.date === cart.date);
      this.render();
    },
    fail(error: ApiError) {
      this.setData({ state: 'error', errorText: t(errorMessageKey(error)) });
    },
    render() {
      const st = own(this);
      const { cart, product, destination } = st;
      if (!cart || !product || !destination) return;
      const coupon = st.coupon.discount;
      st.quote = quoteFor(
        product,
        st.day,
        cart.quantities,
        destination.currency,
        destination.fx,
        () => coupon ?? money(0, destination.currency),
      );
      // The picker gets the cart before any discount (the lines are the same with or without one).
      const couponLines = (st.quote?.lines ?? []).map((l) => ({
        category: l.category,
        subtotal: l.subtotal,
      }));
      const unavailable = !st.quote || dayInfo(st.day).state === 'sold_out';
      this.setData({
        state: 'ready',
        title: product.title[currentLang()],
        dateLabel: dateLabel(cart.date),
        summary: summary(product, st.quote, destination.fx),
        ...(fingerprint(couponLines) !== fingerprint(this.data.couponLines) && { couponLines }),
        timeZone: destination.timeZone,
        estimateNote: t('tickets.estimateNote', { currency: destination.currency }),
        payLabel: st.quote ? t('tickets.pay', { amount: formatMoney(st.quote.total) }) : '',
        ...(unavailable && { notice: t('tickets.notOnSale'), canChange: true }),
      });
    },
    onCoupon(e: { detail: Selection }) {
      own(this).coupon = e.detail;
      this.render();
    },
    onLanguage() {
      this.render();
      this.showErrors(false);
    },
    onInput(e: InputEvent) {
      own(this).contact[e.currentTarget.dataset.field] = e.detail.value;
    },
    onBlur(e: InputEvent) {
      const st = own(this);
      st.touched.add(e.currentTarget.dataset.field);
      this.showErrors(false);
    },
    /** Messages under the fields the user has left (or all of them on submit); true when all are valid. */
    showErrors(all: boolean): boolean {
      const st = own(this);
      const result = validateTicketContact(st.contact);
      const errors = result.ok ? [] : result.errors;
      const text = (field: ContactField) => {
        const error = errors.find((x: FieldError) => x.field === field);
        return error && (all || st.touched.has(field)) ? t(`validation.${error.code}` as MessageKey) : '';
      };
      if (all) FIELDS.forEach((f) => st.touched.add(f));
      this.setData({ errors: { name: text('name'), mobile: text('mobile'), email: text('email') } });
      return result.ok;
    },
    onChangeSelection() {
      wx.navigateBack({ delta: 1 });
    },
    onPayTap() {
      if (this.data.priceChange) this.onAcceptPrice();
      else void this.onPay();
    },
    onAcceptPrice() {
      const st = own(this);
      st.acceptedTotal = st.order?.total.amount;
      this.setData({ priceChange: '' });
      void this.onPay();
    },
    async onPay() {
      const st = own(this);
      if (st.busy || !st.cart || !st.product || !st.quote) return;
      if (!this.showErrors(true)) return;
      st.busy = true;
      this.setData({ busy: true, notice: '', canChange: false });
      try {
        await this.orderAndPay();
      } finally {
        st.busy = false;
        this.setData({ busy: false });
      }
    },
    async orderAndPay() {
      const st = own(this);
      const contact = validateTicketContact(st.contact);
      if (!contact.ok) return;
      const request = {
        items: orderItems(
          st.cart!,
          st.product!.ticketTypes.map((type) => type.id),
        ),
        contact: contact.value,
        couponId: st.coupon.couponId || undefined,
      };
      const print = fingerprint(request);
      let order = st.order?.status === 'PENDING_PAYMENT' && st.orderPrint === print ? st.order : undefined;
      if (!order) {
        const created = await createOrder(request, intent.keyFor(request));
        if (!created.ok) return this.refused(created.error);
        intent.done();
        order = created.data;
        Object.assign(st, { order, orderPrint: print, acceptedTotal: undefined });
      }
      if (!samePrice(st.quote!.total, order.total) && st.acceptedTotal !== order.total.amount) {
        const fx = st.destination!.fx;
        this.setData({
          priceChange: t('tickets.priceChanged', {
            total: formatMoney(order.total),
            estimate: formatMoney(estimate(order.total, fx)),
            old: formatMoney(st.quote!.total),
          }),
          payLabel: t('tickets.payNewPrice', { amount: formatMoney(order.total) }),
        });
        return;
      }
      const outcome = await payForOrder(order.id);
      const reason = outcome.kind === 'failed' ? `&reason=${outcome.reason}` : '';
      const kind = outcome.kind === 'unknown' ? 'confirming' : outcome.kind;
      wx.redirectTo({
        url: `${RESULT_PAGE}?orderId=${encodeURIComponent(order.id)}&outcome=${kind}${reason}`,
      });
    },
    async refused(error: ApiError) {
      const st = own(this);
      const couponKey = couponRefusalKey(error);
      if (couponKey) {
        // The coupon is no longer usable (e.g. held by another unpaid order): nothing was charged; choose again.
        this.setData({ notice: t(couponKey) });
        (this.selectComponent('.coupon-picker') as unknown as { reload(): void } | null)?.reload();
        return;
      }
      const why = refusal(error);
      if (why.kind === 'field') {
        this.setData({ [`errors.${why.field}`]: t('tickets.fieldRejected') });
        return;
      }
      if (why.kind === 'other') {
        this.setData({ notice: t(why.messageKey) });
        return;
      }
      // Stock or sale changed under the user: fetch the day again so what is shown is what is true now.
      const cart = st.cart!;
      const fresh = await getCalendar(cart.productId, cart.date, cart.date);
      if (fresh.ok) st.day = fresh.data.days.find((d) => d.date === cart.date);
      const left = dayInfo(st.day).remaining;
      const notice =
        why.kind === 'stock' && !why.soldOut && left > 0
          ? t('tickets.insufficient', { n: left })
          : why.kind === 'stock'
            ? t('tickets.soldOut')
            : t('tickets.notOnSale');
      this.setData({ notice, canChange: true });
    },
  },
});
