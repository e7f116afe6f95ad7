// One unit of domain work: a transaction, the content it reads, and the instant it happens at. Domain services
// open it; queries take its transaction.
import type { Deps } from './context';
import { todayAt } from './core/today';
import type { Seed } from './content/seed';
import type { Tx } from './db/database';

export interface Work {
  deps: Deps;
  tx: Tx;
  seed: Seed;
  now: number;
  /** The destination's date at `now`. */
  today: string;
}

export async function inTransaction<T>(deps: Deps, work: (w: Work) => Promise<T>): Promise<T> {
  const seed = await deps.content.seed();
  return deps.db.transaction((tx) => {
    const now = deps.now();
    return work({ deps, tx, seed, now, today: todayAt(now, seed.destination.timeZone) });
  });
}
