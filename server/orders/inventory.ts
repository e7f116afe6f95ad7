// Product-day stock in places (people): a family ticket takes as many places as it admits. The day's capacity comes
// from the content's calendar; what live orders hold is the `stock` row, raised only by a conditional UPDATE that
// can never pass the capacity, whatever the number of instances.
import { placesOf } from '../../miniprogram/packages/tickets/domain/places';
import type { Tx } from '../db/database';
import type { Seed } from '../content/seed';

export interface DayPlaces {
  productId: string;
  date: string;
  places: number;
  /** Index of the first request item for this product-day (errors name it). */
  firstItem: number;
}

export interface Shortage extends DayPlaces {
  remaining: number;
}

/** The places each product-day of these items takes, in a fixed order (so concurrent holds never deadlock). */
export function placesByDay(
  seed: Seed,
  items: readonly { productId: string; ticketTypeId: string; date: string; quantity: number }[],
): DayPlaces[] {
  const days = new Map<string, DayPlaces>();
  items.forEach((item, index) => {
    const persons = seed.stockRules[item.productId]?.persons ?? {};
    const places = placesOf({ [item.ticketTypeId]: item.quantity }, persons);
    const key = dayKey(item.productId, item.date);
    const day = days.get(key);
    if (day) day.places += places;
    else days.set(key, { productId: item.productId, date: item.date, places, firstItem: index });
  });
  return [...days.values()].sort(
    (a, b) => a.productId.localeCompare(b.productId) || a.date.localeCompare(b.date),
  );
}

/** Places a product-day offers in all (0 when it is not on sale): the calendar's count before any order. */
export function capacityOf(seed: Seed, productId: string, date: string): number {
  return seed.calendars[productId]?.find((d) => d.date === date)?.remaining ?? 0;
}

/** Takes the places, or takes none and names the first day that lacks them. */
export async function hold(tx: Tx, seed: Seed, days: readonly DayPlaces[]): Promise<Shortage | undefined> {
  const taken: DayPlaces[] = [];
  for (const day of days) {
    const capacity = capacityOf(seed, day.productId, day.date);
    await tx.query('INSERT INTO stock (product_id, day, held) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING', [
      day.productId,
      day.date,
    ]);
    const [row] = await tx.query<{ held: number }>(
      `UPDATE stock SET held = held + $3 WHERE product_id = $1 AND day = $2 AND held + $3 <= $4 RETURNING held`,
      [day.productId, day.date, day.places, capacity],
    );
    if (row) {
      taken.push(day);
      continue;
    }
    await release(tx, taken);
    const [now] = await tx.query<{ held: number }>(
      'SELECT held FROM stock WHERE product_id = $1 AND day = $2',
      [day.productId, day.date],
    );
    return { ...day, remaining: Math.max(0, capacity - (now?.held ?? 0)) };
  }
  return undefined;
}

export async function release(tx: Tx, days: readonly DayPlaces[]): Promise<void> {
  for (const day of days) {
    await tx.query('UPDATE stock SET held = held - $3 WHERE product_id = $1 AND day = $2', [
      day.productId,
      day.date,
      day.places,
    ]);
  }
}

/** Places held per day of a product from `from` on (days without a row hold none). */
export async function heldFrom(
  tx: Tx,
  productIds: readonly string[],
  from: string,
): Promise<Map<string, number>> {
  const rows = await tx.query<{ product_id: string; day: string; held: number }>(
    'SELECT product_id, day, held FROM stock WHERE product_id = ANY($1) AND day >= $2 AND held > 0',
    [productIds, from],
  );
  return new Map(rows.map((r) => [dayKey(r.product_id, r.day), r.held]));
}

export const dayKey = (productId: string, date: string): string => JSON.stringify([productId, date]);
