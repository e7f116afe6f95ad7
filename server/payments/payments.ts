// Paying an order with WeChat Pay: a JSAPI prepay for wx.requestPayment, and what WeChat Pay reports (a
// notification or a query) turned into the order's state. The order id is the out_trade_no. Calls to WeChat Pay
// happen outside transactions: a slow answer never holds a lock or the embedded database.
import type { components } from '../../typings/api';
import type { Deps } from '../context';
import { ApiError } from '../core/errors';
import { schedule } from '../jobs/queue';
import { assertPayable, lockedOrder, markPaid, userOrder } from '../orders/lifecycle';
import { chargeOf } from '../orders/charge';
import { saveOrderState } from '../orders/records';
import type { WeChatPayClient } from '../wechat/pay-client';
import { PayRefused, PayUnavailable, type PayTransaction } from '../wechat/pay-types';
import { inTransaction, type Work } from '../work';

type Schemas = components['schemas'];

/** prepay_id lifetime (WeChat Pay documents about 2 hours); an order's expiry ends it sooner. */
const PREPAY_TTL_MS = 2 * 60 * 60 * 1000;

export function payClient(deps: Deps): WeChatPayClient {
  if (!deps.pay)
    throw new ApiError(503, 'PAYMENT_NOT_CONFIGURED', 'WeChat Pay is not configured on this server.');
  return deps.pay;
}

/**
 * Parameters for wx.requestPayment. Paying again after a cancelled sheet pays the same WeChat Pay order: its
 * prepay_id is reused while valid.
 */
export async function createPayment(
  deps: Deps,
  userId: string,
  orderId: string,
): Promise<Schemas['PaymentParams']> {
  const pay = payClient(deps);
  const { order, openid, description } = await inTransaction(deps, async (w) => {
    const found = await userOrder(w, userId, orderId);
    assertPayable(found);
    const [user] = await w.tx.query<{ openid: string }>('SELECT openid FROM users WHERE id = $1', [userId]);
    const name = w.seed.destination.name['zh-CN'] ?? Object.values(w.seed.destination.name)[0] ?? 'Wayfarer';
    return {
      order: found,
      openid: user!.openid,
      description: `${name}-${found.kind === 'tickets' ? '门票' : '旅行保险'}`,
    };
  });
  let prepayId = order.prepay && order.prepay.validUntil > deps.now() ? order.prepay.id : undefined;
  if (prepayId === undefined) {
    const charge = chargeOf(order, pay.config.region);
    const id = await pay
      .prepay({
        outTradeNo: order.id,
        description,
        total: charge.amount,
        currency: charge.currency,
        openid,
        expiresAt: order.expiresAt,
      })
      .catch(unavailable);
    await inTransaction(deps, async (w) => {
      const locked = await userOrder(w, userId, orderId, true);
      assertPayable(locked);
      locked.prepay = { id, validUntil: Math.min(w.now + PREPAY_TTL_MS, locked.expiresAt) };
      await saveOrderState(w.tx, locked);
      await schedule(w.tx, 'payment.check', orderId, w.now + deps.options.paymentCheckMs);
    });
    deps.wake(deps.options.paymentCheckMs);
    prepayId = id;
  }
  const sandbox = pay.config.sandboxOrigin;
  return {
    ...pay.requestPayment(prepayId, deps.now()),
    ...(sandbox !== undefined && { sandboxUrl: `${sandbox}/sim/pay/${encodeURIComponent(prepayId)}` }),
  };
}

function unavailable(error: unknown): never {
  if (error instanceof PayUnavailable || error instanceof PayRefused) {
    throw new ApiError(503, 'PAYMENT_UNAVAILABLE', 'WeChat Pay is not answering; try again in a moment.');
  }
  throw error;
}

/**
 * What WeChat Pay says happened to an order (a notification, or a query when none came). A successful payment
 * is recorded once (by transaction id) and marks the order paid; a payment whose amount or currency is not the
 * order's is recorded and refunded. Returns false when the order is not ours.
 */
export async function applyTransaction(
  w: Work,
  pay: WeChatPayClient,
  txn: PayTransaction,
  notificationId?: string,
): Promise<boolean> {
  const order = await lockedOrder(w, txn.outTradeNo).catch(() => undefined);
  if (!order) return false;
  if (notificationId !== undefined) {
    await w.tx.query(
      'INSERT INTO payment_notifications (id, order_id, received_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
      [notificationId, order.id, new Date(w.now)],
    );
  }
  if (txn.state !== 'SUCCESS' || txn.transactionId === undefined) return true;
  await w.tx.query(
    `INSERT INTO payments (order_id, transaction_id, amount, currency, payer_total, payer_currency, rate, paid_at, recorded_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT DO NOTHING`,
    [
      order.id,
      txn.transactionId,
      txn.total,
      txn.currency,
      txn.payerTotal ?? null,
      txn.payerCurrency ?? null,
      txn.rate ?? null,
      new Date(Date.parse(txn.successTime ?? '') || w.now),
      new Date(w.now),
    ],
  );
  const charge = chargeOf(order, pay.config.region);
  const matches = txn.total === charge.amount && txn.currency === charge.currency;
  await markPaid(
    w,
    order,
    matches
      ? undefined
      : `paid ${txn.total} ${txn.currency}, not the order's ${charge.amount} ${charge.currency}`,
  );
  return true;
}

/** Asks WeChat Pay about an order and applies a payment it reports. True when the order is now paid there. */
export async function reconcile(deps: Deps, orderId: string): Promise<boolean> {
  const pay = payClient(deps);
  const txn = await pay.query(orderId);
  if (txn?.state !== 'SUCCESS') return false;
  await inTransaction(deps, (w) => applyTransaction(w, pay, txn));
  return true;
}
