// Runs due jobs on any instance. A job is claimed FOR UPDATE SKIP LOCKED and leased (its run_at moved past the
// lease) in one short transaction, so two instances never run it at once and a crash mid-job leaves it for the next
// try once the lease ends; then it runs outside any transaction (it may call WeChat Pay) and is deleted, unless it
// was scheduled again meanwhile. A failing job is retried with exponential backoff (capped at an hour); its error is
// kept on the row for the engineer on call.
import type { Deps } from '../context';
import { inTransaction } from '../work';
import { JOBS } from './handlers';
import type { JobKind } from './queue';

const MAX_BACKOFF_MS = 60 * 60 * 1000;
/** Longer than any job takes (WeChat Pay calls time out after 10 s). */
const LEASE_MS = 60 * 1000;

export interface WorkerLog {
  error(fields: Record<string, unknown>, message: string): void;
}

export class JobWorker {
  private poll?: NodeJS.Timeout;
  private readonly timers = new Set<NodeJS.Timeout>();
  private running?: Promise<unknown>;
  private again = false;
  private stopped = true;

  constructor(
    private readonly deps: Deps,
    private readonly pollMs: number,
    private readonly log: WorkerLog,
  ) {}

  start(): void {
    this.stopped = false;
    this.poll = setInterval(() => void this.tick(), this.pollMs);
    this.poll.unref?.(); // jsdom's timers (page tests) have no unref
    this.wake(0);
  }

  /** Runs due jobs after `delayMs` of real time. */
  wake(delayMs: number): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      void this.tick();
    }, delayMs);
    timer.unref?.();
    this.timers.add(timer);
  }

  /** Stops taking jobs and waits for the one in progress; the rest stay for the next instance. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.poll);
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await this.running;
  }

  private async tick(): Promise<void> {
    if (this.running) {
      this.again = true;
      return;
    }
    do {
      this.again = false;
      this.running = this.runDue().catch((error: unknown) =>
        this.log.error({ err: error }, 'job worker failed'),
      );
      await this.running;
    } while (this.again && !this.stopped);
    this.running = undefined;
  }

  /** Runs every job due now, one transaction each; returns how many succeeded. */
  async runDue(): Promise<number> {
    let ran = 0;
    // Jobs read the content; a production database before its first import has none and nothing to do.
    if ((await this.deps.content.version()) === 0) return ran;
    for (;;) {
      const outcome = await this.runOne();
      if (outcome === 'none') return ran;
      if (outcome === 'done') ran += 1;
    }
  }

  private async runOne(): Promise<'none' | 'done' | 'failed'> {
    const job = await inTransaction(this.deps, async (w) => {
      const [due] = await w.tx.query<{ id: number; kind: JobKind; key: string; attempts: number }>(
        `SELECT id, kind, key, attempts FROM jobs WHERE run_at <= $1 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [new Date(w.now)],
      );
      if (!due) return undefined;
      const leasedUntil = new Date(w.now + LEASE_MS);
      await w.tx.query('UPDATE jobs SET run_at = $2 WHERE id = $1', [due.id, leasedUntil]);
      return { ...due, leasedUntil };
    });
    if (!job) return 'none';
    try {
      const result = await JOBS[job.kind](this.deps, job.key);
      // Deleted only if still as leased: a job scheduled again while it ran (run_at moved) runs again.
      await (result
        ? this.deps.db.query('UPDATE jobs SET run_at = $3, attempts = 0 WHERE id = $1 AND run_at = $2', [
            job.id,
            job.leasedUntil,
            new Date(result.again),
          ])
        : this.deps.db.query('DELETE FROM jobs WHERE id = $1 AND run_at = $2', [job.id, job.leasedUntil]));
      return 'done';
    } catch (error) {
      const attempts = job.attempts + 1;
      const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** job.attempts);
      await this.deps.db.query('UPDATE jobs SET attempts = $2, last_error = $3, run_at = $4 WHERE id = $1', [
        job.id,
        attempts,
        String(error instanceof Error ? error.message : error).slice(0, 500),
        new Date(this.deps.now() + backoff),
      ]);
      this.log.error({ jobId: job.id, attempts, err: error }, 'job failed; retrying');
      return 'failed';
    }
  }
}
