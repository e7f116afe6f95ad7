// Simulated WeChat Pay: requestPayment parameters for an unpaid order, and the payment notification that is the
// only thing that marks an order paid.
import { createHmac, randomBytes } from 'crypto';
import type { components } from '../../typings/api';
import { anyOrder, assertPayable, markPaid, userOrder } from './lifecycle';
import type { OrderRecord } from './records';
import { iso, type World } from './world';

type Schemas = components['schemas'];

/** prepay_id lifetime (WeChat Pay documents about 2 hours); an order's expiry ends it sooner. */
const PREPAY_TTL_MS = 2 * 60 * 60 * 1000;

// The dev API has no merchant private key: paySign is an HMAC over the message WeChat Pay's RSA signature covers,
// which the client's sandbox sheet never checks. `sandbox: true` says so.
const SANDBOX_APP_ID = 'wx-sandbox';
const SANDBOX_KEY = 'wayfarer-dev-api-sandbox';

/**
 * Parameters for wx.requestPayment. The order id is the out_trade_no, so paying again after a cancelled sheet
 * pays the same WeChat order: the prepay_id is reused while it is valid.
 */
export function createPayment(world: World, userId: string, orderId: string): Schemas['PaymentParams'] {
  const order = userOrder(world, userId, orderId);
  assertPayable(order);
  const now = world.now();
  if (!order.prepay || order.prepay.validUntil <= now) {
    order.prepay = {
      id: `wx${randomBytes(14).toString('hex')}`,
      validUntil: Math.min(now + PREPAY_TTL_MS, order.expiresAt),
    };
  }
  const timeStamp = String(Math.floor(now / 1000));
  const nonceStr = randomBytes(16).toString('hex');
  const pkg = `prepay_id=${order.prepay.id}`;
  const paySign = createHmac('sha256', SANDBOX_KEY)
    .update(`${SANDBOX_APP_ID}\n${timeStamp}\n${nonceStr}\n${pkg}\n`)
    .digest('base64');
  return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign, sandbox: true };
}

/** A payment notification (possibly a duplicate, possibly late): see markPaid. */
export function notifyPaid(world: World, orderId: string): OrderRecord {
  const order = anyOrder(world, orderId);
  markPaid(world, order);
  return order;
}

/**
 * What WeChat Pay does after the user pays: the notification follows after notifyDelayMs. Timers are unref'd
 * and kept in `timers` so that close() and reset() can drop them.
 */
export function devPay(world: World, timers: Set<NodeJS.Timeout>, orderId: string): Schemas['DevPayResult'] {
  const order = anyOrder(world, orderId);
  assertPayable(order);
  const delay = world.options.notifyDelayMs;
  const timer = setTimeout(() => {
    timers.delete(timer);
    notifyPaid(world, orderId);
  }, delay);
  timer.unref?.();
  timers.add(timer);
  return { orderId, notifyAt: iso(world.now() + delay) };
}
