// Orders: create (idempotent), read, cancel, refund; the payment flow over them, and the launch-time
// reconciliation of unconfirmed payments.
import type { components } from '../../typings/api';
import { request } from '../services/http';
import {
  confirmPaid,
  payOrder,
  reconcilePendingPayments,
  type PaymentApi,
  type PayOutcome,
} from '../services/payment';
import type { Result } from '../services/result';
import {
  array,
  instant,
  int,
  listOf,
  literal,
  localDate,
  localizedText,
  money,
  object,
  optional,
  str,
} from './decode';
import { syncWallet } from './tickets';

export type Order = components['schemas']['Order'];
export type OrderStatus = components['schemas']['OrderStatus'];
export type CreateOrderRequest = components['schemas']['CreateOrderRequest'];

const status = literal(
  'PENDING_PAYMENT',
  'PAID',
  'FULFILLED',
  'CANCELLED',
  'EXPIRED',
  'REFUNDING',
  'REFUNDED',
);

export const decodeOrder = object({
  id: str,
  kind: literal('tickets', 'insurance'),
  status,
  items: array(
    object({
      productId: str,
      ticketTypeId: str,
      title: localizedText,
      date: localDate,
      quantity: int,
      unitPrice: money,
      subtotal: money,
    }),
  ),
  subtotal: money,
  discount: money,
  total: money,
  totalCny: money,
  couponId: optional(str),
  contact: object({ name: str, mobile: str, email: str }),
  createdAt: instant,
  expiresAt: instant,
  history: array(object({ status, at: instant })),
  policyId: optional(str),
});

const paymentApi: PaymentApi<Order> = {
  decodeOrder: decodeOrder as PaymentApi<Order>['decodeOrder'],
  // A paid ticket order is done once its tickets are in the offline wallet: they must open at the gate without
  // signal. A sync that failed on the way (network, server, login) is tried again at the next launch.
  deliver: async (order) => {
    if (order.kind !== 'tickets') return 'done';
    const synced = await syncWallet();
    const answered = synced.ok || (synced.error.kind === 'http' && synced.error.status < 500);
    return answered ? 'done' : 'retry';
  },
  decodeParams: object({
    timeStamp: str,
    nonceStr: str,
    package: str,
    signType: literal('RSA'),
    paySign: str,
    sandboxUrl: optional(str),
  }),
};

export function payForOrder(orderId: string): Promise<PayOutcome<Order>> {
  return payOrder(paymentApi, orderId);
}

/** Orders that an earlier session paid for but never saw confirmed; the wallet refreshes when any appear. */
export function reconcileOnLaunch(): Promise<Order[]> {
  return reconcilePendingPayments(paymentApi);
}

/** Checks again whether the server has confirmed a payment (the "confirming" state polls this). */
export function confirmPayment(orderId: string): Promise<PayOutcome<Order>> {
  return confirmPaid(paymentApi, orderId);
}

const orderPath = (id: string) => `/v1/orders/${encodeURIComponent(id)}`;
const decode = paymentApi.decodeOrder;

/**
 * `key` identifies the user's intent (domain/intent.ts): the same key on a retry or a second tap returns the order
 * the first request created, so a dropped response never makes a second order.
 */
export function createOrder(body: CreateOrderRequest, key: string): Promise<Result<Order>> {
  return request({ method: 'POST', path: '/v1/orders', body, idempotencyKey: key, auth: 'required', decode });
}

export function getOrder(id: string): Promise<Result<Order>> {
  return request({ path: orderPath(id), auth: 'required', decode });
}

/** Every order of the user, newest first (the list filters by tab locally, so a tab switch needs no request). */
export function listOrders(): Promise<Result<Order[]>> {
  return request({ path: '/v1/orders', auth: 'required', decode: listOf(decode) });
}

/** Cancelling twice returns the cancelled order, so a retry is safe. */
export function cancelOrder(id: string): Promise<Result<Order>> {
  return request({
    method: 'POST',
    path: `${orderPath(id)}/cancel`,
    auth: 'required',
    retrySafe: true,
    decode,
  });
}

/** The user accepted the visit-day reminder: the server sends it the day before the visit. Asking twice is once. */
export function remindVisit(id: string): Promise<Result<unknown>> {
  return request({
    method: 'POST',
    path: `${orderPath(id)}/reminder`,
    auth: 'required',
    retrySafe: true,
    decode: (raw) => ({ ok: true, value: raw }),
  });
}

/** Asking again while REFUNDING changes nothing on the server, so a retry is safe. */
export function refundOrder(id: string, reason: string): Promise<Result<Order>> {
  return request({
    method: 'POST',
    path: `${orderPath(id)}/refund`,
    body: { reason },
    auth: 'required',
    retrySafe: true,
    decode,
  });
}
