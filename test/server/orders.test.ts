// Ticket orders over real HTTP: idempotency under concurrent duplicates, server-side prices, stock that never
// goes negative, expiry that returns stock, cancellation and user isolation.
import { convert } from '../../miniprogram/domain/money';
import {
  Clock,
  MINUTE,
  contact,
  day,
  drainTo,
  key,
  orderBody,
  remaining,
  shopper,
  type Shopper,
} from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, orderExpiryMs: 15 * MINUTE });

let alice: Shopper;
let bob: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
});

async function calendarPrice(productId: string, date: string, ticketTypeId: string): Promise<number> {
  const { body } = await server.api<Schemas['Calendar']>(
    `/v1/products/${productId}/calendar?from=${date}&to=${date}`,
  );
  return body.days[0]!.prices.find((p) => p.ticketTypeId === ticketTypeId)!.price.amount;
}

describe('creating an order', () => {
  it('prices every item from the calendar and estimates CNY with one conversion', async () => {
    const date = day(4); // a Saturday
    const res = await alice.createOrder(
      orderBody([
        { date, ticketTypeId: 'adult', quantity: 2 },
        { date, ticketTypeId: 'child', quantity: 1 },
      ]),
    );
    expect(res.status).toBe(201);
    const order = res.body;
    const adult = await calendarPrice('sky-tower-skydeck', date, 'adult');
    const child = await calendarPrice('sky-tower-skydeck', date, 'child');
    expect(order.items.map((i) => [i.ticketTypeId, i.unitPrice.amount, i.subtotal.amount])).toEqual([
      ['adult', adult, 2 * adult],
      ['child', child, child],
    ]);
    expect(order.subtotal).toEqual({ amount: 2 * adult + child, currency: 'NZD' });
    expect(order.discount).toEqual({ amount: 0, currency: 'NZD' });
    expect(order.total).toEqual(order.subtotal);
    const { body: destination } = await server.api<Schemas['Destination']>('/v1/destination');
    expect(order.totalCny).toEqual(convert(order.total, 'CNY', destination.fx.rateMicros));
    expect(order.status).toBe('PENDING_PAYMENT');
    expect(Date.parse(order.expiresAt) - Date.parse(order.createdAt)).toBe(15 * MINUTE);
    expect(order.history).toEqual([{ status: 'PENDING_PAYMENT', at: order.createdAt }]);
    expect(order.contact).toEqual(contact);
  });

  it('creates exactly one order for concurrent duplicates of one key', async () => {
    const k = key();
    const body = orderBody([{ date: day(8), quantity: 3 }]);
    const before = await remaining(server, 'sky-tower-skydeck', day(8));
    const responses = await Promise.all(Array.from({ length: 10 }, () => alice.createOrder(body, k)));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await remaining(server, 'sky-tower-skydeck', day(8))).toBe(before - 3);
    const list = await alice.get<Schemas['OrderList']>('/v1/orders');
    expect(list.body.items.filter((o) => ids.has(o.id))).toHaveLength(1);
  });

  it('answers 409 IDEMPOTENCY_CONFLICT for the same key with a different body, and creates nothing', async () => {
    const k = key();
    expect((await alice.createOrder(orderBody([{ date: day(9) }]), k)).status).toBe(201);
    const count = (await alice.get<Schemas['OrderList']>('/v1/orders')).body.items.length;
    const res = await alice.createOrder(orderBody([{ date: day(9), quantity: 2 }]), k);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('IDEMPOTENCY_CONFLICT');
    expect((await alice.get<Schemas['OrderList']>('/v1/orders')).body.items).toHaveLength(count);
  });

  it('treats the same key from another user as a different request', async () => {
    const k = key();
    const body = orderBody([{ date: day(9) }]);
    const a = await alice.createOrder(body, k);
    const b = await bob.createOrder(body, k);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('lets exactly 10 of 50 concurrent orders take the last 10 places, never going below zero', async () => {
    const productId = 'eden-park-stadium-tour';
    const date = day(6); // a Monday
    await drainTo(await shopper(server, 'drainer'), server, productId, date, 10);
    const buyers = await Promise.all(Array.from({ length: 5 }, (_, i) => shopper(server, `crowd${i}`)));
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        buyers[i % 5]!.createOrder(orderBody([{ productId, ticketTypeId: 'adult', date, quantity: 1 }])),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(40);
    const refusal = responses.find((r) => r.status === 409)!.body;
    expect(refusal.code).toBe('SOLD_OUT');
    expect(refusal.details).toMatchObject({ field: 'items[0]', date, productId, remaining: 0 });
    expect(await remaining(server, productId, date)).toBe(0);
    const calendar = await server.api<Schemas['Calendar']>(
      `/v1/products/${productId}/calendar?from=${date}&to=${date}`,
    );
    expect(calendar.body.days[0]).toMatchObject({ remaining: 0, soldOut: true });
  });

  it('counts people, not tickets: a family ticket (2 adults + 2 children) takes four places', async () => {
    const productId = 'sky-tower-skydeck';
    const date = day(11);
    const before = await remaining(server, productId, date);
    const family = await shopper(server, 'family');
    const res = await family.createOrder(
      orderBody([{ productId, ticketTypeId: 'family', date, quantity: 1 }]),
    );
    expect(res.status).toBe(201);
    expect(await remaining(server, productId, date)).toBe(before - 4);
    await drainTo(await shopper(server, 'drainer3'), server, productId, date, 3);
    const more = await family.createOrder(
      orderBody([{ productId, ticketTypeId: 'family', date, quantity: 1 }]),
    );
    expect(more.status).toBe(409);
    expect(more.body).toMatchObject({ code: 'INSUFFICIENT_STOCK', details: { remaining: 3 } });
  });

  it('caps the unpaid orders one person may hold, so no account can sit on a day’s stock', async () => {
    const hoarder = await shopper(server, 'hoarder');
    const date = day(12);
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await hoarder.createOrder(orderBody([{ date, quantity: 1 }])));
    expect(answers.slice(0, 5).map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(answers[5]).toMatchObject({ status: 409, body: { code: 'TOO_MANY_PENDING_ORDERS' } });
    // Paying or cancelling one frees a slot.
    await hoarder.post(`/v1/orders/${answers[0]!.body.id}/cancel`);
    expect((await hoarder.createOrder(orderBody([{ date, quantity: 1 }]))).status).toBe(201);
  });

  it('refuses more than is left with INSUFFICIENT_STOCK naming the date', async () => {
    const productId = 'eden-park-stadium-tour';
    const date = day(7);
    await drainTo(await shopper(server, 'drainer2'), server, productId, date, 3);
    const res = await alice.createOrder(orderBody([{ productId, date, quantity: 4 }]));
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('INSUFFICIENT_STOCK');
    expect(res.body.details).toMatchObject({ date, remaining: 3 });
    expect(await remaining(server, productId, date)).toBe(3);
  });
});

describe('expiry and cancellation', () => {
  it('expires an unpaid order at expiresAt and returns its stock', async () => {
    const date = day(10);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 4 }]))).body;
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before - 4);

    clock.advance(15 * MINUTE - 1);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('PENDING_PAYMENT');
    clock.advance(1);
    // The calendar alone (no read of the order) sees the stock back: it counts no places of an order past expiry.
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    const expired = (await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body;
    expect(expired.status).toBe('EXPIRED');
    expect(expired.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'EXPIRED']);
    expect(expired.history[1]!.at).toBe(order.expiresAt);
    const cancel = await alice.post<Schemas['Error']>(`/v1/orders/${order.id}/cancel`);
    expect([cancel.status, cancel.body.code]).toEqual([409, 'ORDER_NOT_CANCELLABLE']);
  });

  it('cancels an unpaid order (stock returns) and answers a repeated cancel with the same order', async () => {
    const date = day(11);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    const first = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/cancel`);
    expect(first.status).toBe(200);
    expect(first.body.status).toBe('CANCELLED');
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    const again = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/cancel`);
    expect(again.body).toEqual(first.body);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
  });

  it('lists orders newest first, filtered by status', async () => {
    const fresh = await shopper(server, 'lister');
    const a = (await fresh.createOrder(orderBody([{ date: day(12) }]))).body;
    clock.advance(1000);
    const b = (await fresh.createOrder(orderBody([{ date: day(12) }]))).body;
    await fresh.post(`/v1/orders/${a.id}/cancel`);
    const all = (await fresh.get<Schemas['OrderList']>('/v1/orders')).body.items;
    expect(all.map((o) => o.id)).toEqual([b.id, a.id]);
    const pending = (await fresh.get<Schemas['OrderList']>('/v1/orders?status=PENDING_PAYMENT')).body.items;
    expect(pending.map((o) => o.id)).toEqual([b.id]);
    const both = (await fresh.get<Schemas['OrderList']>('/v1/orders?status=PENDING_PAYMENT&status=CANCELLED'))
      .body;
    expect(both.items).toHaveLength(2);
    expect((await fresh.get<Schemas['OrderList']>('/v1/orders?kind=insurance')).body.items).toEqual([]);
  });
});

describe('user isolation', () => {
  it("answers 404 for every action on another user's order", async () => {
    const order = (await alice.createOrder(orderBody([{ date: day(13) }]))).body;
    for (const [method, path] of [
      ['GET', `/v1/orders/${order.id}`],
      ['POST', `/v1/orders/${order.id}/cancel`],
      ['POST', `/v1/orders/${order.id}/payment`],
      ['GET', `/v1/tickets?orderId=${order.id}`],
    ] as const) {
      const res = await server.api<Schemas['Error']>(path, { method, token: bob.token });
      expect([path, res.status, res.body.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    const refund = await bob.post<Schemas['Error']>(`/v1/orders/${order.id}/refund`, { reason: 'mine now' });
    expect(refund.status).toBe(404);
    expect(
      (await bob.get<Schemas['OrderList']>('/v1/orders')).body.items.some((o) => o.id === order.id),
    ).toBe(false);
    expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('PENDING_PAYMENT');
  });

  it('requires a session for every order operation', async () => {
    const res = await server.api<Schemas['Error']>('/v1/orders', {
      body: orderBody([{}]),
      headers: { 'idempotency-key': key() },
    });
    expect([res.status, res.body.code]).toEqual([401, 'UNAUTHORIZED']);
  });
});
