// Column types both drivers return alike: int8 as a number (counts, sums of minor units), and `date` as its
// 'YYYY-MM-DD' text, because a Date would pin a destination's local day to a time zone and shift it.

/** PostgreSQL type OIDs the drivers parse differently by default. */
export const OID = { int8: 20, int8Array: 1016, date: 1082, dateArray: 1182 } as const;

/** A number when it is exact; beyond 2^53 a bigint, so a value is never silently rounded. */
export function parseInt8(text: string): number | bigint {
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : BigInt(text);
}

export function parseDate(text: string): string {
  return text;
}
