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

/**
 * 'expired' once the destination's today is past validUntil; a used coupon stays 'used'. A status the server
 * already judged 'expired' stays so (expiry only moves forward), whatever the phone's clock says.
 */
export function couponStatus(stored: CouponStatus, validUntil: LocalDate, today: LocalDate): CouponStatus {
  if (stored !== 'unused') return stored;
  return daysBetween(validUntil, today) > 0 ? 'expired' : 'unused';
}

/** The cart lines in the coupon's product categories (all of them when it names none). */
function linesInScope(coupon: CouponTerms, lines: readonly CartLine[]): readonly CartLine[] {
  const categories = coupon.productCategories;
  return categories ? lines.filter((l) => categories.includes(l.category)) : lines;
}

/**
 * What a coupon takes off a ticket cart on `today` (the destination's date). Only lines in the coupon's product
 * categories count, for the minimum spend as for the discount. A percent discount rounds half away from zero
 * (money.ts's one rule) and stops at its cap; no discount exceeds the eligible amount.
 */
export function applyCoupon(
  coupon: CouponTerms & { status: CouponStatus },
  lines: readonly CartLine[],
  today: LocalDate,
): CouponCheck {
  const status = couponStatus(coupon.status, coupon.validUntil, today);
  if (status !== 'unused') return { ok: false, reason: status };
  if (daysBetween(today, coupon.validFrom) > 0) return { ok: false, reason: 'not_started' };
  if (coupon.scope !== 'ticket_checkout') return { ok: false, reason: 'scope' };
  const eligible = linesInScope(coupon, lines);
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

export interface RankedCoupon<C> {
  coupon: C;
  check: CouponCheck;
}

/** Ineligible coupons the user can still do something about come first (spend more, wait a few days). */
const REASON_ORDER: readonly IneligibleReason[] = [
  'min_spend',
  'not_started',
  'category',
  'currency',
  'scope',
  'expired',
  'used',
];

function expiresFirst(a: CouponTerms, b: CouponTerms): number {
  return daysBetween(b.validUntil, a.validUntil);
}

/**
 * Every coupon checked against the cart on `today`: the eligible ones first, largest discount first (on a tie
 * the one that expires sooner, then the lower minimum spend), then the ineligible ones grouped by reason (what the user can act on first).
 * The first entry, when eligible, is the best coupon.
 */
export function rankCoupons<C extends CouponTerms & { id: string; status: CouponStatus }>(
  coupons: readonly C[],
  lines: readonly CartLine[],
  today: LocalDate,
): RankedCoupon<C>[] {
  const ranked = coupons.map((coupon) => ({ coupon, check: applyCoupon(coupon, lines, today) }));
  return ranked.sort((a, b) => {
    if (a.check.ok !== b.check.ok) return a.check.ok ? -1 : 1;
    if (a.check.ok && b.check.ok && a.check.discount.amount !== b.check.discount.amount) {
      return b.check.discount.amount - a.check.discount.amount;
    }
    if (!a.check.ok && !b.check.ok) {
      const order = REASON_ORDER.indexOf(a.check.reason) - REASON_ORDER.indexOf(b.check.reason);
      if (order !== 0) return order;
    }
    return (
      expiresFirst(a.coupon, b.coupon) ||
      a.coupon.minSpend.amount - b.coupon.minSpend.amount ||
      (a.coupon.id < b.coupon.id ? -1 : a.coupon.id > b.coupon.id ? 1 : 0)
    );
  });
}

/** The coupon that takes the most off this cart, or undefined when none applies. */
export function bestCoupon<C extends CouponTerms & { id: string; status: CouponStatus }>(
  coupons: readonly C[],
  lines: readonly CartLine[],
  today: LocalDate,
): { coupon: C; discount: Money } | undefined {
  const first = rankCoupons(coupons, lines, today)[0];
  return first?.check.ok ? { coupon: first.coupon, discount: first.check.discount } : undefined;
}

/** How much more the cart must spend on the coupon's categories to reach its minimum (0 when it does). */
export function shortfall(coupon: CouponTerms, lines: readonly CartLine[]): Money {
  const base = linesInScope(coupon, lines)
    .filter((l) => l.subtotal.currency === coupon.minSpend.currency)
    .reduce((acc, l) => acc + l.subtotal.amount, 0);
  return money(Math.max(coupon.minSpend.amount - base, 0), coupon.minSpend.currency);
}
