// Payment over real HTTP: requestPayment parameters, the simulated WeChat Pay notification (on time, duplicated,
// late), e-tickets issued exactly once, coupons consumed on payment, and refunds.
import {
  Clock,
  DAY,
  MINUTE,
  day,
  drainTo,
  key,
  orderBody,
  remaining,
  shopper,
  type Shopper,
} from './commerce';
import { useServer, type Schemas } from './helpers';

const NOTIFY_DELAY = 20;
const clock = new Clock();
const server = useServer({
  now: clock.now,
  orderExpiryMs: 15 * MINUTE,
  notifyDelayMs: NOTIFY_DELAY,
  sessionTtlMs: DAY * 365,
});

let alice: Shopper;
let bob: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
});

const notify = (orderId: string) =>
  server.api<Schemas['Order'] & Schemas['Error']>(`/dev/orders/${orderId}/notify`, { method: 'POST' });
const tickets = (who: Shopper, orderId: string) =>
  who.get<Schemas['TicketList']>(`/v1/tickets?orderId=${orderId}`).then((r) => r.body.items);

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 100; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('timed out');
}

describe('payment parameters', () => {
  it('gives sandbox requestPayment parameters and reuses the prepay_id for the same order', async () => {
    const order = (await alice.createOrder(orderBody([{}]))).body;
    const first = await alice.post<Schemas['PaymentParams']>(`/v1/orders/${order.id}/payment`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ signType: 'RSA', sandbox: true });
    expect(first.body.timeStamp).toBe(String(Math.floor(clock.ms / 1000)));
    expect(first.body.package).toMatch(/^prepay_id=wx[0-9a-f]+$/);
    expect(first.body.nonceStr.length).toBeLessThanOrEqual(32);
    // The user cancelled the sheet and pays again: the same WeChat order, fresh nonce and signature.
    clock.advance(MINUTE);
    const again = await alice.post<Schemas['PaymentParams']>(`/v1/orders/${order.id}/payment`);
    expect(again.body.package).toBe(first.body.package);
    expect(again.body.nonceStr).not.toBe(first.body.nonceStr);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('PENDING_PAYMENT');
  });

  it('answers 410 ORDER_EXPIRED after expiry and 409 ORDER_NOT_PAYABLE once paid or cancelled', async () => {
    const expiring = (await alice.createOrder(orderBody([{}]))).body;
    const cancelled = (await alice.createOrder(orderBody([{}]))).body;
    const paid = (await alice.createOrder(orderBody([{}]))).body;
    await alice.post(`/v1/orders/${cancelled.id}/cancel`);
    await notify(paid.id);
    clock.advance(15 * MINUTE);
    const gone = await alice.post<Schemas['Error']>(`/v1/orders/${expiring.id}/payment`);
    expect([gone.status, gone.body.code]).toEqual([410, 'ORDER_EXPIRED']);
    for (const id of [cancelled.id, paid.id]) {
      const res = await alice.post<Schemas['Error']>(`/v1/orders/${id}/payment`);
      expect([res.status, res.body.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    }
    const devPay = await server.api<Schemas['Error']>('/dev/pay', { body: { orderId: expiring.id } });
    expect([devPay.status, devPay.body.code]).toEqual([410, 'ORDER_EXPIRED']);
  });
});

describe('the payment notification', () => {
  it('marks the order PAID then FULFILLED after the notify delay, with one e-ticket per unit', async () => {
    const date = day(5);
    const order = (
      await alice.createOrder(
        orderBody([
          { date, ticketTypeId: 'adult', quantity: 2 },
          { date, ticketTypeId: 'family', quantity: 1 },
        ]),
      )
    ).body;
    const scheduled = await server.api<Schemas['DevPayResult']>('/dev/pay', { body: { orderId: order.id } });
    expect(scheduled.status).toBe(202);
    expect(Date.parse(scheduled.body.notifyAt)).toBe(clock.ms + NOTIFY_DELAY);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('PENDING_PAYMENT');

    const done = await waitFor(
      () => alice.get<Schemas['Order']>(`/v1/orders/${order.id}`).then((r) => r.body),
      (o) => o.status !== 'PENDING_PAYMENT',
    );
    expect(done.status).toBe('FULFILLED');
    expect(done.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
    const issued = await tickets(alice, order.id);
    expect(issued.map((t) => [t.ticketTypeId, t.holderType, t.visitDate, t.validUntil, t.status])).toEqual([
      ['adult', 'adult', date, date, 'valid'],
      ['adult', 'adult', date, date, 'valid'],
      ['family', 'family', date, date, 'valid'],
    ]);
    expect(new Set(issued.map((t) => t.code)).size).toBe(3);
    for (const t of issued) expect(t.qrPayload).toContain(t.code);
  });

  it('issues e-tickets exactly once when the notification is delivered twice (or concurrently)', async () => {
    const order = (await alice.createOrder(orderBody([{ quantity: 3 }]))).body;
    const [a, b] = await Promise.all([notify(order.id), notify(order.id)]);
    const third = await notify(order.id);
    for (const res of [a, b, third]) expect([res.status, res.body.status]).toEqual([200, 'FULFILLED']);
    expect(third.body.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
    expect(await tickets(alice, order.id)).toHaveLength(3);
    expect((await bob.get(`/v1/tickets?orderId=${order.id}`)).status).toBe(404);
  });

  it('keeps the stock of a paid order (it does not expire)', async () => {
    const date = day(15);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    await notify(order.id);
    clock.advance(60 * MINUTE);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('FULFILLED');
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before - 2);
  });

  it('still takes a late payment for an expired order: fulfilled when its places are free again', async () => {
    const date = day(16);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    clock.advance(16 * MINUTE);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    const paid = (await notify(order.id)).body;
    expect(paid.status).toBe('FULFILLED');
    expect(paid.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'EXPIRED', 'PAID', 'FULFILLED']);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before - 2);
    expect(await tickets(alice, order.id)).toHaveLength(2);
  });

  it('refunds a late payment at once when the places were sold meanwhile', async () => {
    const productId = 'eden-park-stadium-tour';
    const date = day(8);
    const drained = await drainTo(await shopper(server, 'drainer'), server, productId, date, 2);
    await Promise.all(drained.map(notify));
    const order = (await alice.createOrder(orderBody([{ productId, date, quantity: 2 }]))).body;
    clock.advance(16 * MINUTE);
    expect((await bob.createOrder(orderBody([{ productId, date, quantity: 2 }]))).status).toBe(201);
    const paid = (await notify(order.id)).body;
    expect(paid.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'EXPIRED', 'PAID', 'REFUNDING']);
    expect(await tickets(alice, order.id)).toEqual([]);
    expect(await remaining(server, productId, date)).toBe(0);
    clock.advance(NOTIFY_DELAY);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('REFUNDED');
  });
});

describe('refunds', () => {
  it('goes REFUNDING then REFUNDED after the provider delay; tickets are void and places return', async () => {
    const date = day(20);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    await notify(order.id);
    const refunding = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, {
      reason: 'plans changed',
    });
    expect([refunding.status, refunding.body.status]).toEqual([200, 'REFUNDING']);
    expect((await tickets(alice, order.id)).map((t) => t.status)).toEqual(['refunded', 'refunded']);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    // Asking again changes nothing.
    const again = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, { reason: 'again' });
    expect(again.body).toEqual(refunding.body);

    clock.advance(NOTIFY_DELAY - 1);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('REFUNDING');
    clock.advance(1);
    const refunded = (await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body;
    expect(refunded.status).toBe('REFUNDED');
    expect(refunded.history.map((h) => h.status)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'FULFILLED',
      'REFUNDING',
      'REFUNDED',
    ]);
    // A duplicate notification after the refund changes nothing either.
    expect((await notify(order.id)).body.status).toBe('REFUNDED');
    expect(await tickets(alice, order.id)).toHaveLength(2);
  });

  it('refuses to refund an unpaid order, a non-refundable product or a visit date that has passed', async () => {
    const unpaid = (await alice.createOrder(orderBody([{}]))).body;
    const museum = (
      await alice.createOrder(orderBody([{ productId: 'auckland-museum-international', date: day(20) }]))
    ).body;
    const soon = (await alice.createOrder(orderBody([{ date: day(1) }]))).body;
    await notify(museum.id);
    await notify(soon.id);
    clock.advance(2 * 24 * 60 * MINUTE);
    for (const id of [unpaid.id, museum.id, soon.id]) {
      const res = await alice.post<Schemas['Error']>(`/v1/orders/${id}/refund`, { reason: 'why not' });
      expect([res.status, res.body.code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
    }
  });
});

describe('coupons at checkout', () => {
  it('reserves a ticket coupon on the order, releases it on cancel and consumes it on payment', async () => {
    const carol = await shopper(server, 'carol');
    const claim = await carol.post<Schemas['Coupon']>('/v1/offers/tickets-welcome-8-off/claim', undefined, {
      'idempotency-key': key(),
    });
    expect(claim.status).toBe(201);
    const couponId = claim.body.id;
    const body = orderBody([{ quantity: 2 }], { couponId });
    const first = (await carol.createOrder(body)).body;
    expect(first.discount).toEqual({ amount: 800, currency: 'NZD' });
    expect(first.total.amount).toBe(first.subtotal.amount - 800);
    expect(first.couponId).toBe(couponId);

    // Reserved: a second order cannot use it while the first is unpaid.
    const second = await carol.createOrder(body);
    expect([second.status, second.body.code, second.body.details?.reason]).toEqual([
      422,
      'COUPON_NOT_APPLICABLE',
      'reserved',
    ]);
    await carol.post(`/v1/orders/${first.id}/cancel`);
    const third = (await carol.createOrder(body)).body;
    expect(third.discount.amount).toBe(800);
    await notify(third.id);
    const used = (await carol.get<Schemas['Coupon']>(`/v1/coupons/${couponId}`)).body;
    expect(used.status).toBe('used');
    expect(used.usedAt).toBeDefined();
    const fourth = await carol.createOrder(body);
    expect([fourth.status, fourth.body.details?.reason]).toEqual([422, 'used']);
    expect((await alice.createOrder(body)).status).toBe(404);
  });

  it('applies a percent coupon only to its product categories, up to its cap, above its minimum spend', async () => {
    const dave = await shopper(server, 'dave');
    const couponId = (
      await dave.post<Schemas['Coupon']>('/v1/offers/attractions-10-percent/claim', undefined, {
        'idempotency-key': key(),
      })
    ).body.id;
    const date = day(21);
    const ferryOnly = await dave.createOrder(
      orderBody([{ productId: 'waiheke-ferry-return', date, quantity: 2 }], { couponId }),
    );
    expect([ferryOnly.status, ferryOnly.body.details?.reason]).toEqual([422, 'category']);
    const small = await dave.createOrder(orderBody([{ date, quantity: 1 }], { couponId }));
    expect([small.status, small.body.details?.reason]).toEqual([422, 'min_spend']);
    const mixed = (
      await dave.createOrder(
        orderBody(
          [
            { date, quantity: 2 },
            { productId: 'waiheke-ferry-return', date, quantity: 2 },
          ],
          { couponId },
        ),
      )
    ).body;
    const skyTower = mixed.items[0]!.subtotal.amount;
    expect(mixed.discount.amount).toBe(Math.min(Math.round(skyTower / 10), 2000));
    const expiring = (await dave.createOrder(orderBody([{ date, quantity: 10 }]))).body;
    expect(expiring.discount.amount).toBe(0);
    // Expiry releases the coupon too.
    clock.advance(15 * MINUTE);
    const big = (await dave.createOrder(orderBody([{ date, quantity: 10 }], { couponId }))).body;
    expect(big.discount.amount).toBe(2000);
  });
});
