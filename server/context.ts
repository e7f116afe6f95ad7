// What every domain service is handed: the database, the published content, the clock and the options.
import type { ContentStore } from './content/store';
import type { Database } from './db/database';

export interface DomainOptions {
  orderExpiryMs: number;
  /** The development payment sandbox's latency: payment -> notification, refund request -> confirmation. */
  notifyDelayMs: number;
  sessionTtlMs: number;
  /** Unpaid orders one person may hold at once, and the places they may hold across them. */
  maxPendingOrders: number;
  maxHeldPlaces: number;
}

export interface Deps {
  db: Database;
  content: ContentStore;
  options: DomainOptions;
  /** Epoch milliseconds; tests control it. Every instant written to the database comes from here. */
  now(): number;
  /** Wakes the job worker after `delayMs` of real time (it also polls; the jobs themselves are rows). */
  wake(delayMs: number): void;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
