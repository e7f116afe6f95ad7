// The insurance application draft, kept in ENCRYPTED storage only (it holds document numbers): saved as the
// user types, restored after the app is killed, removed after purchase. Writes are coalesced: at most one is in
// flight and the latest value wins, so fast typing never queues stale writes or loses the last keystroke.
import type { InsuranceDraft } from '../domain/insurance-draft';
import { defineKey, read, remove, write } from '../../../services/storage';

export const draftKey = defineKey<InsuranceDraft>('insurance.draft', 1, { encrypt: true });

let pending: InsuranceDraft | undefined;
let writing: Promise<void> | undefined;

async function drain(): Promise<void> {
  while (pending) {
    const value = pending;
    pending = undefined;
    // A failed write (storage full, encryption unavailable) is not retried: the form still works, and the
    // draft is never written unencrypted instead.
    await write(draftKey, value);
  }
  writing = undefined;
}

/** The stored draft, after any write in flight (another page may have just typed into it). */
export async function loadDraft(): Promise<InsuranceDraft | undefined> {
  await writing;
  return read(draftKey);
}

/** Resolves once this value (or a later one) is stored. */
export function saveDraft(draft: InsuranceDraft): Promise<void> {
  pending = draft;
  writing = writing ?? drain();
  return writing;
}

/** Drops queued writes, waits for the one in flight, then removes the draft (so nothing can revive it). */
export async function clearDraft(): Promise<void> {
  pending = undefined;
  await writing;
  await remove(draftKey);
}
