// The audit log: who did what to what, when, with what details. Written in the transaction of the change itself,
// so a change and its record stand or fall together.
import type { Tx } from '../db/database';

export interface AuditEntry {
  at: number;
  /** A user id, or `cli:<command>` for the DMO's server commands. */
  actor: string;
  action: string;
  subject: string;
  detail?: Record<string, unknown>;
}

export async function audit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.query('INSERT INTO audit_log (at, actor, action, subject, detail) VALUES ($1, $2, $3, $4, $5)', [
    new Date(entry.at),
    entry.actor,
    entry.action,
    entry.subject,
    JSON.stringify(entry.detail ?? {}),
  ]);
}
