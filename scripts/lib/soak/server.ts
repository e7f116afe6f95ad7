// The real server on loopback for the soak, on the warped clock, and WeChat Pay's side of a payment: the
// notification that marks an order paid, now, late, held until the end (WeChat retries for a day) or twice.
import { buildServer, type Wayfarer } from '../../../server/app';
import type { Seed } from '../../../server/content/seed';
import type { PaymentProvider, PaymentScript, WarpClock } from './runtime';

export interface SoakServer {
  origin: string;
  /** The server's database and content, read by the audit (what the server holds is the truth about money). */
  server: Wayfarer;
  seed: Seed;
  provider: SoakPaymentProvider;
  close(): Promise<void>;
}

/** Real milliseconds from a payment to its notification (about 2 s of app time at speed 100). */
export const NOTIFY_DELAY_MS = 20;

export async function startSoakServer(
  clock: WarpClock,
  options: { orderExpiryMs: number; sessionTtlMs: number },
): Promise<SoakServer> {
  const app = buildServer({
    now: clock.now,
    notifyDelayMs: NOTIFY_DELAY_MS,
    orderExpiryMs: options.orderExpiryMs,
    sessionTtlMs: options.sessionTtlMs,
    // The soak's phones are a handful of people with many intents each.
    maxPendingOrders: 1000,
    maxHeldPlaces: 100000,
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const server = app.wayfarer;
  const provider = new SoakPaymentProvider(origin, server, clock);
  return { origin, server, seed: await server.deps.content.seed(), provider, close: () => app.close() };
}

async function post(url: string, body?: unknown): Promise<number> {
  const res = await fetch(url, {
    method: 'POST',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

export class SoakPaymentProvider implements PaymentProvider {
  private readonly held = new Set<string>();
  private readonly pending = new Set<Promise<unknown>>();

  constructor(
    private readonly origin: string,
    private readonly server: Wayfarer,
    private readonly clock: WarpClock,
  ) {}

  /** The money moves only for an order that can still be paid (an expired prepay_id fails on the sheet). */
  async pay(orderId: string, script: PaymentScript): Promise<boolean> {
    if (script.notify === 'now' || script.notify === 'dup') {
      const accepted = (await post(`${this.origin}/dev/pay`, { orderId })) === 202;
      if (accepted && script.notify === 'dup') this.track(this.notify(orderId));
      return accepted;
    }
    const [payable] = await this.server.deps.db.query(
      `SELECT 1 FROM orders WHERE id = $1 AND status = 'PENDING_PAYMENT' AND expires_at > $2`,
      [orderId, new Date(this.clock.now())],
    );
    if (!payable) return false;
    if (script.notify === 'held') this.held.add(orderId);
    else {
      this.track(
        new Promise((resolve) => setTimeout(resolve, this.clock.real(script.lateMs))).then(() =>
          this.notify(orderId),
        ),
      );
    }
    return true;
  }

  private notify(orderId: string): Promise<number> {
    return post(`${this.origin}/dev/orders/${encodeURIComponent(orderId)}/notify`);
  }

  private track(work: Promise<unknown>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  /** WeChat Pay's retries deliver every notification still owed; then the late ones are waited for. */
  async settle(): Promise<void> {
    const held = [...this.held];
    this.held.clear();
    await Promise.all(held.map((id) => this.notify(id)));
    while (this.pending.size > 0) await Promise.all([...this.pending]);
    // Notifications the server scheduled itself (POST /dev/pay) fire after its notify delay.
    await new Promise((resolve) => setTimeout(resolve, NOTIFY_DELAY_MS * 3));
  }
}
