// What the state holds. Instants are epoch milliseconds here and become RFC 3339 only in views.ts; contract
// shapes (typings/api.d.ts) are reused wherever a record field is exactly what the API returns.
import type { components } from '../../typings/api';
import type { Traveller } from '../../miniprogram/domain/validate';
import type { StoredCouponStatus } from '../../miniprogram/domain/coupon';
import type { IdempotencyStore } from './idempotency';

type Schemas = components['schemas'];
export type Money = Schemas['Money'];
export type OrderStatus = Schemas['OrderStatus'];
export type AgeBand = Schemas['AgeBand'];

export interface OrderRecord {
  id: string;
  userId: string;
  kind: Schemas['OrderKind'];
  status: OrderStatus;
  items: Schemas['OrderItem'][];
  subtotal: Money;
  discount: Money;
  total: Money;
  totalCny: Money;
  couponId?: string;
  contact: Schemas['Contact'];
  createdAt: number;
  expiresAt: number;
  history: { status: OrderStatus; at: number }[];
  /** True while this order's units are taken from the product-day stock. */
  holdsStock: boolean;
  /** The WeChat Pay prepay of this order (its out_trade_no is the order id), reused while valid. */
  prepay?: { id: string; validUntil: number };
  /** When the simulated provider confirms a refund (REFUNDING -> REFUNDED). */
  refundDueAt?: number;
  /** Insurance orders: the policy to issue on fulfilment. */
  policyDraft?: PolicyDraft;
  policyId?: string;
}

export interface TicketRecord {
  id: string;
  userId: string;
  orderId: string;
  productId: string;
  title: Schemas['LocalizedText'];
  ticketTypeId: string;
  holderType: Schemas['TicketKind'];
  code: string;
  qrPayload: string;
  visitDate: string;
  validUntil: string;
  status: Schemas['TicketStatus'];
}

/** A claimed coupon: a snapshot of its offer's terms, plus what happened to it. */
export interface CouponRecord {
  id: string;
  userId: string;
  offerId: string;
  code: string;
  status: StoredCouponStatus;
  claimedAt: number;
  usedAt?: number;
  /** The unpaid order this ticket_checkout coupon is applied to; released if that order is cancelled or expires. */
  reservedBy?: string;
  terms: Pick<
    Schemas['Coupon'],
    | 'title'
    | 'merchant'
    | 'discount'
    | 'minSpend'
    | 'scope'
    | 'productCategories'
    | 'validFrom'
    | 'validUntil'
  >;
}

export interface QuoteRecord {
  id: string;
  userId: string;
  planId: string;
  startDate: string;
  endDate: string;
  tripDays: number;
  premium: Money;
  perTraveller: Schemas['TravellerPremium'][];
  expiresAt: number;
}

export interface InsuredRecord extends Traveller {
  ageBand: AgeBand;
  premium: Money;
}

export interface PolicyDraft {
  planId: string;
  startDate: string;
  endDate: string;
  insured: InsuredRecord[];
  holder: Schemas['Contact'];
  premium: Money;
  termsVersion: string;
}

export interface PolicyRecord extends PolicyDraft {
  id: string;
  userId: string;
  orderId: string;
  policyNumber: string;
  issuedAt: number;
  cancelledAt?: number;
}

/** Everything reset() throws away. */
export interface Db {
  idempotency: IdempotencyStore;
  /** Remaining units per product-day, keyed by stockKey(). */
  stock: Map<string, number>;
  /** Coupons left per offer. */
  offerStock: Map<string, number>;
  orders: Map<string, OrderRecord>;
  tickets: TicketRecord[];
  coupons: Map<string, CouponRecord>;
  quotes: Map<string, QuoteRecord>;
  policies: Map<string, PolicyRecord>;
  /** Ticket, coupon and policy codes handed out (all must be unique). */
  codes: Set<string>;
}

export const stockKey = (productId: string, date: string): string => `${productId}|${date}`;
