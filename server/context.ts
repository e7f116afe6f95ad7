// What every domain service is handed: the database, the published content, the clock and the options.
import type { CodeSigner } from './codes/signer';
import type { ContentStore } from './content/store';
import type { Database } from './db/database';
import type { ReminderConfig } from './wechat/reminder-config';
import type { WeChatApiClient } from './wechat/api-client';
import type { WeChatPayClient } from './wechat/pay-client';

export interface DomainOptions {
  orderExpiryMs: number;
  /** After a prepay, how long to wait for the notification before asking WeChat Pay (and between asks). */
  paymentCheckMs: number;
  sessionTtlMs: number;
  /** Unpaid orders one person may hold at once, and the places they may hold across them. */
  maxPendingOrders: number;
  maxHeldPlaces: number;
}

export interface Deps {
  db: Database;
  content: ContentStore;
  options: DomainOptions;
  /** WeChat Pay (the simulator in development); undefined when not configured: payments answer 503. */
  pay?: WeChatPayClient;
  /** WeChat's server APIs (the simulator in development); undefined when not configured. */
  wechat?: WeChatApiClient;
  /** Signs the QR codes of tickets (and coupons) and verifies them. */
  codes: CodeSigner;
  /** The visit-day reminder's subscribe message template; undefined: no reminders. */
  reminder?: ReminderConfig;
  /** Epoch milliseconds; tests control it. Every instant written to the database comes from here. */
  now(): number;
  /** Wakes the job worker after `delayMs` of real time (it also polls; the jobs themselves are rows). */
  wake(delayMs: number): void;
}

export const iso = (ms: number): string => new Date(ms).toISOString();
