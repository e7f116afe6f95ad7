// The ticket cart between the date/quantity page and checkout: carried in the page query (so a reload or a shared
// path keeps it), bounded by each type's per-order range and the day's remaining places, and turned into the
// order request the server prices itself.
import { isLocalDate, type LocalDate } from '../../../domain/time';
import { placesOf, quantityAllowed } from './places';

export interface Cart {
  productId: string;
  date: LocalDate;
  /** Ticket type id -> quantity (only positive quantities matter). */
  quantities: Record<string, number>;
}

export interface TypeRange {
  id: string;
  minQty: number;
  maxQty: number;
  /** Places of the day one ticket takes (1 when absent; a family ticket admits several). */
  persons?: number;
}

/** Persons per ticket by type id, for placesOf. */
export function personsOf(types: readonly TypeRange[]): Record<string, number | undefined> {
  return Object.fromEntries(types.map((type) => [type.id, type.persons]));
}

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function totalQuantity(quantities: Readonly<Record<string, number>>): number {
  return Object.values(quantities).reduce((n, q) => n + (q > 0 ? q : 0), 0);
}

/** `productId=...&date=...&q=adult.2,child.1` (ids are [A-Za-z0-9_-], so no escaping is needed). */
export function cartQuery(cart: Cart): string {
  const q = Object.keys(cart.quantities)
    .filter((id) => (cart.quantities[id] ?? 0) > 0)
    .map((id) => `${id}.${cart.quantities[id]}`)
    .join(',');
  return `productId=${cart.productId}&date=${cart.date}&q=${q}`;
}

/** The cart of a page query, or undefined when anything in it is malformed. */
export function readCart(query: Record<string, string | undefined>): Cart | undefined {
  const { productId = '', date = '', q = '' } = query;
  if (!ID.test(productId) || !isLocalDate(date)) return undefined;
  const quantities: Record<string, number> = {};
  for (const part of q.split(',')) {
    const m = /^([A-Za-z0-9_-]{1,64})\.(\d{1,2})$/.exec(part);
    if (!m || Number(m[2]) <= 0 || m[1]! in quantities) return undefined;
    quantities[m[1]!] = Number(m[2]);
  }
  return totalQuantity(quantities) > 0 ? { productId, date, quantities } : undefined;
}

/**
 * The next quantity up or down for a type: 0 or within [max(1, minQty), maxQty], and never more places than the
 * day has left across all types (each ticket taking its persons). Returns the current quantity when no step is
 * possible. `types` gives the other types' persons.
 */
export function stepQuantity(
  type: TypeRange,
  quantities: Readonly<Record<string, number>>,
  remaining: number,
  direction: 1 | -1,
  types: readonly TypeRange[] = [type],
): number {
  const current = quantities[type.id] ?? 0;
  const low = Math.max(1, type.minQty);
  if (direction < 0) return current <= low ? 0 : current - 1;
  const next = current === 0 ? low : current + 1;
  const per = type.persons ?? 1;
  const room = remaining - placesOf(quantities, personsOf(types)) + current * per;
  return quantityAllowed(type, next) && next * per <= room ? next : current;
}

/** Whether each type can still go up or down, for the steppers. */
export function stepperState(
  types: readonly TypeRange[],
  quantities: Readonly<Record<string, number>>,
  remaining: number,
): Record<string, { plus: boolean; minus: boolean }> {
  const out: Record<string, { plus: boolean; minus: boolean }> = {};
  for (const type of types) {
    const current = quantities[type.id] ?? 0;
    out[type.id] = {
      plus: stepQuantity(type, quantities, remaining, 1, types) !== current,
      minus: current > 0,
    };
  }
  return out;
}

/** Quantities cut down to what a day now allows (after the calendar changed under the user). */
export function clampToRemaining(
  types: readonly TypeRange[],
  quantities: Readonly<Record<string, number>>,
  remaining: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  let room = remaining;
  for (const type of types) {
    const per = type.persons ?? 1;
    const wanted = Math.min(quantities[type.id] ?? 0, type.maxQty, Math.floor(room / per));
    out[type.id] = quantityAllowed(type, wanted) ? wanted : 0;
    room -= out[type.id]! * per;
  }
  return out;
}

/** The order request's items, in the product's ticket type order. */
export function orderItems(
  cart: Cart,
  typeOrder: readonly string[],
): Array<{ productId: string; ticketTypeId: string; date: LocalDate; quantity: number }> {
  return typeOrder
    .filter((id) => (cart.quantities[id] ?? 0) > 0)
    .map((id) => ({
      productId: cart.productId,
      ticketTypeId: id,
      date: cart.date,
      quantity: cart.quantities[id]!,
    }));
}
