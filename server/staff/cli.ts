// `npm run staff:invite -- --gate <poi id> | --merchant <poi id> [--days N]`: an invitation code for one attraction's
// gate or one merchant's till, to enter in the mini program's staff mode (until the DMO console issues them).
// `npm run staff:revoke -- --user <user id>`. For DATABASE_URL's server, else .data/pglite. Both are audited.
import path from 'path';
import { ApiError } from '../core/errors';
import { ContentStore } from '../content/store';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { invite, revoke, INVITATION_TTL_MS } from './staff';

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at < 0 ? undefined : process.argv[at + 1];
}

async function main(): Promise<void> {
  const command = process.argv[2];
  const url = process.env.DATABASE_URL || undefined;
  const db = await openDatabase({ url, dataDir: path.join(__dirname, '..', '..', '.data', 'pglite') });
  try {
    await migrate(db);
    const now = Date.now();
    if (command === 'revoke') {
      const user = option('user');
      if (!user) throw new Error('staff:revoke needs --user <user id>');
      const done = await db.transaction((tx) => revoke(tx, now, 'cli:staff:revoke', user));
      console.log(done ? `${user} is no longer staff.` : `${user} was not staff.`);
      return;
    }
    const gate = option('gate');
    const merchant = option('merchant');
    const days = Number(option('days') ?? INVITATION_TTL_MS / 86_400_000);
    if ((gate === undefined) === (merchant === undefined) || !(days > 0 && days <= 90)) {
      throw new Error('staff:invite needs --gate <poi id> or --merchant <poi id>, and --days 1-90 if given');
    }
    const seed = await new ContentStore(db, () => now).seed();
    const role = gate === undefined ? 'merchant' : 'gate';
    const scopeId = (gate ?? merchant)!;
    const { code, expiresAt } = await db.transaction((tx) =>
      invite(tx, seed, now, 'cli:staff:invite', { role, scopeId, ttlMs: days * 86_400_000 }),
    );
    console.log(
      `Invitation for ${role} staff of ${scopeId}: ${code} (until ${new Date(expiresAt).toISOString()})`,
    );
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ApiError || error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
