// `npm run codes:rotate`: a new key signs ticket and coupon codes from now on (every instance within a minute); the
// codes already on phones keep working through the grace period. For DATABASE_URL's server, else .data/pglite.
import path from 'path';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { GRACE_MS, rotateSigningKey } from './signer';

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({ url, dataDir: path.join(__dirname, '..', '..', '.data', 'pglite') });
  try {
    await migrate(db);
    const kid = await rotateSigningKey(db, Date.now());
    const days = GRACE_MS / (24 * 60 * 60 * 1000);
    console.log(`Codes are now signed with ${kid}; codes signed before keep working for ${days} days.`);
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
