// The development payment sandbox (real WeChat Pay comes with its own issue): requestPayment parameters for an
// unpaid order, what the sandbox sheet's "Pay" does, and the payment notification that alone marks an order paid.
import { createHmac, randomBytes } from 'crypto';
import type { components } from '../../typings/api';
import { iso, type Deps } from '../context';
import { assertPayable, lockedOrder, markPaid, userOrder } from '../orders/lifecycle';
import { orderView } from '../orders/orders';
import { saveOrderState } from '../orders/records';
import { schedule } from '../jobs/queue';
import { inTransaction, type Work } from '../work';

type Schemas = components['schemas'];

/** prepay_id lifetime (WeChat Pay documents about 2 hours); an order's expiry ends it sooner. */
const PREPAY_TTL_MS = 2 * 60 * 60 * 1000;

// The sandbox has no merchant private key: paySign is an HMAC over the message WeChat Pay's RSA signature covers,
// which the client's sandbox sheet never checks. `sandbox: true` says so.
const SANDBOX_APP_ID = 'wx-sandbox';
const SANDBOX_KEY = 'wayfarer-dev-api-sandbox';

/**
 * Parameters for wx.requestPayment. The order id is the out_trade_no, so paying again after a cancelled sheet
 * pays the same WeChat order: the prepay_id is reused while it is valid.
 */
export function createPayment(
  deps: Deps,
  userId: string,
  orderId: string,
): Promise<Schemas['PaymentParams']> {
  return inTransaction(deps, async (w) => {
    const order = await userOrder(w, userId, orderId, true);
    assertPayable(order);
    if (!order.prepay || order.prepay.validUntil <= w.now) {
      order.prepay = {
        id: `wx${randomBytes(14).toString('hex')}`,
        validUntil: Math.min(w.now + PREPAY_TTL_MS, order.expiresAt),
      };
      await saveOrderState(w.tx, order);
    }
    const timeStamp = String(Math.floor(w.now / 1000));
    const nonceStr = randomBytes(16).toString('hex');
    const pkg = `prepay_id=${order.prepay.id}`;
    const paySign = createHmac('sha256', SANDBOX_KEY)
      .update(`${SANDBOX_APP_ID}\n${timeStamp}\n${nonceStr}\n${pkg}\n`)
      .digest('base64');
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign, sandbox: true };
  });
}

/** The sandbox sheet said "Pay": the money moved; its notification is a job, due after the sandbox's latency. */
export async function devPay(deps: Deps, orderId: string): Promise<Schemas['DevPayResult']> {
  const result = await inTransaction(deps, async (w) => {
    assertPayable(await lockedOrder(w, orderId));
    await w.tx.query(
      'INSERT INTO sandbox_payments (order_id, paid_at) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [orderId, new Date(w.now)],
    );
    await schedule(w.tx, 'payment.notify', orderId, w.now);
    return { orderId, notifyAt: iso(w.now + deps.options.notifyDelayMs) };
  });
  deps.wake(deps.options.notifyDelayMs);
  return result;
}

/** The sandbox's answer to "was this order paid?" (what a query by out_trade_no tells). */
export async function sandboxPaid(w: Work, orderId: string): Promise<boolean> {
  const rows = await w.tx.query('SELECT 1 FROM sandbox_payments WHERE order_id = $1', [orderId]);
  return rows.length > 0;
}

/**
 * A payment notification, possibly a duplicate (same notification id: recorded once) or late (see markPaid).
 */
export function notifyPaid(deps: Deps, orderId: string, notificationId: string): Promise<Schemas['Order']> {
  return inTransaction(deps, (w) => applyNotification(w, orderId, notificationId).then(orderView));
}

export async function applyNotification(w: Work, orderId: string, notificationId: string) {
  const order = await lockedOrder(w, orderId);
  await w.tx.query(
    'INSERT INTO payment_notifications (id, order_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [notificationId, orderId, new Date(w.now)],
  );
  await markPaid(w, order);
  return order;
}
