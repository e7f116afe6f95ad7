// Jest globalSetup: PostgreSQL for the tests that need it. A given TEST_DATABASE_URL (CI starts its own server) is
// used as it is; else a throwaway cluster is started when PostgreSQL is installed; else those tests skip.
// Workers start after this and inherit the environment.
import { findPostgresBin, startCluster } from '../../scripts/lib/pg-cluster';

export const CLUSTER_KEY = '__wayfarerPostgresCluster';

export default function pgGlobalSetup(): void {
  if (process.env.TEST_DATABASE_URL) return;
  const bin = findPostgresBin();
  if (bin === undefined) {
    console.log(
      '\nPostgreSQL tests are skipped: no TEST_DATABASE_URL and no PostgreSQL in /usr/lib/postgresql.',
    );
    return;
  }
  const cluster = startCluster(bin);
  process.env.TEST_DATABASE_URL = cluster.url;
  // globalSetup and globalTeardown share the parent process's globals.
  (globalThis as Record<string, unknown>)[CLUSTER_KEY] = cluster;
}
