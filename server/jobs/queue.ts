// Scheduling work for later: a row per (kind, key), so scheduling twice is once and a restart loses nothing.
import type { Tx } from '../db/database';

export type JobKind =
  'order.expire' | 'payment.check' | 'refund.request' | 'shipping.upload' | 'reminder.send' | 'expire.day';

/** Schedules `kind` for `key` at `runAt` (epoch ms); an existing job of that kind and key keeps the earlier time. */
export async function schedule(
  tx: Tx,
  kind: JobKind,
  key: string,
  runAt: number,
  payload: Record<string, unknown> = {},
): Promise<void> {
  await tx.query(
    `INSERT INTO jobs (kind, key, payload, run_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (kind, key) DO UPDATE SET run_at = LEAST(jobs.run_at, EXCLUDED.run_at)`,
    [kind, key, JSON.stringify(payload), new Date(runAt)],
  );
}
