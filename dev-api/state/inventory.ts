// Product-day stock. Every unit of every ticket type takes one place that day (the calendar's `remaining`).
import type { Seed } from '../seed';
import { stockKey, type OrderRecord } from './records';
import type { World } from './world';

export interface DayUnits {
  productId: string;
  date: string;
  quantity: number;
  /** Index of the first request item for this product-day (errors name it). */
  firstItem: number;
}

/** The seed's stock: a day marked sold out has none left whatever its count says. */
export function seedStock(seed: Seed): Map<string, number> {
  const stock = new Map<string, number>();
  for (const [productId, days] of Object.entries(seed.calendars)) {
    for (const day of days) stock.set(stockKey(productId, day.date), day.soldOut ? 0 : day.remaining);
  }
  return stock;
}

export function unitsByDay(
  items: readonly { productId: string; date: string; quantity: number }[],
): DayUnits[] {
  const days = new Map<string, DayUnits>();
  items.forEach((item, index) => {
    const key = stockKey(item.productId, item.date);
    const day = days.get(key);
    if (day) day.quantity += item.quantity;
    else
      days.set(key, {
        productId: item.productId,
        date: item.date,
        quantity: item.quantity,
        firstItem: index,
      });
  });
  return [...days.values()];
}

export function remainingOf(world: World, productId: string, date: string): number | undefined {
  return world.db.stock.get(stockKey(productId, date));
}

/** The first product-day that lacks stock for these units, else undefined. */
export function shortage(
  world: World,
  days: readonly DayUnits[],
): (DayUnits & { remaining: number }) | undefined {
  for (const day of days) {
    const remaining = remainingOf(world, day.productId, day.date) ?? 0;
    if (remaining < day.quantity) return { ...day, remaining };
  }
  return undefined;
}

/** Takes the order's units; the caller has checked shortage() in the same synchronous step. */
export function holdStock(world: World, order: OrderRecord): void {
  if (order.kind !== 'tickets' || order.holdsStock) return;
  for (const day of unitsByDay(order.items)) {
    const key = stockKey(day.productId, day.date);
    world.db.stock.set(key, (world.db.stock.get(key) ?? 0) - day.quantity);
  }
  order.holdsStock = true;
}

export function returnStock(world: World, order: OrderRecord): void {
  if (!order.holdsStock) return;
  for (const day of unitsByDay(order.items)) {
    const key = stockKey(day.productId, day.date);
    world.db.stock.set(key, (world.db.stock.get(key) ?? 0) + day.quantity);
  }
  order.holdsStock = false;
}
