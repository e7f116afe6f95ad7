// Orders as the payment flow sees them, and the launch-time reconciliation of unconfirmed payments.
import type { components } from '../../typings/api';
import { payOrder, reconcilePendingPayments, type PaymentApi, type PayOutcome } from '../services/payment';
import {
  array,
  bool,
  instant,
  int,
  literal,
  localDate,
  localizedText,
  money,
  object,
  optional,
  str,
} from './decode';

export type Order = components['schemas']['Order'];

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
  decodeParams: object({
    timeStamp: str,
    nonceStr: str,
    package: str,
    signType: literal('RSA'),
    paySign: str,
    sandbox: optional(bool),
  }),
};

export function payForOrder(orderId: string): Promise<PayOutcome<Order>> {
  return payOrder(paymentApi, orderId);
}

/** Orders that an earlier session paid for but never saw confirmed; the wallet refreshes when any appear. */
export function reconcileOnLaunch(): Promise<Order[]> {
  return reconcilePendingPayments(paymentApi);
}
