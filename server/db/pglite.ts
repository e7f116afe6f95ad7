// The embedded driver: PostgreSQL in WASM, one connection, persisted in a folder (or in memory).
import { AsyncLocalStorage } from 'async_hooks';
import { mkdir } from 'fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { checkChannel, deliver } from './channel';
import type { Database, Row, Tx } from './database';
import { Mutex } from './mutex';
import { OID, parseDate, parseInt8 } from './parsers';

type Session = Pick<PGlite, 'query' | 'exec'>;

function handle(session: Session): Tx {
  return {
    async query<T extends Row = Row>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await session.query<T>(sql, [...params])).rows;
    },
    async exec(sql: string): Promise<void> {
      await session.exec(sql);
    },
  };
}

export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir !== undefined) await mkdir(dataDir, { recursive: true });
  const lite = await PGlite.create({
    dataDir,
    parsers: { [OID.int8]: parseInt8, [OID.date]: parseDate },
  });
  // One connection: a statement must never land inside another caller's transaction. PGlite 0.5 queues its own
  // calls that way too; this queue keeps the guarantee whatever its internals become, and orders close() last.
  const mutex = new Mutex();
  // Marks the work of a running transaction: a call on the database from there (instead of on `tx`) would wait for
  // the transaction that waits for it, for ever. Fail fast instead.
  const insideTransaction = new AsyncLocalStorage<{ open: boolean }>();
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    if (insideTransaction.getStore()?.open) {
      return Promise.reject(new Error('Inside transaction(work) use the tx handle, not the database'));
    }
    return mutex.run(work);
  }
  const direct = handle(lite);

  return {
    kind: 'pglite',
    query: <T extends Row = Row>(sql: string, params?: readonly unknown[]) =>
      exclusive(() => direct.query<T>(sql, params)),
    exec: (sql) => exclusive(() => direct.exec(sql)),
    transaction: (work) =>
      exclusive(() => {
        const state = { open: true };
        return insideTransaction
          .run(state, () => lite.transaction((tx) => work(handle(tx))))
          .finally(() => {
            state.open = false;
          });
      }),
    listen: (channel, listener) =>
      exclusive(async () => {
        const report = (error: Error) => console.error(`pglite: a ${channel} listener failed`, error);
        await lite.listen(checkChannel(channel), (payload) => deliver(listener, payload, report));
      }),
    notify: (channel, payload) =>
      exclusive(async () => {
        await direct.query('SELECT pg_notify($1, $2)', [checkChannel(channel), payload]);
      }),
    close: () => exclusive(() => lite.close()),
  };
}
