// The order status machine and its side effects (stock, coupon, tickets, policy, refund). Expiry is a job, and is
// also applied to any order read after it fell due, so what a client sees never waits for the worker. A refund is
// done when WeChat Pay says so (payments/refunds.ts).
//
//   PENDING_PAYMENT -> PAID -> FULFILLED;  PENDING_PAYMENT -> CANCELLED | EXPIRED;
//   PAID | FULFILLED -> REFUNDING -> REFUNDED;  EXPIRED | CANCELLED -> PAID (a payment that arrives late).
import { convert, subtract } from '../../miniprogram/domain/money';
import { consumeCoupon, couponTaken, releaseCoupon, reserveCoupon, returnCoupon } from '../coupons/wallet';
import { ApiError, notFound } from '../core/errors';
import { newId } from '../core/ids';
import { schedule } from '../jobs/queue';
import { cancelPolicyOfOrder, issuePolicy, quoteHasPolicy } from '../policies/policies';
import { issueTickets, refundTickets } from '../tickets/tickets';
import type { Work } from '../work';
import { chargeOf } from './charge';
import { hold, placesByDay, release, type Shortage } from './inventory';
import {
  appendHistory,
  findOrder,
  insertOrder,
  saveOrderState,
  type Money,
  type OrderRecord,
  type OrderStatus,
} from './records';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED', 'EXPIRED'],
  PAID: ['FULFILLED', 'REFUNDING'],
  FULFILLED: ['REFUNDING'],
  REFUNDING: ['REFUNDED'],
  REFUNDED: [],
  CANCELLED: ['PAID'],
  EXPIRED: ['PAID'],
};

async function move(w: Work, order: OrderRecord, to: OrderStatus, at: number): Promise<void> {
  if (!NEXT[order.status].includes(to)) {
    throw new ApiError(409, 'INVALID_STATE', `Order ${order.id} cannot go from ${order.status} to ${to}.`);
  }
  order.status = to;
  await appendHistory(w.tx, order.id, order.history.length, to, at);
  order.history.push({ status: to, at });
  await saveOrderState(w.tx, order);
}

/** The CNY estimate of an amount: one conversion, rounded half away from zero (money.ts). */
function estimateCny(w: Work, total: Money): Money {
  const { currency, fx } = w.seed.destination;
  if (total.currency === fx.quote) return total;
  if (total.currency !== currency) throw new Error(`no rate for ${total.currency}`);
  return convert(total, fx.quote, fx.rateMicros);
}

export interface NewOrder {
  userId: string;
  kind: OrderRecord['kind'];
  items: OrderRecord['items'];
  subtotal: Money;
  discount: Money;
  contact: OrderRecord['contact'];
  couponId?: string;
  quoteId?: string;
  policyDraft?: OrderRecord['policyDraft'];
}

/**
 * Records a PENDING_PAYMENT order and takes its places and coupon (the caller checked the coupon applies).
 * Returns the shortage instead when a day lacks places; nothing is then written by this call.
 */
export async function openOrder(
  w: Work,
  input: NewOrder,
): Promise<{ order: OrderRecord } | { shortage: Shortage }> {
  if (input.kind === 'tickets') {
    const shortage = await hold(w.tx, w.seed, placesByDay(w.seed, input.items));
    if (shortage) return { shortage };
  }
  const total = subtract(input.subtotal, input.discount);
  const order: OrderRecord = {
    ...input,
    id: newId('ord'),
    status: 'PENDING_PAYMENT',
    total,
    totalCny: estimateCny(w, total),
    createdAt: w.now,
    expiresAt: w.now + w.deps.options.orderExpiryMs,
    history: [{ status: 'PENDING_PAYMENT', at: w.now }],
    holdsStock: input.kind === 'tickets',
  };
  await insertOrder(w.tx, order);
  await reserveCoupon(w.tx, order);
  await schedule(w.tx, 'order.expire', order.id, order.expiresAt);
  return { order };
}

/** Whether time has done something to the order that is not written yet. */
function due(w: Work, order: OrderRecord): boolean {
  return order.status === 'PENDING_PAYMENT' && w.now >= order.expiresAt;
}

/** Applies what time has done to an order (expiry), locking it only when there is work. */
export async function settle(w: Work, order: OrderRecord): Promise<OrderRecord> {
  if (!due(w, order)) return order;
  const locked = await findOrder(w.tx, order.id, true);
  if (!locked) return order;
  if (due(w, locked)) {
    await move(w, locked, 'EXPIRED', locked.expiresAt);
    await letGo(w, locked);
  }
  return locked;
}

/** Expires the unpaid orders past their expiry that no other transaction is working on. */
export async function expireDue(w: Work, limit = 100): Promise<void> {
  const rows = await w.tx.query<{ id: string }>(
    `SELECT id FROM orders WHERE status = 'PENDING_PAYMENT' AND expires_at <= $1
     ORDER BY expires_at LIMIT $2 FOR UPDATE SKIP LOCKED`,
    [new Date(w.now), limit],
  );
  for (const { id } of rows) {
    const order = await findOrder(w.tx, id);
    if (order) await settle(w, order);
  }
}

/**
 * An unpaid order's places and coupon go back. Its prepay stays recorded: WeChat Pay still has the order, which the
 * expiry job closes there.
 */
async function letGo(w: Work, order: OrderRecord): Promise<void> {
  if (order.holdsStock) await release(w.tx, placesByDay(w.seed, order.items));
  order.holdsStock = false;
  await saveOrderState(w.tx, order);
  await releaseCoupon(w.tx, order);
}

/** Any order by id, locked and settled (payment notifications act for WeChat Pay rather than for a user). */
export async function lockedOrder(w: Work, orderId: string): Promise<OrderRecord> {
  const order = await findOrder(w.tx, orderId, true);
  if (!order) throw notFound('order', orderId);
  return settle(w, order);
}

/** One of the user's orders, settled; another user's order does not exist for them. */
export async function userOrder(
  w: Work,
  userId: string,
  orderId: string,
  lock = false,
): Promise<OrderRecord> {
  const order = await findOrder(w.tx, orderId, lock);
  if (!order || order.userId !== userId) throw notFound('order', orderId);
  return settle(w, order);
}

export function assertPayable(order: OrderRecord): void {
  if (order.status === 'EXPIRED') {
    throw new ApiError(410, 'ORDER_EXPIRED', `Order ${order.id} expired and can no longer be paid.`);
  }
  if (order.status !== 'PENDING_PAYMENT') {
    throw new ApiError(409, 'ORDER_NOT_PAYABLE', `Order ${order.id} is ${order.status}.`, {
      status: order.status,
    });
  }
}

export async function cancelOrder(w: Work, order: OrderRecord): Promise<void> {
  if (order.status === 'CANCELLED') return;
  if (order.status !== 'PENDING_PAYMENT') {
    throw new ApiError(409, 'ORDER_NOT_CANCELLABLE', `Order ${order.id} is ${order.status}.`, {
      status: order.status,
    });
  }
  await move(w, order, 'CANCELLED', w.now);
  await letGo(w, order);
}

/**
 * The payment notification: the money was taken. Idempotent: an order already paid (or past it) is unchanged.
 * An order that expired or was cancelled before the notification arrived is still marked PAID; it is fulfilled
 * if its places and coupon can be taken again, otherwise refunded at once (what the merchant must do with money
 * for goods it no longer holds). A payment that does not match the order (`refusal` says how) is refunded too.
 * `order` is locked and settled.
 */
export async function markPaid(w: Work, order: OrderRecord, refusal?: string): Promise<void> {
  if (!['PENDING_PAYMENT', 'EXPIRED', 'CANCELLED'].includes(order.status)) return;
  const late = order.status !== 'PENDING_PAYMENT';
  const retaken = refusal === undefined && (late ? await retake(w, order) : true);
  await move(w, order, 'PAID', w.now);
  if (!retaken) {
    await startRefund(w, order, refusal ?? 'paid after the order had expired or was cancelled');
    return;
  }
  await consumeCoupon(w.tx, order, w.now);
  await move(w, order, 'FULFILLED', w.now);
  if (order.kind === 'tickets') await issueTickets(w, order);
  else await issuePolicy(w, order);
  // Delivered: the platform releases the funds of a mini-program payment once told (virtual goods).
  await schedule(w.tx, 'shipping.upload', order.id, w.now);
}

/** Takes a late-paid order's places and coupon again; false when they went to someone else meanwhile. */
async function retake(w: Work, order: OrderRecord): Promise<boolean> {
  if (order.kind === 'insurance') {
    const draft = order.policyDraft;
    if (!draft || w.today > draft.startDate) return false;
    return order.quoteId === undefined || !(await quoteHasPolicy(w.tx, order.quoteId));
  }
  if (order.couponId !== undefined && (await couponTaken(w.tx, order.couponId))) return false;
  if (await hold(w.tx, w.seed, placesByDay(w.seed, order.items))) return false;
  order.holdsStock = true;
  await saveOrderState(w.tx, order);
  await reserveCoupon(w.tx, order);
  return true;
}

/**
 * PAID/FULFILLED -> REFUNDING: tickets are void at once and their places return to sale; an insurance order's
 * policy is cancelled; a coupon used on the order is the customer's again. The refund itself goes to WeChat Pay
 * (the `refund.request` job, and at once where the caller can); REFUNDED when WeChat Pay says it went through.
 */
export async function startRefund(w: Work, order: OrderRecord, reason: string): Promise<void> {
  await move(w, order, 'REFUNDING', w.now);
  const charge = chargeOf(order, w.deps.pay?.config.region);
  await w.tx.query(
    `INSERT INTO refunds (id, order_id, amount, currency, status, reason, requested_at)
     VALUES ($1, $2, $3, $4, 'PROCESSING', $5, $6)`,
    [newId('rfd'), order.id, charge.amount, charge.currency, reason, new Date(w.now)],
  );
  await refundTickets(w.tx, order.id);
  if (order.holdsStock) await release(w.tx, placesByDay(w.seed, order.items));
  order.holdsStock = false;
  await saveOrderState(w.tx, order);
  await cancelPolicyOfOrder(w.tx, order.id, w.now);
  await returnCoupon(w.tx, order, w.today);
  await schedule(w.tx, 'refund.request', order.id, w.now);
}

/** WeChat Pay says the refund went through: REFUNDING -> REFUNDED (once). `order` is locked. */
export async function markRefunded(w: Work, order: OrderRecord): Promise<void> {
  if (order.status === 'REFUNDING') await move(w, order, 'REFUNDED', w.now);
}
