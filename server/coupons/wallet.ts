// Claimed coupons as rows: the wallet's reads, and what an order does to its ticket_checkout coupon (reserve while
// unpaid, release on cancel or expiry, use on payment).
import type { components } from '../../typings/api';
import { couponStatus, type CouponStatus } from '../../miniprogram/domain/coupon';
import { iso } from '../context';
import { notFound } from '../core/errors';
import type { Tx } from '../db/database';
import type { OrderRecord } from '../orders/records';

type Schemas = components['schemas'];

export interface CouponRecord {
  id: string;
  userId: string;
  offerId: string;
  code: string;
  status: CouponStatus;
  claimedAt: number;
  usedAt?: number;
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

interface CouponRow {
  id: string;
  user_id: string;
  offer_id: string;
  code: string;
  status: CouponStatus;
  claimed_at: Date;
  used_at: Date | null;
  reserved_by: string | null;
  terms: CouponRecord['terms'];
}

function fromRow(row: CouponRow): CouponRecord {
  return {
    id: row.id,
    userId: row.user_id,
    offerId: row.offer_id,
    code: row.code,
    status: row.status,
    claimedAt: row.claimed_at.getTime(),
    ...(row.used_at !== null && { usedAt: row.used_at.getTime() }),
    ...(row.reserved_by !== null && { reservedBy: row.reserved_by }),
    terms: row.terms,
  };
}

export async function insertCoupon(tx: Tx, coupon: CouponRecord): Promise<void> {
  await tx.query(
    `INSERT INTO coupons (id, user_id, offer_id, code, status, claimed_at, terms)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [
      coupon.id,
      coupon.userId,
      coupon.offerId,
      coupon.code,
      coupon.status,
      new Date(coupon.claimedAt),
      JSON.stringify(coupon.terms),
    ],
  );
}

export async function userCoupon(
  tx: Tx,
  userId: string,
  couponId: string,
  lock = false,
): Promise<CouponRecord> {
  const [row] = await tx.query<CouponRow & Record<string, unknown>>(
    `SELECT * FROM coupons WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
    [couponId],
  );
  if (!row || row.user_id !== userId) throw notFound('coupon', couponId);
  return fromRow(row);
}

export async function couponByCode(tx: Tx, code: string): Promise<CouponRecord | undefined> {
  const [row] = await tx.query<CouponRow & Record<string, unknown>>(
    'SELECT * FROM coupons WHERE code = $1 FOR UPDATE',
    [code],
  );
  return row && fromRow(row);
}

export async function userCoupons(tx: Tx, userId: string): Promise<CouponRecord[]> {
  const rows = await tx.query<CouponRow & Record<string, unknown>>(
    'SELECT * FROM coupons WHERE user_id = $1 ORDER BY claimed_at DESC, id',
    [userId],
  );
  return rows.map(fromRow);
}

export function statusOf(coupon: CouponRecord, today: string): CouponStatus {
  return couponStatus(coupon.status, coupon.terms.validUntil, today);
}

export function couponView(coupon: CouponRecord, today: string): Schemas['Coupon'] {
  return {
    id: coupon.id,
    offerId: coupon.offerId,
    code: coupon.code,
    status: statusOf(coupon, today),
    claimedAt: iso(coupon.claimedAt),
    ...(coupon.usedAt !== undefined && { usedAt: iso(coupon.usedAt) }),
    ...coupon.terms,
  };
}

export async function markUsed(tx: Tx, couponId: string, now: number): Promise<void> {
  await tx.query(`UPDATE coupons SET status = 'used', used_at = $2, reserved_by = NULL WHERE id = $1`, [
    couponId,
    new Date(now),
  ]);
}

export async function reserveCoupon(tx: Tx, order: OrderRecord): Promise<void> {
  if (order.couponId === undefined) return;
  await tx.query('UPDATE coupons SET reserved_by = $2 WHERE id = $1', [order.couponId, order.id]);
}

export async function releaseCoupon(tx: Tx, order: OrderRecord): Promise<void> {
  if (order.couponId === undefined) return;
  await tx.query('UPDATE coupons SET reserved_by = NULL WHERE id = $1 AND reserved_by = $2', [
    order.couponId,
    order.id,
  ]);
}

/** Marks the order's coupon used on payment (it was reserved by this order). */
export async function consumeCoupon(tx: Tx, order: OrderRecord, now: number): Promise<void> {
  if (order.couponId !== undefined) await markUsed(tx, order.couponId, now);
}

/** A refunded order's coupon is the customer's again: unused while its validity lasts, else expired. */
export async function returnCoupon(tx: Tx, order: OrderRecord, today: string): Promise<void> {
  if (order.couponId === undefined) return;
  await tx.query(
    `UPDATE coupons SET status = CASE WHEN (terms->>'validUntil') < $2 THEN 'expired' ELSE 'unused' END,
       used_at = NULL WHERE id = $1 AND status = 'used'`,
    [order.couponId, today],
  );
}

/** Used, or reserved by an order: a late-paid order can not have it back. */
export async function couponTaken(tx: Tx, couponId: string): Promise<boolean> {
  const [row] = await tx.query<{ taken: boolean }>(
    `SELECT status = 'used' OR reserved_by IS NOT NULL AS taken FROM coupons WHERE id = $1 FOR UPDATE`,
    [couponId],
  );
  return row?.taken ?? false;
}
