// Payment over real HTTP through the WeChat simulator: requestPayment parameters signed with the merchant key, the
// payment notification (on time, duplicated, lost, late, forged), e-tickets issued exactly once, coupons consumed on
// payment, and refunds.
import { createVerify, type KeyObject } from 'crypto';
import { buildNotification } from '../../simulator/notifier';
import { newPlatformKeys } from '../../simulator/keys';
import { JOBS } from '../../server/jobs/handlers';
import { uploadShipping } from '../../server/payments/shipping';
import { NOTIFY_PATH } from '../../server/wechat/pay-config';
import { responseMessage, rsaSign } from '../../server/wechat/pay-crypto';
import { eventually } from '../support/eventually';
import { decideAtSimulator, resendNotification } from '../support/stack';
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

const clock = new Clock();
const server = useServer({
  now: clock.now,
  orderExpiryMs: 15 * MINUTE,
  sessionTtlMs: DAY * 365,
});

let alice: Shopper;
let bob: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
});

const order = (who: Shopper, id: string) => who.get<Schemas['Order']>(`/v1/orders/${id}`).then((r) => r.body);
/** One of alice's orders. */
const order_ = (id: string) => order(alice, id);
const tickets = (who: Shopper, orderId: string) =>
  who.get<Schemas['TicketList']>(`/v1/tickets?orderId=${orderId}`).then((r) => r.body.items);
const resend = (orderId: string) => resendNotification(server, orderId);

describe('payment parameters', () => {
  it('gives requestPayment parameters signed with the merchant key and reuses the prepay_id', async () => {
    const placed = (await alice.createOrder(orderBody([{}]))).body;
    const first = await alice.post<Schemas['PaymentParams']>(`/v1/orders/${placed.id}/payment`);
    expect(first.status).toBe(200);
    expect(first.body.signType).toBe('RSA');
    expect(first.body.timeStamp).toBe(String(Math.floor(clock.ms / 1000)));
    expect(first.body.package).toMatch(/^prepay_id=wx[0-9a-f]+$/);
    expect(first.body.nonceStr.length).toBeLessThanOrEqual(32);
    // paySign is RSA-SHA256 over appId, timeStamp, nonceStr and package, checked with the merchant's public key.
    const merchant = server.sim.merchants.get(server.mchid)!;
    const { timeStamp, nonceStr, package: pkg, paySign } = first.body;
    const message = `${merchant.appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`;
    expect(createVerify('RSA-SHA256').update(message).verify(merchant.publicKey, paySign, 'base64')).toBe(
      true,
    );
    expect(
      createVerify('RSA-SHA256')
        .update(message + 'x')
        .verify(merchant.publicKey, paySign, 'base64'),
    ).toBe(false);
    // The simulator holds the order in the destination's currency (a Global merchant), for the order's total.
    const held = server.sim.transactions.get(`${server.mchid}:${placed.id}`)!;
    expect([held.total, held.currency, held.state]).toEqual([placed.total.amount, 'NZD', 'NOTPAY']);
    expect(held.expiresAt).toBe(Date.parse(placed.expiresAt));
    // The user cancelled the sheet and pays again: the same WeChat order, fresh nonce and signature.
    clock.advance(MINUTE);
    const again = await alice.post<Schemas['PaymentParams']>(`/v1/orders/${placed.id}/payment`);
    expect(again.body.package).toBe(first.body.package);
    expect(again.body.nonceStr).not.toBe(first.body.nonceStr);
    expect((await decideAtSimulator(again.body.sandboxUrl, 'cancel')).result).toBe('cancelled');
    expect((await order(alice, placed.id)).status).toBe('PENDING_PAYMENT');
  });

  it('answers 410 ORDER_EXPIRED after expiry and 409 ORDER_NOT_PAYABLE once paid or cancelled', async () => {
    const expiring = (await alice.createOrder(orderBody([{}]))).body;
    const cancelled = (await alice.createOrder(orderBody([{}]))).body;
    const paid = (await alice.createOrder(orderBody([{}]))).body;
    const sheet = (await alice.post<Schemas['PaymentParams']>(`/v1/orders/${expiring.id}/payment`)).body;
    await alice.post(`/v1/orders/${cancelled.id}/cancel`);
    await alice.pay(paid.id);
    clock.advance(15 * MINUTE);
    const gone = await alice.post<Schemas['Error']>(`/v1/orders/${expiring.id}/payment`);
    expect([gone.status, gone.body.code]).toEqual([410, 'ORDER_EXPIRED']);
    for (const id of [cancelled.id, paid.id]) {
      const res = await alice.post<Schemas['Error']>(`/v1/orders/${id}/payment`);
      expect([res.status, res.body.code]).toEqual([409, 'ORDER_NOT_PAYABLE']);
    }
    // WeChat Pay itself no longer takes money for the expired order (its time_expire passed).
    expect(await decideAtSimulator(sheet.sandboxUrl)).toEqual({ status: 409, result: 'closed' });
  });

  it('answers 503 PAYMENT_UNAVAILABLE while WeChat Pay fails, and works on the next try', async () => {
    const placed = (await alice.createOrder(orderBody([{}]))).body;
    server.sim.faults.api.push({ fault: '5xx', on: '/jsapi' });
    const failed = await alice.post<Schemas['Error']>(`/v1/orders/${placed.id}/payment`);
    expect([failed.status, failed.body.code]).toEqual([503, 'PAYMENT_UNAVAILABLE']);
    expect((await alice.post(`/v1/orders/${placed.id}/payment`)).status).toBe(200);
    await alice.post(`/v1/orders/${placed.id}/cancel`);
  });
});

describe('the payment notification', () => {
  it('marks the order PAID then FULFILLED, with one e-ticket per unit and the payment recorded', async () => {
    const date = day(5);
    const placed = (
      await alice.createOrder(
        orderBody([
          { date, ticketTypeId: 'adult', quantity: 2 },
          { date, ticketTypeId: 'family', quantity: 1 },
        ]),
      )
    ).body;
    expect(await alice.pay(placed.id)).toBe('paid');
    const done = await order(alice, placed.id);
    expect(done.status).toBe('FULFILLED');
    expect(done.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
    const issued = await tickets(alice, placed.id);
    expect(issued.map((t) => [t.ticketTypeId, t.holderType, t.visitDate, t.validUntil, t.status])).toEqual([
      ['adult', 'adult', date, date, 'valid'],
      ['adult', 'adult', date, date, 'valid'],
      ['family', 'family', date, date, 'valid'],
    ]);
    expect(new Set(issued.map((t) => t.code)).size).toBe(3);
    for (const t of issued) expect(t.qrPayload).toContain(t.code);
    const [payment] = await server.app.wayfarer.deps.db.query<{
      amount: string;
      currency: string;
      payer_currency: string;
    }>('SELECT amount, currency, payer_currency FROM payments WHERE order_id = $1', [placed.id]);
    expect([Number(payment!.amount), payment!.currency, payment!.payer_currency]).toEqual([
      placed.total.amount,
      'NZD',
      'CNY',
    ]);
  });

  it('issues e-tickets exactly once when the notification is delivered twice (or concurrently)', async () => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 3 }]))).body;
    server.sim.faults.notify.push({ kind: 'duplicate' });
    await alice.pay(placed.id);
    await Promise.all([resend(placed.id), resend(placed.id)]);
    const done = await order(alice, placed.id);
    expect(done.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
    expect(await tickets(alice, placed.id)).toHaveLength(3);
    expect((await bob.get(`/v1/tickets?orderId=${placed.id}`)).status).toBe(404);
  });

  it('tells the platform the virtual goods were delivered, once (upload_shipping_info)', async () => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    server.sim.faults.notify.push({ kind: 'duplicate' });
    await alice.pay(placed.id);
    const shipped = () => server.sim.shipments.filter((s) => s.outTradeNo === placed.id);
    await eventually(
      async () => shipped(),
      (list) => list.length > 0,
    );
    await resend(placed.id);
    const [row] = await server.app.wayfarer.deps.db.query<{ at: Date | null }>(
      'SELECT shipping_uploaded_at AS at FROM payments WHERE order_id = $1',
      [placed.id],
    );
    expect(row?.at).toBeInstanceOf(Date);
    expect(shipped()).toEqual([{ mchid: server.mchid, outTradeNo: placed.id, itemDesc: '电子门票' }]);
  });

  it('takes WeChat errcode 10060004 (payment no longer shippable) as nothing left to upload', async () => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    await alice.pay(placed.id);
    const shipped = () => server.sim.shipments.filter((s) => s.outTradeNo === placed.id);
    await eventually(
      async () => shipped(),
      (list) => list.length > 0,
    );
    // As if the upload had not happened yet and WeChat Pay had since refunded the payment.
    const { deps } = server.app.wayfarer;
    await deps.db.query('UPDATE payments SET shipping_uploaded_at = NULL WHERE order_id = $1', [placed.id]);
    server.sim.transactions.get(`${server.mchid}:${placed.id}`)!.state = 'REFUND';
    expect(await uploadShipping(deps, placed.id)).toBe('uploaded');
    expect(shipped()).toHaveLength(1);
    expect(await uploadShipping(deps, placed.id)).toBe('skipped');
  });

  it('asks WeChat Pay when the notification is lost, and fulfils the order', async () => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    expect(await alice.pay(placed.id, 'drop')).toBe('paid');
    expect((await order(alice, placed.id)).status).toBe('PENDING_PAYMENT');
    clock.advance(MINUTE); // the payment check is due
    server.app.wayfarer.worker.wake(0);
    const done = await eventually(
      () => order(alice, placed.id),
      (o) => o.status !== 'PENDING_PAYMENT',
    );
    expect(done.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
  });

  it('keeps the stock of a paid order (it does not expire)', async () => {
    const date = day(15);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const placed = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    await alice.pay(placed.id);
    clock.advance(60 * MINUTE);
    expect((await order(alice, placed.id)).status).toBe('FULFILLED');
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before - 2);
  });

  it('still takes a late payment for an expired order: fulfilled when its places are free again', async () => {
    const date = day(16);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const placed = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    await alice.pay(placed.id, 'drop');
    clock.advance(16 * MINUTE);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    expect(await resend(placed.id)).toBe(204);
    const paid = await eventually(
      () => order(alice, placed.id),
      (o) => o.status === 'FULFILLED',
    );
    expect(paid.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'EXPIRED', 'PAID', 'FULFILLED']);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before - 2);
    expect(await tickets(alice, placed.id)).toHaveLength(2);
  });

  it('at expiry closes the order at WeChat Pay; ORDERPAID (the payer was faster) means it is paid', async () => {
    const unpaid = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    const paidLate = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    await alice.post(`/v1/orders/${unpaid.id}/payment`);
    await alice.pay(paidLate.id, 'drop');
    clock.advance(16 * MINUTE);
    for (const id of [unpaid.id, paidLate.id]) await JOBS['order.expire'](server.app.wayfarer.deps, id);
    expect(server.sim.transactions.get(`${server.mchid}:${unpaid.id}`)!.state).toBe('CLOSED');
    expect((await order(alice, unpaid.id)).status).toBe('EXPIRED');
    expect(server.sim.calls).toContain(`POST /v3/global/transactions/out-trade-no/${paidLate.id}/close`);
    const paid = await order(alice, paidLate.id);
    expect(paid.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'EXPIRED', 'PAID', 'FULFILLED']);
  });

  it('refunds a late payment at once when the places were sold meanwhile', async () => {
    const productId = 'eden-park-stadium-tour';
    const date = day(8);
    const drained = await drainTo(await shopper(server, 'drainer'), server, productId, date, 2);
    for (const { id, buyer } of drained) await buyer.pay(id);
    const placed = (await alice.createOrder(orderBody([{ productId, date, quantity: 2 }]))).body;
    await alice.pay(placed.id, 'drop');
    // Jobs wait until bob has the places: the expiry and payment-check jobs would find the payment first.
    const { worker } = server.app.wayfarer;
    await worker.stop();
    try {
      clock.advance(16 * MINUTE);
      expect((await order(alice, placed.id)).status).toBe('EXPIRED');
      expect((await bob.createOrder(orderBody([{ productId, date, quantity: 2 }]))).status).toBe(201);
    } finally {
      worker.start();
    }
    await resend(placed.id);
    const paid = await order(alice, placed.id);
    expect(paid.history.map((h) => h.status).slice(0, 4)).toEqual([
      'PENDING_PAYMENT',
      'EXPIRED',
      'PAID',
      'REFUNDING',
    ]);
    expect(await tickets(alice, placed.id)).toEqual([]);
    expect(await remaining(server, productId, date)).toBe(0);
    // The refund goes to WeChat Pay at once.
    expect(
      (
        await eventually(
          () => order(alice, placed.id),
          (o) => o.status === 'REFUNDED',
        )
      ).status,
    ).toBe('REFUNDED');
  });
});

describe('a notification that is not from WeChat Pay changes nothing', () => {
  /** A genuine-looking notification of a payment of `orderId`, with one thing changed. */
  async function forged(
    orderId: string,
    change: (n: { body: string; headers: Record<string, string> }) => void,
  ) {
    const placed = await order(alice, orderId);
    const merchant = server.sim.merchants.get(server.mchid)!;
    const resource = {
      appid: merchant.appid,
      mchid: merchant.mchid,
      out_trade_no: orderId,
      transaction_id: '4200000000000000001',
      trade_type: 'JSAPI',
      trade_state: 'SUCCESS',
      payer: { openid: 'o-someone' },
      amount: {
        total: placed.total.amount,
        currency: placed.total.currency,
        payer_total: 1,
        payer_currency: 'CNY',
      },
    };
    const options = {
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction' as const,
      resource,
      apiV3Key: merchant.apiV3Key,
    };
    const notification = buildNotification(
      server.sim.signingKeys,
      options,
      `EV-forged-${Math.random()}`,
      clock.ms,
    );
    change(notification);
    return fetch(server.baseUrl + NOTIFY_PATH, {
      method: 'POST',
      body: notification.body,
      headers: notification.headers,
    });
  }

  it.each([
    [
      'signed with another key',
      (n: { headers: Record<string, string>; body: string }) => {
        const other = newPlatformKeys();
        const sig = createSignature(n.headers, n.body, other.privateKey);
        n.headers['Wechatpay-Signature'] = sig;
      },
    ],
    [
      'one byte of the body flipped',
      (n: { headers: Record<string, string>; body: string }) => {
        n.body = n.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESs"');
      },
    ],
    [
      'a stale timestamp',
      (n: { headers: Record<string, string>; body: string }) => {
        n.headers['Wechatpay-Timestamp'] = String(Math.floor(Date.now() / 1000) - 301);
      },
    ],
    [
      'a future timestamp',
      (n: { headers: Record<string, string>; body: string }) => {
        n.headers['Wechatpay-Timestamp'] = String(Math.floor(Date.now() / 1000) + 301);
      },
    ],
    [
      'an unknown serial',
      (n: { headers: Record<string, string>; body: string }) => {
        n.headers['Wechatpay-Serial'] = 'PUB_KEY_ID_0000000000000000000000000000000000';
      },
    ],
    [
      'a SIGNTEST probe',
      (n: { headers: Record<string, string>; body: string }) => {
        n.headers['Wechatpay-Signature'] = `WECHATPAY/SIGNTEST/${n.headers['Wechatpay-Signature']}`;
      },
    ],
    [
      'wrong associated data',
      (n: { headers: Record<string, string>; body: string }) => {
        const parsed = JSON.parse(n.body) as { resource: { associated_data: string } };
        parsed.resource.associated_data = 'refund';
        n.body = JSON.stringify(parsed);
        n.headers['Wechatpay-Signature'] = createSignature(
          n.headers,
          n.body,
          server.sim.signingKeys.privateKey,
        );
      },
    ],
  ])('refuses one %s', async (_name, change) => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    const response = await forged(placed.id, change);
    expect(response.status).toBe(401);
    expect(((await response.json()) as { code: string }).code).toBe('FAIL');
    expect((await order(alice, placed.id)).status).toBe('PENDING_PAYMENT');
    expect(await tickets(alice, placed.id)).toEqual([]);
    await alice.post(`/v1/orders/${placed.id}/cancel`);
  });

  it('takes the untouched notification, once', async () => {
    const placed = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
    expect((await forged(placed.id, () => undefined)).status).toBe(204);
    expect((await order(alice, placed.id)).status).toBe('FULFILLED');
  });
});

/** The body signed as WeChat Pay signs it, with the headers' timestamp and nonce and another key. */
const createSignature = (headers: Record<string, string>, body: string, key: KeyObject): string =>
  rsaSign(responseMessage(headers['Wechatpay-Timestamp']!, headers['Wechatpay-Nonce']!, body), key);

describe('refunds', () => {
  it('refunds through WeChat Pay: REFUNDING, then REFUNDED when it went through; tickets void, places back', async () => {
    const date = day(20);
    const before = await remaining(server, 'sky-tower-skydeck', date);
    const order = (await alice.createOrder(orderBody([{ date, quantity: 2 }]))).body;
    await alice.pay(order.id);
    const refunding = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, {
      reason: 'plans changed',
    });
    expect([refunding.status, refunding.body.status]).toEqual([200, 'REFUNDING']);
    expect((await tickets(alice, order.id)).map((t) => t.status)).toEqual(['refunded', 'refunded']);
    expect(await remaining(server, 'sky-tower-skydeck', date)).toBe(before);
    // WeChat Pay received the whole charge as the refund, under one out_refund_no.
    const atWeChat = [...server.sim.refunds.values()].filter((r) => r.outTradeNo === order.id);
    expect(atWeChat.map((r) => [r.refund, r.total, r.currency, r.status])).toEqual([
      [order.total.amount, order.total.amount, 'NZD', 'SUCCESS'],
    ]);
    const refunded = await eventually(
      () => order_(order.id),
      (o) => o.status === 'REFUNDED',
    );
    expect(refunded.history.map((h) => h.status)).toEqual([
      'PENDING_PAYMENT',
      'PAID',
      'FULFILLED',
      'REFUNDING',
      'REFUNDED',
    ]);
    // Asking again, and duplicate notifications of the payment, change nothing.
    expect(
      (await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, { reason: 'again' })).body.status,
    ).toBe('REFUNDED');
    expect(await resend(order.id)).toBe(204);
    expect((await order_(order.id)).status).toBe('REFUNDED');
    expect(await tickets(alice, order.id)).toHaveLength(2);
    expect([...server.sim.refunds.values()].filter((r) => r.outTradeNo === order.id)).toHaveLength(1);
  });

  it('stays REFUNDING while WeChat Pay is down or slow, and ends REFUNDED by asking when no notification came', async () => {
    const order = (await alice.createOrder(orderBody([{ date: day(22), quantity: 1 }]))).body;
    await alice.pay(order.id);
    const attempts = async () => {
      const [job] = await server.app.wayfarer.deps.db.query<{ attempts: number }>(
        `SELECT attempts FROM jobs WHERE kind = 'refund.request' AND key = $1`,
        [order.id],
      );
      return job?.attempts ?? 0;
    };
    const atWeChat = async () =>
      [...server.sim.refunds.values()].find((r) => r.outTradeNo === order.id)?.status;
    // WeChat Pay answers 5xx to the request at once and to the job's first try; then the refund takes a while
    // there, and its notification is lost.
    server.sim.faults.api.push({ fault: '5xx', on: '/refunds' }, { fault: '5xx', on: '/refunds' });
    server.sim.faults.notify.push({ kind: 'drop' });
    server.sim.refundDelayMs = 50;
    try {
      const refunding = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, {
        reason: 'ill',
      });
      expect(refunding.body.status).toBe('REFUNDING');
      await eventually(attempts, (n) => n >= 1);
      expect([await atWeChat(), (await order_(order.id)).status]).toEqual([undefined, 'REFUNDING']);
      clock.advance(2000); // the job's backoff
      server.app.wayfarer.worker.wake(0);
      await eventually(atWeChat, (status) => status === 'SUCCESS');
      expect((await order_(order.id)).status).toBe('REFUNDING');
      clock.advance(MINUTE); // the job asks again
      server.app.wayfarer.worker.wake(0);
      expect(
        (
          await eventually(
            () => order_(order.id),
            (o) => o.status === 'REFUNDED',
          )
        ).status,
      ).toBe('REFUNDED');
    } finally {
      server.sim.refundDelayMs = 0;
    }
  });

  it('gives the coupon used on a refunded order back', async () => {
    const erin = await shopper(server, 'erin');
    const couponId = (
      await erin.post<Schemas['Coupon']>('/v1/offers/tickets-welcome-8-off/claim', undefined, {
        'idempotency-key': key(),
      })
    ).body.id;
    const order = (await erin.createOrder(orderBody([{ date: day(23), quantity: 2 }], { couponId }))).body;
    await erin.pay(order.id);
    expect((await erin.get<Schemas['Coupon']>(`/v1/coupons/${couponId}`)).body.status).toBe('used');
    await erin.post(`/v1/orders/${order.id}/refund`, { reason: 'plans changed' });
    const back = (await erin.get<Schemas['Coupon']>(`/v1/coupons/${couponId}`)).body;
    expect(back.status).toBe('unused');
    expect(
      (await erin.createOrder(orderBody([{ date: day(24), quantity: 2 }], { couponId }))).body.discount
        .amount,
    ).toBe(800);
  });

  it('refuses to refund an unpaid order, a non-refundable product or a visit date that has passed', async () => {
    const unpaid = (await alice.createOrder(orderBody([{}]))).body;
    const museum = (
      await alice.createOrder(orderBody([{ productId: 'auckland-museum-international', date: day(20) }]))
    ).body;
    const soon = (await alice.createOrder(orderBody([{ date: day(1) }]))).body;
    await alice.pay(museum.id);
    await alice.pay(soon.id);
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
    await carol.pay(third.id);
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
