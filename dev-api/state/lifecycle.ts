// The order status machine and its side effects (stock, coupon, tickets, policy). Expiry and refund completion
// are applied lazily by settle(), on every read and write: no timers, and a test's clock decides.
//
//   PENDING_PAYMENT -> PAID -> FULFILLED;  PENDING_PAYMENT -> CANCELLED | EXPIRED;
//   PAID | FULFILLED -> REFUNDING -> REFUNDED;  EXPIRED | CANCELLED -> PAID (a payment that arrives late).
import { convert, subtract } from '../../miniprogram/domain/money';
import { ApiError } from '../types';
import { consumeCoupon, releaseCoupon, reserveCoupon } from './coupons';
import { newId } from './ids';
import { holdStock, returnStock, shortage, unitsByDay } from './inventory';
import { issuePolicy } from './policies';
import type { Money, OrderRecord, OrderStatus } from './records';
import { issueTickets, refundTickets } from './tickets';
import { notFound, type World } from './world';

const NEXT: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ['PAID', 'CANCELLED', 'EXPIRED'],
  PAID: ['FULFILLED', 'REFUNDING'],
  FULFILLED: ['REFUNDING'],
  REFUNDING: ['REFUNDED'],
  REFUNDED: [],
  CANCELLED: ['PAID'],
  EXPIRED: ['PAID'],
};

function move(order: OrderRecord, to: OrderStatus, at: number): void {
  if (!NEXT[order.status].includes(to)) {
    throw new ApiError(409, 'INVALID_STATE', `Order ${order.id} cannot go from ${order.status} to ${to}.`);
  }
  order.status = to;
  order.history.push({ status: to, at });
}

/** The CNY estimate of an amount: one conversion, rounded half away from zero (money.ts). */
function estimateCny(world: World, total: Money): Money {
  const { currency, fx } = world.seed.destination;
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
  policyDraft?: OrderRecord['policyDraft'];
}

/** Records a PENDING_PAYMENT order and takes its stock and coupon; the caller has checked both. */
export function openOrder(world: World, input: NewOrder): OrderRecord {
  const now = world.now();
  const total = subtract(input.subtotal, input.discount);
  const order: OrderRecord = {
    ...input,
    id: newId('ord'),
    status: 'PENDING_PAYMENT',
    total,
    totalCny: estimateCny(world, total),
    createdAt: now,
    expiresAt: now + world.options.orderExpiryMs,
    history: [{ status: 'PENDING_PAYMENT', at: now }],
    holdsStock: false,
  };
  holdStock(world, order);
  reserveCoupon(world, order);
  world.db.orders.set(order.id, order);
  return order;
}

/** Applies what time has done to an order: expiry of an unpaid one, completion of a refund. */
export function settle(world: World, order: OrderRecord): OrderRecord {
  const now = world.now();
  if (order.status === 'PENDING_PAYMENT' && now >= order.expiresAt) {
    move(order, 'EXPIRED', order.expiresAt);
    letGo(world, order);
  }
  if (order.status === 'REFUNDING' && order.refundDueAt !== undefined && now >= order.refundDueAt) {
    move(order, 'REFUNDED', order.refundDueAt);
  }
  return order;
}

export function sweep(world: World): void {
  for (const order of world.db.orders.values()) settle(world, order);
}

/** An unpaid order's stock and coupon go back; its prepay can no longer be paid. */
function letGo(world: World, order: OrderRecord): void {
  returnStock(world, order);
  releaseCoupon(world, order);
  delete order.prepay;
}

/** Any order by id, settled (dev endpoints, which act for WeChat Pay rather than for a user). */
export function anyOrder(world: World, orderId: string): OrderRecord {
  const order = world.db.orders.get(orderId);
  if (!order) throw notFound('order', orderId);
  return settle(world, order);
}

/** One of the user's orders, settled; another user's order does not exist for them. */
export function userOrder(world: World, userId: string, orderId: string): OrderRecord {
  const order = world.db.orders.get(orderId);
  if (!order || order.userId !== userId) throw notFound('order', orderId);
  return settle(world, order);
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

export function cancelOrder(world: World, order: OrderRecord): void {
  if (order.status === 'CANCELLED') return;
  if (order.status !== 'PENDING_PAYMENT') {
    throw new ApiError(409, 'ORDER_NOT_CANCELLABLE', `Order ${order.id} is ${order.status}.`, {
      status: order.status,
    });
  }
  move(order, 'CANCELLED', world.now());
  letGo(world, order);
}

/**
 * The payment notification: the money was taken. Idempotent: an order already paid (or past it) is unchanged.
 * An order that expired or was cancelled before the notification arrived is still marked PAID; it is fulfilled
 * if its stock and coupon can be taken again, otherwise refunded at once (what the merchant must do with money
 * for goods it no longer holds).
 */
export function markPaid(world: World, order: OrderRecord): void {
  sweep(world);
  if (!['PENDING_PAYMENT', 'EXPIRED', 'CANCELLED'].includes(order.status)) return;
  const late = order.status !== 'PENDING_PAYMENT';
  const now = world.now();
  move(order, 'PAID', now);
  delete order.prepay;
  if (late && !retake(world, order)) {
    startRefund(world, order);
    return;
  }
  consumeCoupon(world, order);
  move(order, 'FULFILLED', now);
  if (order.kind === 'tickets') issueTickets(world, order);
  else issuePolicy(world, order);
}

/** Takes a late-paid order's stock and coupon again; false when they went to someone else meanwhile. */
function retake(world: World, order: OrderRecord): boolean {
  if (order.kind === 'insurance')
    return order.policyDraft !== undefined && world.today() <= order.policyDraft.startDate;
  if (shortage(world, unitsByDay(order.items))) return false;
  const coupon = order.couponId === undefined ? undefined : world.db.coupons.get(order.couponId);
  if (coupon && (coupon.status === 'used' || coupon.reservedBy !== undefined)) return false;
  holdStock(world, order);
  reserveCoupon(world, order);
  return true;
}

/**
 * PAID/FULFILLED -> REFUNDING: tickets are void at once and their places return to sale; an insurance order's
 * policy is cancelled. The coupon stays used. The provider confirms after the refund delay (settle()).
 */
export function startRefund(world: World, order: OrderRecord): void {
  const now = world.now();
  move(order, 'REFUNDING', now);
  order.refundDueAt = now + world.options.notifyDelayMs;
  refundTickets(world, order);
  returnStock(world, order);
  const policy = order.policyId === undefined ? undefined : world.db.policies.get(order.policyId);
  if (policy && policy.cancelledAt === undefined) policy.cancelledAt = now;
  settle(world, order);
}
