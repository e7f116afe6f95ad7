// Runs due jobs on any instance: each is taken FOR UPDATE SKIP LOCKED, run, and deleted in one transaction, so two
// instances never run the same job and a crash mid-job leaves it for the next try. A failing job is retried with
// exponential backoff (capped at an hour); its error is kept on the row for the engineer on call.
import type { Deps } from '../context';
import { inTransaction } from '../work';
import { JOBS } from './handlers';
import type { JobKind } from './queue';

const MAX_BACKOFF_MS = 60 * 60 * 1000;

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
    let failed: { id: number; attempts: number; error: unknown } | undefined;
    const taken = await inTransaction(this.deps, async (w) => {
      const [job] = await w.tx.query<{ id: number; kind: JobKind; key: string; attempts: number }>(
        `SELECT id, kind, key, attempts FROM jobs WHERE run_at <= $1 ORDER BY run_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [new Date(w.now)],
      );
      if (!job) return false;
      await w.tx.query('SAVEPOINT job');
      try {
        await JOBS[job.kind](w, job.key);
        await w.tx.query('DELETE FROM jobs WHERE id = $1', [job.id]);
      } catch (error) {
        await w.tx.query('ROLLBACK TO SAVEPOINT job');
        failed = { id: job.id, attempts: job.attempts + 1, error };
        const backoff = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** job.attempts);
        await w.tx.query('UPDATE jobs SET attempts = $2, last_error = $3, run_at = $4 WHERE id = $1', [
          job.id,
          failed.attempts,
          String(error instanceof Error ? error.message : error).slice(0, 500),
          new Date(w.now + backoff),
        ]);
      }
      return true;
    });
    if (!taken) return 'none';
    if (failed) {
      this.log.error(
        { jobId: failed.id, attempts: failed.attempts, err: failed.error },
        'job failed; retrying',
      );
      return 'failed';
    }
    return 'done';
  }
}
