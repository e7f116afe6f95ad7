// Offers and the coupons claimed from them: stock and per-user limits checked and taken in one synchronous step,
// validity judged on the destination's date, ticket_checkout coupons reserved by an unpaid order.
import type { components } from '../../typings/api';
import { applyCoupon, couponStatus, type CartLine } from '../../miniprogram/domain/coupon';
import { ApiError } from '../types';
import { newId, readableCode, uniqueCode } from './ids';
import type { CouponRecord, Money, OrderRecord } from './records';
import { iso, notFound, type World } from './world';

type Schemas = components['schemas'];
type CouponStatus = Schemas['CouponStatus'];

function offerOf(world: World, offerId: string): Schemas['Offer'] {
  const offer = world.seed.offers.find((o) => o.id === offerId);
  if (!offer) throw notFound('offer', offerId);
  return offer;
}

export function offerRemaining(world: World, offerId: string): number | undefined {
  return world.db.offerStock.get(offerId);
}

function claimedBy(world: World, userId: string, offerId: string): number {
  let count = 0;
  for (const c of world.db.coupons.values()) if (c.userId === userId && c.offerId === offerId) count += 1;
  return count;
}

/** Claims a coupon (idempotent per key). Returns the coupon's id and whether this call created it. */
export function claimOffer(world: World, userId: string, offerId: string, key: string) {
  return world.db.idempotency.run(userId, 'claimOffer', key, { offerId }, () => {
    const offer = offerOf(world, offerId);
    const today = world.today();
    if (today < offer.validFrom) {
      throw new ApiError(409, 'OFFER_NOT_STARTED', `Offer ${offerId} starts on ${offer.validFrom}.`, {
        validFrom: offer.validFrom,
      });
    }
    if (today > offer.validUntil) {
      throw new ApiError(410, 'OFFER_EXPIRED', `Offer ${offerId} ended on ${offer.validUntil}.`, {
        validUntil: offer.validUntil,
      });
    }
    if (claimedBy(world, userId, offerId) >= offer.perUserLimit) {
      throw new ApiError(409, 'CLAIM_LIMIT_REACHED', `At most ${offer.perUserLimit} per person.`, {
        perUserLimit: offer.perUserLimit,
      });
    }
    const left = world.db.offerStock.get(offerId) ?? 0;
    if (left <= 0) throw new ApiError(409, 'OFFER_SOLD_OUT', `Offer ${offerId} has no coupons left.`);
    world.db.offerStock.set(offerId, left - 1);
    const { title, merchant, discount, minSpend, scope, productCategories, validFrom, validUntil } = offer;
    const coupon: CouponRecord = {
      id: newId('cpn'),
      userId,
      offerId,
      code: uniqueCode(
        world.db.codes,
        () => `${world.seed.couponCodePrefixes[offerId] ?? ''}${readableCode(8)}`,
      ),
      status: 'unused',
      claimedAt: world.now(),
      terms: {
        ...{ title, merchant, discount, minSpend, scope, validFrom, validUntil },
        ...(productCategories && { productCategories }),
      },
    };
    world.db.coupons.set(coupon.id, coupon);
    return coupon.id;
  });
}

function statusOf(world: World, coupon: CouponRecord): CouponStatus {
  return couponStatus(coupon.status, coupon.terms.validUntil, world.today());
}

export function couponView(world: World, coupon: CouponRecord): Schemas['Coupon'] {
  return {
    id: coupon.id,
    offerId: coupon.offerId,
    code: coupon.code,
    status: statusOf(world, coupon),
    claimedAt: iso(coupon.claimedAt),
    ...(coupon.usedAt !== undefined && { usedAt: iso(coupon.usedAt) }),
    ...coupon.terms,
  };
}

export function userCoupon(world: World, userId: string, couponId: string): CouponRecord {
  const coupon = world.db.coupons.get(couponId);
  if (!coupon || coupon.userId !== userId) throw notFound('coupon', couponId);
  return coupon;
}

/** The user's coupons, newest first, optionally only those with a status as of now. */
export function listCoupons(world: World, userId: string, status?: CouponStatus): CouponRecord[] {
  return [...world.db.coupons.values()]
    .filter((c) => c.userId === userId && (status === undefined || statusOf(world, c) === status))
    .sort((a, b) => b.claimedAt - a.claimedAt || a.id.localeCompare(b.id));
}

/** A merchant scanning the code: only an unused, current, in-store coupon can be redeemed. */
export function redeemCoupon(world: World, code: string): CouponRecord {
  const coupon = [...world.db.coupons.values()].find((c) => c.code === code);
  if (!coupon) throw notFound('coupon with code', code);
  const status = statusOf(world, coupon);
  const why =
    status !== 'unused'
      ? `it is ${status}`
      : coupon.terms.scope !== 'in_store'
        ? 'it is for ticket checkout'
        : world.today() < coupon.terms.validFrom
          ? `it is valid from ${coupon.terms.validFrom}`
          : undefined;
  if (why)
    throw new ApiError(409, 'COUPON_NOT_REDEEMABLE', `Coupon ${code} cannot be redeemed: ${why}.`, {
      status,
    });
  coupon.status = 'used';
  coupon.usedAt = world.now();
  return coupon;
}

/**
 * The discount a user's coupon gives these cart lines, checked with the shared rule (miniprogram/domain/coupon.ts).
 * 404 for a coupon that is not the user's; 422 COUPON_NOT_APPLICABLE with `details.reason` otherwise.
 */
export function couponDiscount(world: World, userId: string, couponId: string, lines: CartLine[]): Money {
  const coupon = userCoupon(world, userId, couponId);
  const check = coupon.reservedBy
    ? ({ ok: false, reason: 'reserved' } as const)
    : applyCoupon({ ...coupon.terms, status: coupon.status }, lines, world.today());
  if (!check.ok) {
    throw new ApiError(422, 'COUPON_NOT_APPLICABLE', `Coupon ${couponId} does not apply: ${check.reason}.`, {
      field: 'couponId',
      reason: check.reason,
    });
  }
  return check.discount;
}

export function reserveCoupon(world: World, order: OrderRecord): void {
  const coupon = order.couponId === undefined ? undefined : world.db.coupons.get(order.couponId);
  if (coupon) coupon.reservedBy = order.id;
}

export function releaseCoupon(world: World, order: OrderRecord): void {
  const coupon = order.couponId === undefined ? undefined : world.db.coupons.get(order.couponId);
  if (coupon?.reservedBy === order.id) delete coupon.reservedBy;
}

/** Marks the order's coupon used on payment (it was reserved by this order). */
export function consumeCoupon(world: World, order: OrderRecord): void {
  const coupon = order.couponId === undefined ? undefined : world.db.coupons.get(order.couponId);
  if (!coupon) return;
  delete coupon.reservedBy;
  coupon.status = 'used';
  coupon.usedAt = world.now();
}
