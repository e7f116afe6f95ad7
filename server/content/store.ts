// The published content, read from the database and cached per content version and destination day. Every
// instance notices a change: through NOTIFY at once, and by re-reading the version at most every second anyway.
import { ApiError } from '../core/errors';
import { todayAt } from '../core/today';
import type { Database } from '../db/database';
import { CONTENT_CHANGED, readFiles } from './records';
import { buildSeed, type ContentFiles, type Seed } from './seed';

const VERSION_CHECK_MS = 1000;

export class ContentStore {
  private files?: { version: number; files: ContentFiles };
  private seedCache?: { version: number; today: string; seed: Seed };
  private checkedAt = -Infinity;

  constructor(
    private readonly db: Database,
    private readonly now: () => number,
  ) {}

  /** Subscribes to other instances' changes. */
  async start(): Promise<void> {
    await this.db.listen(CONTENT_CHANGED, () => this.invalidate());
  }

  invalidate(): void {
    this.checkedAt = -Infinity;
  }

  /** The published version, or 0 when nothing is published yet. */
  async version(): Promise<number> {
    if (this.files && performance.now() - this.checkedAt < VERSION_CHECK_MS) return this.files.version;
    const [row] = await this.db.query<{ version: number }>('SELECT version FROM content_state');
    this.checkedAt = performance.now();
    const version = row?.version ?? 0;
    if (this.files?.version !== version) {
      this.files = { version, files: await readFiles(this.db) };
    }
    return version;
  }

  /** The content as the API serves it on the destination's today, its calendars starting that day. */
  async seed(): Promise<Seed> {
    const version = await this.version();
    const files = this.files?.files;
    if (version === 0 || !files) {
      throw new ApiError(
        503,
        'NO_CONTENT',
        'No destination content is published yet (npm run content:import).',
      );
    }
    const now = this.now();
    const today = todayAt(now, files.destination.timeZone);
    const cached = this.seedCache;
    if (cached?.version === version && cached.today === today) return cached.seed;
    // Checked on import; building again only expands the calendars for the new day.
    const seed = buildSeed(files, now, { hasAsset: () => true, checkContract: false });
    this.seedCache = { version, today, seed };
    return seed;
  }
}
