// The `pg` driver's type parsers, set per pool (not on pg's global defaults) to match PGlite's: see parsers.ts.
import pg from 'pg';
import { OID, parseDate, parseInt8 } from './parsers';

/** Maps every element of a (possibly nested) parsed array, keeping NULLs. */
function mapArray(value: unknown, parse: (text: string) => unknown): unknown {
  if (Array.isArray(value)) return value.map((item) => mapArray(item, parse));
  return typeof value === 'string' ? parse(value) : value;
}

export function driverTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  // text[]'s parser splits any array literal into its element strings (pg's typings list scalar types only).
  const textArray = 1009 as Parameters<typeof pg.types.getTypeParser>[0];
  const parseTextArray: (text: string) => unknown = pg.types.getTypeParser(textArray);
  types.setTypeParser(OID.int8, parseInt8);
  types.setTypeParser(OID.int8Array, (text) => mapArray(parseTextArray(text), parseInt8));
  types.setTypeParser(OID.date, parseDate);
  types.setTypeParser(OID.dateArray, (text) => parseTextArray(text));
  return types;
}
