// Places of a day's capacity a cart takes: every ticket admits `persons` people (1 unless the type says more, as a
// family ticket does). The server holds stock with the same rule.

/** Quantities by ticket type id, and persons per ticket by type id (missing types count 1). */
export function placesOf(
  quantities: Readonly<Record<string, number>>,
  persons: Readonly<Record<string, number | undefined>> = {},
): number {
  let places = 0;
  for (const [id, quantity] of Object.entries(quantities))
    if (quantity > 0) places += quantity * (persons[id] ?? 1);
  return places;
}

/** The per-order quantity range of a ticket type: 0, or from max(1, minQty) to maxQty. */
export function quantityAllowed(type: { minQty: number; maxQty: number }, quantity: number): boolean {
  return quantity === 0 || (quantity >= Math.max(1, type.minQty) && quantity <= type.maxQty);
}
