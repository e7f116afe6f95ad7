// How an offer's or a coupon's terms read, in the current language: shared by the picker (main package) and the
// coupons pages (their subpackage may import from the main package, not the other way round). Pure.
import type { CouponScope, Discount } from '../domain/coupon';
import { formatMoney, type Money } from '../domain/money';
import type { LocalDate } from '../domain/time';
import { t, type MessageKey } from '../i18n/index';

/** Terms read like the merchant's own: "NZ$50", not "NZ$50.00" (cents stay when there are any). */
export function termsMoney(amount: Money): string {
  return formatMoney(amount).replace(/\.0+$/, '');
}

/** "减 NZ$10" / "NZ$10 off"; a percent reads the Chinese way ("8.5 折") or as "15% off". */
export function discountText(discount: Discount): string {
  if (discount.type === 'fixed') return t('coupons.fixedOff', { amount: termsMoney(discount.amount) });
  return t('coupons.percentOff', { percent: discount.percent, rate: (100 - discount.percent) / 10 });
}

/** "最高减 NZ$12" for a percent discount; nothing for a fixed one. */
export function capText(discount: Discount): string {
  return discount.type === 'percent' ? t('coupons.percentCap', { amount: termsMoney(discount.cap) }) : '';
}

export function minSpendText(minSpend: Money): string {
  return minSpend.amount > 0
    ? t('coupons.minSpend', { amount: termsMoney(minSpend) })
    : t('coupons.noMinSpend');
}

export function scopeText(scope: CouponScope): string {
  return t(`coupons.scope_${scope}` as MessageKey);
}

export function validityText(from: LocalDate, until: LocalDate): string {
  return t('coupons.validRange', { from, until });
}
