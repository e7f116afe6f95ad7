// Product-day stock in places (people): a family ticket takes as many places as it admits. The day's capacity comes
// from the content's calendar; what live orders hold is the `stock` row, raised only by a conditional upsert that
// can never pass the capacity, whatever the number of instances.
import { placesOf } from '../../miniprogram/packages/tickets/domain/places';
import type { Queryable, Tx } from '../db/database';
import type { Seed } from '../content/seed';

export interface DayPlaces {
  productId: string;
  date: string;
  places: number;
  /** Index of the first request item for this product-day (errors name it). */
  firstItem: number;
}

/** What of an order item decides the places it takes. */
interface ItemPlaces {
  productId: string;
  ticketTypeId: string;
  date: string;
  quantity: number;
}

export interface Shortage extends DayPlaces {
  remaining: number;
}

/** The places each product-day of these items takes, in a fixed order (so concurrent holds never deadlock). */
export function placesByDay(seed: Seed, items: readonly ItemPlaces[]): DayPlaces[] {
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
    // One statement: the day's first order creates the row, later ones raise it while the capacity allows.
    const [row] = await tx.query<{ held: number }>(
      `INSERT INTO stock (product_id, day, held) SELECT $1::text, $2::date, $3::integer WHERE $3::integer <= $4::integer
       ON CONFLICT (product_id, day) DO UPDATE SET held = stock.held + EXCLUDED.held
       WHERE stock.held + EXCLUDED.held <= $4 RETURNING held`,
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

/**
 * Places held at `now` per day of these products from `from` on (days without a row hold none). An unpaid order
 * past its expiry still counts in `stock` until it is expired (a job, or a purchase that needs its places): its
 * places are not counted here, so a read never has to expire orders first. One statement, so the stock and those
 * orders are seen as of one instant (a concurrent expiry is counted exactly once).
 */
export async function heldFrom(
  db: Queryable,
  seed: Seed,
  productIds: readonly string[],
  from: string,
  now: number,
): Promise<Map<string, number>> {
  const rows = await db.query<
    { product_id: string; day: string; held: number; items: null } | { items: ItemPlaces[]; held: null }
  >(
    `SELECT product_id, day, held, NULL::jsonb AS items FROM stock
     WHERE product_id = ANY($1) AND day >= $2 AND held > 0
     UNION ALL
     SELECT NULL, NULL, NULL, items FROM orders
     WHERE status = 'PENDING_PAYMENT' AND expires_at <= $3 AND holds_stock`,
    [productIds, from, new Date(now)],
  );
  const held = new Map<string, number>();
  for (const row of rows) if (row.held !== null) held.set(dayKey(row.product_id, row.day), row.held);
  for (const row of rows) {
    if (row.held !== null) continue;
    for (const day of placesByDay(seed, row.items)) {
      const key = dayKey(day.productId, day.date);
      const places = held.get(key);
      if (places !== undefined) held.set(key, places - day.places);
    }
  }
  return held;
}

export const dayKey = (productId: string, date: string): string => JSON.stringify([productId, date]);
