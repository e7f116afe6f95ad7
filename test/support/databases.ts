// The databases tests run against: PGlite always, PostgreSQL when TEST_DATABASE_URL is set (see pg-global-setup).
// Every open is a new, empty database, so test files never share state. Databases are not dropped: the cluster is
// thrown away after the run.
import { randomBytes } from 'crypto';
import pg from 'pg';
import type { Database } from '../../server/db/database';
import { openPglite } from '../../server/db/pglite';
import { openPostgres } from '../../server/db/postgres';

export interface DatabaseTarget {
  name: 'pglite' | 'postgres';
  open(): Promise<Database>;
}

const SKIPPED = 'needs PostgreSQL: set TEST_DATABASE_URL or install PostgreSQL (see .ci/run)';

function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

/** `url` naming another database; works where `new URL` does not (postgres://user@/db?host=/socket/dir). */
function withDatabase(url: string, database: string): string {
  const parts = /^([a-z]+:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (!parts) throw new Error(`TEST_DATABASE_URL is not a postgres:// URL: ${url}`);
  return `${parts[1]}/${database}${parts[3]}`;
}

/** A URL to a new, empty database on the test server (for tests that start several instances on one database). */
export async function freshPostgresUrl(): Promise<string> {
  const url = postgresUrl();
  if (url === undefined) throw new Error(`freshPostgresUrl ${SKIPPED}`);
  const database = `t_${randomBytes(8).toString('hex')}`;
  const maintenance = new pg.Client({ connectionString: url });
  await maintenance.connect();
  try {
    await maintenance.query(`CREATE DATABASE ${database}`);
  } finally {
    await maintenance.end();
  }
  return withDatabase(url, database);
}

export function databaseTargets(): DatabaseTarget[] {
  const targets: DatabaseTarget[] = [{ name: 'pglite', open: () => openPglite() }];
  if (postgresUrl() !== undefined) {
    targets.push({ name: 'postgres', open: async () => openPostgres(await freshPostgresUrl()) });
  }
  return targets;
}

/** `describe` when PostgreSQL is available; otherwise one skipped test saying why. */
export function describeOnPostgres(name: string, fn: () => void): void {
  if (postgresUrl() !== undefined) describe(name, fn);
  else describe(name, () => test.skip(SKIPPED, () => undefined));
}
