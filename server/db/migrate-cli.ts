// `npm run migrate`: applies pending migrations to DATABASE_URL's server, or else to the embedded database in
// .data/pglite, and says what it applied.
import path from 'path';
import { migrate } from './migrate';
import { openDatabase } from './open';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const dataDir = path.join(__dirname, '..', '..', '.data', 'pglite');
  const db = await openDatabase({ url, dataDir });
  try {
    const { applied } = await migrate(db);
    const where = url ? 'DATABASE_URL' : dataDir;
    console.log(applied.length > 0 ? `Applied to ${where}: ${applied.join(', ')}` : `${where} is up to date`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
