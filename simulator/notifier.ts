// Delivers WeChat Pay notifications to the merchant's notify_url as WeChat does: signed, the resource encrypted,
// retried on WeChat's schedule until the merchant answers 2xx within 5 s. The schedule is compressed by
// `timeScale` in tests. Deliveries are kept for tests to read.
import { randomBytes } from 'crypto';
import { encryptResource, signedHeaders } from './crypto';
import type { PlatformKeys } from './keys';
import { fetchWithin } from '../server/wechat/fetch-within';
import { rfc3339 } from '../server/wechat/rfc3339';

/** WeChat Pay's documented retry schedule after the first attempt: 15s/15s/30s/3m/10m/20m/30m/30m/30m/60m/3h/3h/3h/6h/6h. */
export const RETRY_SCHEDULE_MS = [
  15, 15, 30, 180, 600, 1200, 1800, 1800, 1800, 3600, 10800, 10800, 10800, 21600, 21600,
].map((seconds) => seconds * 1000);

const ANSWER_WITHIN_MS = 5000;

export interface Delivery {
  notificationId: string;
  eventType: string;
  url: string;
  attempt: number;
  /** The merchant's HTTP status, or 0 when it did not answer in time. */
  status: number;
}

export interface NotificationOptions {
  url: string;
  eventType: string;
  summary: string;
  originalType: 'transaction' | 'refund';
  resource: object;
  apiV3Key: string;
  /** Real milliseconds before the first attempt. */
  delayMs?: number;
  /** A notification id shared with an earlier one (a duplicate delivery of the same event). */
  id?: string;
}

export class Notifier {
  readonly deliveries: Delivery[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly keys: () => PlatformKeys,
    private readonly clock: () => number,
    private readonly timeScale: number,
  ) {}

  /**
   * Sends a notification, retrying on schedule. Returns its id and the merchant's answer to the first attempt (0:
   * none) when `delayMs` is 0 (tests then see that answer before the payer's sheet closes); else undefined at once.
   */
  send(options: NotificationOptions): { id: string; firstAttempt: Promise<number | undefined> } {
    const id = options.id ?? `EV-${randomBytes(12).toString('hex')}`;
    if (options.delayMs) {
      this.after(options.delayMs, async () => void (await this.attempt(id, options, 0)));
      return { id, firstAttempt: Promise.resolve(undefined) };
    }
    const firstAttempt = this.attempt(id, options, 0).finally(() => this.inFlight.delete(firstAttempt));
    this.inFlight.add(firstAttempt);
    return { id, firstAttempt };
  }

  /** Stops every pending attempt and waits for those under way. */
  async close(): Promise<void> {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
    await Promise.all([...this.inFlight]);
  }

  /** Runs `run` after `delayMs` of real time, unless the simulator closes first. */
  after(delayMs: number, run: () => Promise<unknown>): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const running = run().finally(() => this.inFlight.delete(running));
      this.inFlight.add(running);
    }, delayMs);
    timer.unref?.();
    this.timers.add(timer);
  }

  private async attempt(id: string, options: NotificationOptions, attempt: number): Promise<number> {
    if (this.closed) return 0;
    const { body, headers } = buildNotification(this.keys(), options, id, this.clock());
    const status = await post(options.url, body, headers);
    this.deliveries.push({
      notificationId: id,
      eventType: options.eventType,
      url: options.url,
      attempt,
      status,
    });
    const next = RETRY_SCHEDULE_MS[attempt];
    if ((status < 200 || status > 299) && next !== undefined) {
      this.after(next * this.timeScale, () => this.attempt(id, options, attempt + 1));
    }
    return status;
  }
}

/** A notification's body and headers as WeChat Pay sends them: the resource encrypted, the body signed. */
export function buildNotification(
  keys: PlatformKeys,
  options: Pick<NotificationOptions, 'eventType' | 'summary' | 'originalType' | 'resource' | 'apiV3Key'>,
  id: string,
  now: number,
): { body: string; headers: Record<string, string> } {
  const body = JSON.stringify({
    id,
    create_time: rfc3339(now),
    resource_type: 'encrypt-resource',
    event_type: options.eventType,
    summary: options.summary,
    resource: encryptResource(
      JSON.stringify(options.resource),
      options.apiV3Key,
      options.originalType,
      options.originalType,
    ),
  });
  return {
    body,
    headers: {
      'content-type': 'application/json',
      ...signedHeaders(body, keys.privateKey, keys.serial, Math.floor(Date.now() / 1000)),
    },
  };
}

async function post(url: string, body: string, headers: Record<string, string>): Promise<number> {
  try {
    return (await fetchWithin(url, { method: 'POST', body, headers }, ANSWER_WITHIN_MS)).status;
  } catch {
    return 0;
  }
}
