// Claiming coupons from offers: the offer's stock and the per-person limit are counters the database raises only
// while below their limits, so they hold however many requests and instances race. Redemption and the discount a
// coupon gives an order are judged on the destination's date.
import type { components } from '../../typings/api';
import { applyCoupon, type CartLine } from '../../miniprogram/domain/coupon';
import { ApiError, notFound } from '../core/errors';
import { newId, readableCode } from '../core/ids';
import { once } from '../core/idempotency';
import type { Tx } from '../db/database';
import type { Deps } from '../context';
import { inTransaction, type Work } from '../work';
import {
  couponByCode,
  couponView,
  insertCoupon,
  statusOf,
  userCoupon,
  userCoupons,
  type CouponRecord,
} from './wallet';

type Schemas = components['schemas'];
type Money = Schemas['Money'];

export function offerOf(w: Work, offerId: string): Schemas['Offer'] {
  const offer = w.seed.offers.find((o) => o.id === offerId);
  if (!offer) throw notFound('offer', offerId);
  return offer;
}

/** Coupons left of each offer: its stock in the content less the claims. */
export async function offersRemaining(
  tx: Tx,
  offers: readonly Schemas['Offer'][],
): Promise<Map<string, number>> {
  const rows = await tx.query<{ offer_id: string; claimed: number }>(
    'SELECT offer_id, claimed FROM offer_claims WHERE offer_id = ANY($1)',
    [offers.map((o) => o.id)],
  );
  const claimed = new Map(rows.map((r) => [r.offer_id, r.claimed]));
  return new Map(offers.map((o) => [o.id, Math.max(0, o.remaining - (claimed.get(o.id) ?? 0))]));
}

/** Claims a coupon (idempotent per key). Returns the coupon's id and whether this call created it. */
export async function claimOffer(w: Work, userId: string, offerId: string, key: string) {
  return once(w.tx, { userId, operation: 'claimOffer', key, body: { offerId }, now: w.now }, async () => {
    const offer = offerOf(w, offerId);
    if (w.today < offer.validFrom) {
      throw new ApiError(409, 'OFFER_NOT_STARTED', `Offer ${offerId} starts on ${offer.validFrom}.`, {
        validFrom: offer.validFrom,
      });
    }
    if (w.today > offer.validUntil) {
      throw new ApiError(410, 'OFFER_EXPIRED', `Offer ${offerId} ended on ${offer.validUntil}.`, {
        validUntil: offer.validUntil,
      });
    }
    const mine = await w.tx.query(
      `INSERT INTO user_offer_claims (user_id, offer_id, claimed) VALUES ($1, $2, 1)
       ON CONFLICT (user_id, offer_id) DO UPDATE SET claimed = user_offer_claims.claimed + 1
       WHERE user_offer_claims.claimed < $3 RETURNING claimed`,
      [userId, offerId, offer.perUserLimit],
    );
    if (mine.length === 0 || offer.perUserLimit < 1) {
      throw new ApiError(409, 'CLAIM_LIMIT_REACHED', `At most ${offer.perUserLimit} per person.`, {
        perUserLimit: offer.perUserLimit,
      });
    }
    await w.tx.query('INSERT INTO offer_claims (offer_id, claimed) VALUES ($1, 0) ON CONFLICT DO NOTHING', [
      offerId,
    ]);
    const left = await w.tx.query(
      'UPDATE offer_claims SET claimed = claimed + 1 WHERE offer_id = $1 AND claimed < $2 RETURNING claimed',
      [offerId, offer.remaining],
    );
    if (left.length === 0) throw new ApiError(409, 'OFFER_SOLD_OUT', `Offer ${offerId} has no coupons left.`);
    const { title, merchant, discount, minSpend, scope, productCategories, validFrom, validUntil } = offer;
    const coupon: CouponRecord = {
      id: newId('cpn'),
      userId,
      offerId,
      code: `${w.seed.couponCodePrefixes[offerId] ?? ''}${readableCode(8)}`,
      status: 'unused',
      claimedAt: w.now,
      terms: {
        ...{ title, merchant, discount, minSpend, scope, validFrom, validUntil },
        ...(productCategories && { productCategories }),
      },
    };
    await insertCoupon(w.tx, coupon);
    return { resourceId: coupon.id, response: { couponId: coupon.id } };
  });
}

/** A merchant scanning the code: only an unused, current, in-store coupon can be redeemed, once. */
export async function redeemCoupon(w: Work, code: string): Promise<CouponRecord> {
  const coupon = await couponByCode(w.tx, code);
  if (!coupon) throw notFound('coupon with code', code);
  const status = statusOf(coupon, w.today);
  const why =
    status !== 'unused'
      ? `it is ${status}`
      : coupon.terms.scope !== 'in_store'
        ? 'it is for ticket checkout'
        : w.today < coupon.terms.validFrom
          ? `it is valid from ${coupon.terms.validFrom}`
          : undefined;
  if (why) {
    throw new ApiError(409, 'COUPON_NOT_REDEEMABLE', `Coupon ${code} cannot be redeemed: ${why}.`, {
      status,
    });
  }
  await w.tx.query(`UPDATE coupons SET status = 'used', used_at = $2 WHERE id = $1`, [
    coupon.id,
    new Date(w.now),
  ]);
  return { ...coupon, status: 'used', usedAt: w.now };
}

/**
 * The discount a user's coupon gives these cart lines, checked with the shared rule (miniprogram/domain/coupon.ts).
 * 404 for a coupon that is not the user's; 422 COUPON_NOT_APPLICABLE with `details.reason` otherwise. The coupon
 * row stays locked until the order that reserves it commits.
 */
export async function couponDiscount(
  w: Work,
  userId: string,
  couponId: string,
  lines: CartLine[],
): Promise<Money> {
  const coupon = await userCoupon(w.tx, userId, couponId, true);
  const check = coupon.reservedBy
    ? ({ ok: false, reason: 'reserved' } as const)
    : applyCoupon({ ...coupon.terms, status: coupon.status }, lines, w.today);
  if (!check.ok) {
    throw new ApiError(422, 'COUPON_NOT_APPLICABLE', `Coupon ${couponId} does not apply: ${check.reason}.`, {
      field: 'couponId',
      reason: check.reason,
    });
  }
  return check.discount;
}

export function claim(
  deps: Deps,
  userId: string,
  offerId: string,
  key: string,
): Promise<{ coupon: Schemas['Coupon']; created: boolean }> {
  return inTransaction(deps, async (w) => {
    const { resourceId, created } = await claimOffer(w, userId, offerId, key);
    return { coupon: couponView(await userCoupon(w.tx, userId, resourceId), w.today), created };
  });
}

/** The user's coupons, newest first, optionally only those with a status as of now. */
export function listCoupons(deps: Deps, userId: string, status?: Schemas['CouponStatus']) {
  return inTransaction(deps, async (w) =>
    (await userCoupons(w.tx, userId))
      .filter((c) => status === undefined || statusOf(c, w.today) === status)
      .map((c) => couponView(c, w.today)),
  );
}

export function getCoupon(deps: Deps, userId: string, couponId: string): Promise<Schemas['Coupon']> {
  return inTransaction(deps, async (w) => couponView(await userCoupon(w.tx, userId, couponId), w.today));
}

export function redeem(deps: Deps, code: string): Promise<Schemas['Coupon']> {
  return inTransaction(deps, async (w) => couponView(await redeemCoupon(w, code), w.today));
}
