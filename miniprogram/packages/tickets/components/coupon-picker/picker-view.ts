// What the checkout's coupon picker shows: the user's ticket-checkout coupons checked against the cart with the
// one shared rule (domain/coupon.ts), eligible ones with what they save, the others with the reason, the best
// pre-selected unless the user chose. Pure.
import type { Coupon } from '../../../../api/coupons';
import { rankCoupons, shortfall, type CartLine, type IneligibleReason } from '../../../../domain/coupon';
import { formatMoney, type Money } from '../../../../domain/money';
import type { LocalDate } from '../../../../domain/time';
import { currentLang, t, type MessageKey } from '../../../../i18n/index';
import type { ApiError } from '../../../../services/result';
import { capText, discountText, minSpendText } from '../../../../components/coupon-labels';

export interface PickerOption {
  id: string;
  title: string;
  discount: string;
  cap: string;
  minSpend: string;
  validUntil: string;
  eligible: boolean;
  /** "Saves NZ$9.75" when eligible, else why not. */
  note: string;
  best: boolean;
  selected: boolean;
}

/** What the checkout applies: couponId '' and discount null for none. */
export interface Selection {
  couponId: string;
  discount: Money | null;
}

/** The user's choice: undefined = not made (the best applies), '' = no coupon, else a coupon id. */
export type Choice = string | undefined;

export interface PickerView {
  options: PickerOption[];
  selection: Selection;
  /** The collapsed row's value: the discount taken, or why there is none. */
  summary: string;
  available: string;
}

function reasonText(reason: IneligibleReason, coupon: Coupon, lines: readonly CartLine[]): string {
  if (reason === 'min_spend')
    return t('coupons.reason_min_spend', { amount: formatMoney(shortfall(coupon, lines)) });
  if (reason === 'not_started') return t('coupons.reason_not_started', { date: coupon.validFrom });
  return t(`coupons.reason_${reason}` as MessageKey);
}

export function pickerView(
  coupons: readonly Coupon[],
  lines: readonly CartLine[],
  today: LocalDate,
  choice: Choice,
): PickerView {
  const lang = currentLang();
  // Used and in-store coupons have nothing to do with a ticket order: they are not offered at all.
  const candidates = coupons.filter((c) => c.scope === 'ticket_checkout' && c.status !== 'used');
  const ranked = rankCoupons(candidates, lines, today);
  const eligible = ranked.filter((r) => r.check.ok);
  const best = eligible[0];
  const chosen = choice === undefined ? best : eligible.find((r) => r.coupon.id === choice);
  // A chosen coupon that stopped applying (the cart changed) gives way to the best one.
  const applied = choice !== undefined && choice !== '' && !chosen ? best : chosen;
  const discount = applied?.check.ok ? applied.check.discount : null;
  const options = ranked.map(({ coupon, check }) => ({
    id: coupon.id,
    title: coupon.title[lang],
    discount: discountText(coupon.discount),
    cap: capText(coupon.discount),
    minSpend: minSpendText(coupon.minSpend),
    validUntil: t('coupons.validUntil', { date: coupon.validUntil }),
    eligible: check.ok,
    note: check.ok
      ? t('coupons.pickerSaves', { amount: formatMoney(check.discount) })
      : reasonText(check.reason, coupon, lines),
    best: coupon.id === best?.coupon.id,
    selected: coupon.id === applied?.coupon.id,
  }));
  return {
    options,
    selection: { couponId: applied?.coupon.id ?? '', discount },
    summary: discount
      ? t('coupons.pickerChosen', { amount: formatMoney(discount) })
      : eligible.length
        ? t('coupons.pickerNone')
        : t('coupons.pickerNoneAvailable'),
    available: eligible.length ? t('coupons.pickerAvailable', { n: eligible.length }) : '',
  };
}

export function sameSelection(a: Selection | undefined, b: Selection): boolean {
  return (
    a !== undefined &&
    a.couponId === b.couponId &&
    a.discount?.amount === b.discount?.amount &&
    a.discount?.currency === b.discount?.currency
  );
}

/** The checkout's message when the server refused the order's coupon (its answer is the one that counts). */
export function couponRefusalKey(error: ApiError): 'coupons.notApplicable' | undefined {
  return error.kind === 'http' && error.code === 'COUPON_NOT_APPLICABLE'
    ? 'coupons.notApplicable'
    : undefined;
}
