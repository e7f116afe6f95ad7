// The offline-first load of a wallet (tickets, coupons): what is stored paints at once, then the network's copy
// replaces it; without a network the stored copy stays on screen and the page says it is offline.
import type { ApiError, Result } from '../services/result';

export type OfflineFirstOutcome =
  { kind: 'fresh' } | { kind: 'offline' } | { kind: 'error'; error: ApiError };

export async function storedThenFresh<W>(steps: {
  /** True when the page already shows a copy (a revisit of an open page skips the stored one). */
  showing: boolean;
  stored: () => Promise<W | undefined>;
  fresh: () => Promise<Result<W>>;
  show: (wallet: W) => void;
}): Promise<OfflineFirstOutcome> {
  let showing = steps.showing;
  if (!showing) {
    const stored = await steps.stored();
    if (stored) {
      steps.show(stored);
      showing = true;
    }
  }
  const fresh = await steps.fresh();
  if (fresh.ok) {
    steps.show(fresh.data);
    return { kind: 'fresh' };
  }
  return showing ? { kind: 'offline' } : { kind: 'error', error: fresh.error };
}
