// What the date and quantity page shows: the selected day, a stepper per ticket type, and the live breakdown.
// Pure; a quantity change is turned into the few setData paths that changed.
import type { Product } from '../../../../api/products';
import { dayInfo, type CalendarDayInput } from '../../domain/calendar';
import { stepperState, totalQuantity } from '../../domain/checkout';
import { money, type Money } from '../../../../domain/money';
import { priceCart, type DiscountRule, type PriceQuote } from '../../domain/pricing';
import { isoWeekday, type LocalDate } from '../../../../domain/time';
import { currentLang, t, type MessageKey } from '../../../../i18n/index';
import { estimate, typeRules, type Fx } from '../../product-view';

export interface TypeRow {
  id: string;
  name: string;
  rules: string;
  qty: number;
  plus: boolean;
  minus: boolean;
  /** That day's unit price, or null before a date is chosen. */
  unit: Money | null;
}

export interface Summary {
  lines: Array<{ id: string; name: string; qty: number; subtotal: Money }>;
  /** What a coupon takes off, as a negative amount; null without one. */
  discount: Money | null;
  total: Money | null;
  estimate: Money | null;
}

export function dateLabel(date: LocalDate): string {
  return date ? `${date} ${t(`common.wd${isoWeekday(date)}` as MessageKey)}` : '';
}

/** "12 left that day" when the day is scarce, else nothing. */
export function dayNote(day: CalendarDayInput | undefined): string {
  const info = dayInfo(day);
  return info.state === 'few_left' ? t('tickets.dayLeft', { n: info.remaining }) : '';
}

export function quoteFor(
  product: Product,
  day: CalendarDayInput | undefined,
  quantities: Readonly<Record<string, number>>,
  currency: string,
  fx: Fx,
  discount?: DiscountRule,
): PriceQuote | undefined {
  if (!day) return undefined;
  return priceCart({
    category: product.category,
    currency,
    quantities: product.ticketTypes.map((type) => ({
      ticketTypeId: type.id,
      quantity: quantities[type.id] ?? 0,
    })),
    prices: day.prices,
    fx,
    discount,
  });
}

export function typeRows(
  product: Product,
  day: CalendarDayInput | undefined,
  quantities: Readonly<Record<string, number>>,
): TypeRow[] {
  const lang = currentLang();
  const steppers = stepperState(product.ticketTypes, quantities, day ? dayInfo(day).remaining : 0);
  return product.ticketTypes.map((type) => ({
    id: type.id,
    name: type.name[lang],
    rules: typeRules(type),
    qty: quantities[type.id] ?? 0,
    plus: steppers[type.id]?.plus ?? false,
    minus: steppers[type.id]?.minus ?? false,
    unit: day?.prices.find((p) => p.ticketTypeId === type.id)?.price ?? null,
  }));
}

export function summary(product: Product, quote: PriceQuote | undefined, fx: Fx): Summary {
  const lang = currentLang();
  const names = new Map(product.ticketTypes.map((type) => [type.id, type.name[lang]]));
  return {
    lines: (quote?.lines ?? []).map((l) => ({
      id: l.ticketTypeId,
      name: names.get(l.ticketTypeId) ?? l.ticketTypeId,
      qty: l.quantity,
      subtotal: l.subtotal,
    })),
    discount:
      quote && quote.discount.amount > 0 ? money(-quote.discount.amount, quote.discount.currency) : null,
    total: quote ? quote.total : null,
    estimate: quote ? estimate(quote.total, fx) : null,
  };
}

export function canContinue(date: LocalDate, quantities: Readonly<Record<string, number>>): boolean {
  return date !== '' && totalQuantity(quantities) > 0;
}

/** The setData paths of the rows that differ (e.g. `types[0].qty`), so a tap sends only what changed. */
export function changedRowPaths(
  before: readonly TypeRow[],
  after: readonly TypeRow[],
): Record<string, unknown> {
  const paths: Record<string, unknown> = {};
  after.forEach((row, i) => {
    const old = before[i];
    for (const key of ['qty', 'plus', 'minus'] as const) {
      if (!old || old[key] !== row[key]) paths[`types[${i}].${key}`] = row[key];
    }
  });
  return paths;
}
