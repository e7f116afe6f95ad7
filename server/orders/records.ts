// Orders as rows: what the order tables hold, read and written with the transaction the caller runs in.
import type { components } from '../../typings/api';
import type { Traveller } from '../../miniprogram/domain/validate';
import type { Tx } from '../db/database';

type Schemas = components['schemas'];
export type Money = Schemas['Money'];
export type OrderStatus = Schemas['OrderStatus'];
export type AgeBand = Schemas['AgeBand'];

export interface InsuredRecord extends Traveller {
  ageBand: AgeBand;
  premium: Money;
}

/** What an insurance order's policy will say once the order is fulfilled. */
export interface PolicyDraft {
  planId: string;
  startDate: string;
  endDate: string;
  insured: InsuredRecord[];
  holder: Schemas['Contact'];
  premium: Money;
  termsVersion: string;
}

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
  /** True while this order's places are taken from the product-day stock. */
  holdsStock: boolean;
  quoteId?: string;
  policyDraft?: PolicyDraft;
  /** The WeChat Pay prepay of this order (its out_trade_no is the order id), reused while valid. */
  prepay?: { id: string; validUntil: number };
  policyId?: string;
}

interface OrderRow {
  id: string;
  user_id: string;
  kind: OrderRecord['kind'];
  status: OrderStatus;
  items: OrderRecord['items'];
  currency: string;
  subtotal: number;
  discount: number;
  total: number;
  cny_currency: string;
  total_cny: number;
  coupon_id: string | null;
  contact: OrderRecord['contact'];
  holds_stock: boolean;
  quote_id: string | null;
  policy_draft: PolicyDraft | null;
  prepay_id: string | null;
  prepay_valid_until: Date | null;
  created_at: Date;
  expires_at: Date;
  policy_id: string | null;
}

const SELECT = `SELECT o.*, p.id AS policy_id FROM orders o LEFT JOIN policies p ON p.order_id = o.id`;

/** One order, optionally locked for the rest of the transaction (concurrent writers of it wait). */
export async function findOrder(tx: Tx, id: string, lock = false): Promise<OrderRecord | undefined> {
  const rows = await tx.query<OrderRow & Record<string, unknown>>(
    `${SELECT} WHERE o.id = $1${lock ? ' FOR UPDATE OF o' : ''}`,
    [id],
  );
  const [order] = await withHistory(tx, rows);
  return order;
}

export async function userOrders(tx: Tx, userId: string): Promise<OrderRecord[]> {
  const rows = await tx.query<OrderRow & Record<string, unknown>>(
    `${SELECT} WHERE o.user_id = $1 ORDER BY o.created_at DESC, o.id`,
    [userId],
  );
  return withHistory(tx, rows);
}

async function withHistory(tx: Tx, rows: OrderRow[]): Promise<OrderRecord[]> {
  if (rows.length === 0) return [];
  const history = await tx.query<{ order_id: string; status: OrderStatus; at: Date }>(
    'SELECT order_id, status, at FROM order_history WHERE order_id = ANY($1) ORDER BY order_id, seq',
    [rows.map((r) => r.id)],
  );
  return rows.map((row) => ({
    id: row.id,
    userId: row.user_id,
    kind: row.kind,
    status: row.status,
    items: row.items,
    subtotal: { amount: row.subtotal, currency: row.currency },
    discount: { amount: row.discount, currency: row.currency },
    total: { amount: row.total, currency: row.currency },
    totalCny: { amount: row.total_cny, currency: row.cny_currency },
    ...(row.coupon_id !== null && { couponId: row.coupon_id }),
    contact: row.contact,
    createdAt: row.created_at.getTime(),
    expiresAt: row.expires_at.getTime(),
    history: history
      .filter((h) => h.order_id === row.id)
      .map((h) => ({ status: h.status, at: h.at.getTime() })),
    holdsStock: row.holds_stock,
    ...(row.quote_id !== null && { quoteId: row.quote_id }),
    ...(row.policy_draft !== null && { policyDraft: row.policy_draft }),
    ...(row.prepay_id !== null &&
      row.prepay_valid_until !== null && {
        prepay: { id: row.prepay_id, validUntil: row.prepay_valid_until.getTime() },
      }),
    ...(row.policy_id !== null && { policyId: row.policy_id }),
  }));
}

/** The order and the first line of its history, in one statement. */
export async function insertOrder(tx: Tx, order: OrderRecord): Promise<void> {
  await tx.query(
    `WITH inserted AS (
       INSERT INTO orders (id, user_id, kind, status, items, currency, subtotal, discount, total, cny_currency,
         total_cny, coupon_id, contact, holds_stock, quote_id, policy_draft, created_at, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18)
       RETURNING id, status, created_at)
     INSERT INTO order_history (order_id, seq, status, at) SELECT id, 0, status, created_at FROM inserted`,
    [
      order.id,
      order.userId,
      order.kind,
      order.status,
      JSON.stringify(order.items),
      order.total.currency,
      order.subtotal.amount,
      order.discount.amount,
      order.total.amount,
      order.totalCny.currency,
      order.totalCny.amount,
      order.couponId ?? null,
      JSON.stringify(order.contact),
      order.holdsStock,
      order.quoteId ?? null,
      order.policyDraft === undefined ? null : JSON.stringify(order.policyDraft),
      new Date(order.createdAt),
      new Date(order.expiresAt),
    ],
  );
}

export async function appendHistory(
  tx: Tx,
  orderId: string,
  seq: number,
  status: OrderStatus,
  at: number,
): Promise<void> {
  await tx.query('INSERT INTO order_history (order_id, seq, status, at) VALUES ($1, $2, $3, $4)', [
    orderId,
    seq,
    status,
    new Date(at),
  ]);
}

export async function saveOrderState(tx: Tx, order: OrderRecord): Promise<void> {
  await tx.query(
    'UPDATE orders SET status = $2, holds_stock = $3, prepay_id = $4, prepay_valid_until = $5 WHERE id = $1',
    [
      order.id,
      order.status,
      order.holdsStock,
      order.prepay?.id ?? null,
      order.prepay === undefined ? null : new Date(order.prepay.validUntil),
    ],
  );
}
