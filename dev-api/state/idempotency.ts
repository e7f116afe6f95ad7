// Idempotency keys: a write that carries the same key twice creates once. Only successful creations are
// remembered; a refused attempt (validation, stock, limits) stores nothing, so a retry is judged afresh.
import { createHash } from 'crypto';
import { fingerprint } from '../../miniprogram/domain/intent';
import { ApiError } from '../types';

interface Entry {
  bodyHash: string;
  resourceId: string;
}

export interface Idempotent {
  resourceId: string;
  /** false when the key was seen before: the caller answers 200 with the current resource instead of 201. */
  created: boolean;
}

export class IdempotencyStore {
  private readonly entries = new Map<string, Entry>();

  /**
   * Runs `create` at most once per (user, operation, key). Synchronous on purpose: with no await between the
   * lookup and the insert, concurrent duplicates on Node's single thread cannot both create.
   */
  run(userId: string, operation: string, key: string, body: unknown, create: () => string): Idempotent {
    const slot = JSON.stringify([userId, operation, key]);
    const bodyHash = createHash('sha256').update(fingerprint(body)).digest('hex');
    const seen = this.entries.get(slot);
    if (seen) {
      if (seen.bodyHash !== bodyHash) {
        throw new ApiError(
          409,
          'IDEMPOTENCY_CONFLICT',
          'This Idempotency-Key was already used with a different request body.',
          { field: 'Idempotency-Key' },
        );
      }
      return { resourceId: seen.resourceId, created: false };
    }
    const resourceId = create();
    this.entries.set(slot, { bodyHash, resourceId });
    return { resourceId, created: true };
  }

  clear(): void {
    this.entries.clear();
  }
}
