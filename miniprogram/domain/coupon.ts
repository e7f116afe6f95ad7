// Coupon eligibility and discount math, shared by the checkout page and the dev API (the server's result is the
// one charged; the client uses this to show the same number before it asks).
import { money, roundDiv, type Money } from './money';
import { daysBetween, type LocalDate } from './time';

export type CouponScope = 'in_store' | 'ticket_checkout';
export type StoredCouponStatus = 'unused' | 'used';
export type CouponStatus = StoredCouponStatus | 'expired';

export type Discount = { type: 'fixed'; amount: Money } | { type: 'percent'; percent: number; cap: Money };

/** The terms a coupon carries (a snapshot of its offer at claim time). */
export interface CouponTerms {
  discount: Discount;
  minSpend: Money;
  scope: CouponScope;
  /** Product categories a ticket_checkout coupon applies to; absent = all. */
  productCategories?: readonly string[];
  validFrom: LocalDate;
  /** Inclusive: valid until the end of that day at the destination. */
  validUntil: LocalDate;
}

export interface CartLine {
  category: string;
  subtotal: Money;
}

export type IneligibleReason =
  'used' | 'expired' | 'not_started' | 'scope' | 'category' | 'min_spend' | 'currency';

export type CouponCheck = { ok: true; discount: Money } | { ok: false; reason: IneligibleReason };

/** 'expired' once the destination's today is past validUntil; a used coupon stays 'used'. */
export function couponStatus(
  stored: StoredCouponStatus,
  validUntil: LocalDate,
  today: LocalDate,
): CouponStatus {
  if (stored === 'used') return 'used';
  return daysBetween(validUntil, today) > 0 ? 'expired' : 'unused';
}

/**
 * What a coupon takes off a ticket cart on `today` (the destination's date). Only lines in the coupon's product
 * categories count, for the minimum spend as for the discount. A percent discount rounds half away from zero
 * (money.ts's one rule) and stops at its cap; no discount exceeds the eligible amount.
 */
export function applyCoupon(
  coupon: CouponTerms & { status: StoredCouponStatus },
  lines: readonly CartLine[],
  today: LocalDate,
): CouponCheck {
  const status = couponStatus(coupon.status, coupon.validUntil, today);
  if (status !== 'unused') return { ok: false, reason: status };
  if (daysBetween(today, coupon.validFrom) > 0) return { ok: false, reason: 'not_started' };
  if (coupon.scope !== 'ticket_checkout') return { ok: false, reason: 'scope' };
  const categories = coupon.productCategories;
  const eligible = lines.filter((l) => !categories || categories.includes(l.category));
  if (eligible.length === 0) return { ok: false, reason: 'category' };
  const currency = coupon.minSpend.currency;
  const cap = coupon.discount.type === 'fixed' ? coupon.discount.amount : coupon.discount.cap;
  if (eligible.some((l) => l.subtotal.currency !== currency) || cap.currency !== currency) {
    return { ok: false, reason: 'currency' };
  }
  const base = eligible.reduce((acc, l) => acc + l.subtotal.amount, 0);
  if (base < coupon.minSpend.amount) return { ok: false, reason: 'min_spend' };
  const raw =
    coupon.discount.type === 'fixed'
      ? cap.amount
      : Math.min(roundDiv(base * coupon.discount.percent, 100), cap.amount);
  return { ok: true, discount: money(Math.min(raw, base), currency) };
}
