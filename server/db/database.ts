// One interface over both drivers: PGlite (embedded, the default) and a PostgreSQL server through `pg`. Plain SQL in
// PostgreSQL's dialect with $n parameters runs unchanged on both. Sessions run in UTC on both.

export type Row = Record<string, unknown>;

/** Anything that runs a statement: the database itself (autocommit) or an open transaction. */
export interface Queryable {
  /**
   * One statement. jsonb parameters: pass JSON.stringify(value) (pg would send a JS array as a PostgreSQL array).
   * `date` columns come back as 'YYYY-MM-DD' strings, int8 as numbers, timestamptz as Date, numeric as strings.
   */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** A script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export type Tx = Queryable;

export interface Database extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `work` in one transaction (READ COMMITTED) and commits, or rolls back if it throws. A serialization
   * failure or deadlock is retried a few times, so `work` must not have effects outside the database. On PGlite
   * (one connection) transactions run one at a time: inside `work` use only `tx`, never the database itself.
   */
  transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * Calls `listener` on NOTIFY of `channel` from any instance; resolves once listening. Channel names are lower
   * case identifiers. On PostgreSQL a notification sent while the listening connection is being re-opened is lost.
   */
  listen(channel: string, listener: (payload: string) => void): Promise<void>;
  notify(channel: string, payload: string): Promise<void>;
  close(): Promise<void>;
}

/** Whether `value` is an open database rather than where to open one. */
export function isDatabase(value: object | undefined): value is Database {
  return value !== undefined && 'transaction' in value;
}
