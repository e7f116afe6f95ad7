// The price of a ticket cart as the client estimates it before asking the server (whose total is the one charged).
// Every amount is integer minor units; the CNY estimate uses money.ts's one conversion and rounding rule.
import { convert, money, subtract, sum, times, type Money } from '../../../domain/money';
import type { CartLine } from '../../../domain/coupon';

export interface PriceLine extends CartLine {
  ticketTypeId: string;
  quantity: number;
  unitPrice: Money;
}

/**
 * What a discount takes off the lines (e.g. a coupon via coupon.ts's applyCoupon). The checkout plugs one in;
 * without it the discount is zero. Never more than the subtotal.
 */
export type DiscountRule = (lines: readonly PriceLine[]) => Money;

export interface PriceQuote {
  lines: PriceLine[];
  subtotal: Money;
  discount: Money;
  total: Money;
  /** The total in the visitor's currency (an estimate; the charge is in the local currency). */
  estimate: Money;
}

export interface PriceInput {
  category: string;
  currency: string;
  /** Ticket type ids in display order, with the quantity chosen of each. */
  quantities: ReadonlyArray<{ ticketTypeId: string; quantity: number }>;
  /** That day's unit prices. */
  prices: ReadonlyArray<{ ticketTypeId: string; price: Money }>;
  fx: { quote: string; rateMicros: number };
  discount?: DiscountRule;
}

/** undefined when a chosen ticket type has no price that day (it is not on sale). */
export function priceCart(input: PriceInput): PriceQuote | undefined {
  const lines: PriceLine[] = [];
  for (const { ticketTypeId, quantity } of input.quantities) {
    if (quantity <= 0) continue;
    const unitPrice = input.prices.find((p) => p.ticketTypeId === ticketTypeId)?.price;
    if (!unitPrice || unitPrice.currency !== input.currency) return undefined;
    lines.push({
      ticketTypeId,
      quantity,
      unitPrice,
      subtotal: times(unitPrice, quantity),
      category: input.category,
    });
  }
  const subtotal = sum(
    lines.map((l) => l.subtotal),
    input.currency,
  );
  const wanted = input.discount ? input.discount(lines) : money(0, input.currency);
  const discount = money(Math.min(Math.max(wanted.amount, 0), subtotal.amount), input.currency);
  const total = subtract(subtotal, discount);
  return { lines, subtotal, discount, total, estimate: convert(total, input.fx.quote, input.fx.rateMicros) };
}

/** The server's total is the price; the user is asked again whenever it differs from what they were shown. */
export function samePrice(shown: Money, charged: Money): boolean {
  return shown.amount === charged.amount && shown.currency === charged.currency;
}
