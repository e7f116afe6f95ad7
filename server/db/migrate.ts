// Forward-only schema migrations: files NNNN_name.sql applied in order, each in its own transaction and recorded in
// schema_migrations. Every step holds one advisory lock, so instances starting together apply each file once.
import { readdir, readFile } from 'fs/promises';
import path from 'path';
import type { Database } from './database';

export const MIGRATIONS_DIR = path.join(__dirname, 'migrations');

interface Migration {
  version: number;
  name: string;
  file: string;
}

// A type, not an interface: rows must be indexable (Row).
type Recorded = { version: number; name: string };

const FILE_NAME = /^(\d{4})_([\w-]+)\.sql$/;
const LOCK = "SELECT pg_advisory_xact_lock(hashtext('schema_migrations'))";
const TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

async function readMigrations(dir: string): Promise<Migration[]> {
  const files = (await readdir(dir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations = files.map((file) => {
    const match = FILE_NAME.exec(file);
    if (!match?.[1] || !match[2]) throw new Error(`Migration ${path.join(dir, file)}: name it NNNN_name.sql`);
    return { version: Number(match[1]), name: match[2], file };
  });
  migrations.forEach((migration, i) => {
    const previous = migrations[i - 1];
    if (previous?.version === migration.version) {
      throw new Error(
        `Migrations ${previous.file} and ${migration.file} share the number ${migration.version}`,
      );
    }
  });
  return migrations;
}

const label = (row: Recorded): string => `${String(row.version).padStart(4, '0')}_${row.name}`;

/** The files not applied yet, after checking the files still match what the database has applied. */
function pending(migrations: Migration[], recorded: Recorded[], dir: string): Migration[] {
  const files = new Map(migrations.map((migration) => [migration.version, migration]));
  for (const row of recorded) {
    const migration = files.get(row.version);
    if (!migration) {
      throw new Error(
        `Migration ${label(row)} was applied to this database but its file is gone from ${dir}: ` +
          'migrations are forward-only, restore the file',
      );
    }
    if (migration.name !== row.name) {
      throw new Error(
        `Migration ${label(row)} was applied but its file is now ${migration.file}: restore the name`,
      );
    }
  }
  const todo = migrations.filter((migration) => !recorded.some((row) => row.version === migration.version));
  const last = recorded[recorded.length - 1];
  const early = todo.find((migration) => last && migration.version < last.version);
  if (early && last) {
    throw new Error(
      `Migration ${early.file} is numbered before ${label(last)}, already applied: renumber it`,
    );
  }
  return todo;
}

export async function migrate(db: Database, dir: string = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const migrations = await readMigrations(dir);
  const recorded = await db.transaction(async (tx) => {
    await tx.query(LOCK);
    await tx.query(TABLE);
    return tx.query<Recorded>('SELECT version, name FROM schema_migrations ORDER BY version');
  });
  const applied: string[] = [];
  for (const migration of pending(migrations, recorded, dir)) {
    const sql = await readFile(path.join(dir, migration.file), 'utf8');
    const ran = await db.transaction(async (tx) => {
      await tx.query(LOCK);
      // Another instance may have applied it while this one waited for the lock.
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE version = $1', [migration.version]);
      if (done.length > 0) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      return true;
    });
    if (ran) applied.push(migration.file);
  }
  return { applied };
}
