// Idempotency keys: a write that carries the same key twice creates once, on any instance. The key row is inserted
// first, in the creating transaction: a concurrent duplicate waits on it and then finds it. A refused attempt
// (validation, stock, limits) rolls back with its key, so a retry is judged afresh.
import { createHash } from 'crypto';
import { fingerprint } from '../../miniprogram/domain/intent';
import { ApiError } from './errors';
import type { Tx } from '../db/database';

/**
 * created false: the key was seen before, and the caller answers 200 with the current resource instead of 201.
 * created true: `create` ran, and its answer is here (no need to read back what was just written).
 */
export type Idempotent<T> =
  { resourceId: string; created: false } | { resourceId: string; created: true; response: T };

export interface KeyScope {
  userId: string;
  operation: string;
  key: string;
  body: unknown;
  now: number;
  /** Also locks the person's row until the transaction ends (in the same statement): their writes run one by one. */
  lockPerson?: boolean;
}

/** Runs `create` at most once per (user, operation, key); `create` returns the new resource's id and answer. */
export async function once<T>(
  tx: Tx,
  scope: KeyScope,
  create: () => Promise<{ resourceId: string; response: T }>,
): Promise<Idempotent<T>> {
  const hash = createHash('sha256').update(fingerprint(scope.body)).digest('hex');
  const ids = [scope.userId, scope.operation, scope.key];
  // Selected from the person's row so the lock, when asked for, costs no round trip of its own.
  const fresh = await tx.query(
    `INSERT INTO idempotency_keys (user_id, operation, key, fingerprint, resource_id, status, response, created_at)
     SELECT id, $2, $3, $4::text, '', 0, 'null'::jsonb, $5::timestamptz FROM users WHERE id = $1
     ${scope.lockPerson ? 'FOR UPDATE' : ''} ON CONFLICT DO NOTHING RETURNING 1`,
    [...ids, hash, new Date(scope.now)],
  );
  if (fresh.length === 0) {
    const [seen] = await tx.query<{ fingerprint: string; resource_id: string }>(
      'SELECT fingerprint, resource_id FROM idempotency_keys WHERE user_id = $1 AND operation = $2 AND key = $3',
      ids,
    );
    if (seen!.fingerprint !== hash) {
      throw new ApiError(
        409,
        'IDEMPOTENCY_CONFLICT',
        'This Idempotency-Key was already used with a different request body.',
        { field: 'Idempotency-Key' },
      );
    }
    return { resourceId: seen!.resource_id, created: false };
  }
  const { resourceId, response } = await create();
  await tx.query(
    `UPDATE idempotency_keys SET resource_id = $4, status = 201, response = $5
     WHERE user_id = $1 AND operation = $2 AND key = $3`,
    [...ids, resourceId, JSON.stringify(response)],
  );
  return { resourceId, created: true, response };
}
