// The server driver: a pg.Pool for statements and transactions, one more connection for LISTEN.
import pg from 'pg';
import { checkChannel } from './channel';
import type { Database, Row, Tx } from './database';
import { PgListener } from './pg-listener';
import { driverTypes } from './pg-types';

export interface PostgresOptions {
  /** Pool size (pg's default is 10). */
  max?: number;
  /** Errors nobody awaits: an idle pooled connection or the LISTEN connection dropping. */
  onError?: (error: Error) => void;
}

// serialization_failure and deadlock_detected: the transaction did nothing and may simply run again.
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_RETRIES = 5;

// Extended protocol even without parameters, so a string of several statements fails here as it does on PGlite.
interface ExtendedQuery extends pg.QueryConfig<unknown[]> {
  queryMode: 'extended';
}

function statement(sql: string, params: readonly unknown[] = []): ExtendedQuery {
  return { text: sql, values: [...params], queryMode: 'extended' };
}

function handle(client: pg.Pool | pg.PoolClient): Tx {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      return (await client.query<T>(statement(sql, params))).rows;
    },
    async exec(sql: string): Promise<void> {
      await client.query(sql);
    },
  };
}

function sqlState(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

function backoff(retry: number): Promise<void> {
  const ms = 10 * 2 ** retry * (0.5 + Math.random());
  return new Promise((resolve) => setTimeout(resolve, ms));
}

async function attempt<T>(pool: pg.Pool, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(handle(client));
    // COMMIT of a transaction that already failed (an error caught inside `work`) answers ROLLBACK, not an error.
    const commit = await client.query('COMMIT');
    if (commit.command === 'ROLLBACK') {
      throw new Error('Transaction rolled back: a statement in it had failed');
    }
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function openPostgres(url: string, options: PostgresOptions = {}): Promise<Database> {
  const onError = options.onError ?? ((error: Error) => console.error(`postgres: ${error.message}`));
  // Sessions in UTC as on PGlite, whatever the server's default: SQL that turns instants into days names its zone.
  const config: pg.ClientConfig = { connectionString: url, types: driverTypes(), options: '-c TimeZone=UTC' };
  const pool = new pg.Pool({ ...config, max: options.max });
  // The pool drops a broken idle connection by itself; without a handler the error would end the process.
  pool.on('error', onError);
  const listener = new PgListener(config, onError);
  const direct = handle(pool);
  // Fail at start, not at the first request, when the server cannot be reached.
  await direct.query('SELECT 1').catch(async (error: unknown) => {
    await pool.end();
    throw error;
  });

  return {
    kind: 'postgres',
    query: direct.query,
    exec: direct.exec,
    async transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
      for (let retry = 0; ; retry++) {
        try {
          return await attempt(pool, work);
        } catch (error) {
          const state = sqlState(error);
          if (retry === MAX_RETRIES || state === undefined || !RETRYABLE.has(state)) throw error;
          await backoff(retry);
        }
      }
    },
    listen: (channel, fn) => listener.listen(channel, fn),
    async notify(channel, payload) {
      await direct.query('SELECT pg_notify($1, $2)', [checkChannel(channel), payload]);
    },
    async close() {
      await listener.close();
      await pool.end();
    },
  };
}
