// The server's choice of driver: a PostgreSQL server when a URL is configured, else the embedded database.
import type { Database } from './database';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';

export interface DatabaseConfig {
  /** A PostgreSQL connection URL (DATABASE_URL). */
  url?: string;
  /** PGlite's folder when there is no URL; in memory when undefined too. */
  dataDir?: string;
}

export function openDatabase(config: DatabaseConfig): Promise<Database> {
  return config.url ? openPostgres(config.url) : openPglite(config.dataDir);
}
