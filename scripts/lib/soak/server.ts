// The real server on loopback for the soak, paying through the WeChat simulator (test/support/stack.ts), both on
// the warped clock, its database kept apart so the server can be restarted mid-flow; and the payer's side of WeChat Pay: a payment taken on the sheet, its notification on time,
// late, lost until WeChat Pay's retries or sent twice, and the server's calls answered 5xx or not at all, all
// through the simulator's fault queues.
import type { Wayfarer } from '../../../server/app';
import { openDatabase } from '../../../server/db/open';
import type { Seed } from '../../../server/content/seed';
import type { ApiFault, NotifyFault } from '../../../simulator/faults';
import type { WeChatSimulator } from '../../../simulator/simulator';
import { decideAtSimulator, resendNotification, startStack, type Stack } from '../../../test/support/stack';
import type { PaymentProvider, PaymentScript, WarpClock } from './runtime';

export interface SoakServer {
  origin: string;
  /** The server's database and content, read by the audit (what the server holds is the truth about orders). */
  readonly server: Wayfarer;
  seed: Seed;
  /** WeChat Pay: what it holds as paid is the truth about money. */
  sim: WeChatSimulator;
  wechatPay: SoakWeChatPay;
  /** A graceful restart on the same port and database, while phones and WeChat Pay go on calling. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

/** Real milliseconds from a payment to its notification (about 2 s of app time at speed 100). */
const NOTIFY_DELAY_MS = 20;

export async function startSoakServer(
  clock: WarpClock,
  options: { orderExpiryMs: number; sessionTtlMs: number },
): Promise<SoakServer> {
  const database = await openDatabase({});
  const stack = await startStack({
    database,
    now: clock.now,
    orderExpiryMs: options.orderExpiryMs,
    sessionTtlMs: options.sessionTtlMs,
    // The server asks WeChat Pay about a payment it heard nothing of every 30 s of app time, as in production.
    paymentCheckMs: 30_000,
    // The soak's phones are a handful of people with many intents each.
    maxPendingOrders: 1000,
    maxHeldPlaces: 100000,
    // WeChat Pay's notification and refund delays and retry schedule on the warped clock.
    simulator: { notifyDelayMs: NOTIFY_DELAY_MS, refundDelayMs: NOTIFY_DELAY_MS, timeScale: clock.real(1) },
  });
  return {
    origin: stack.origin,
    get server() {
      return stack.app.wayfarer;
    },
    seed: await stack.app.wayfarer.deps.content.seed(),
    sim: stack.sim,
    wechatPay: new SoakWeChatPay(stack, clock),
    restart: () => stack.restart(),
    close: async () => {
      await stack.close();
      await database.close();
    },
  };
}

export class SoakWeChatPay implements PaymentProvider {
  /** Payments one at a time, so each takes the notification fault queued for it. */
  private turn: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly stack: Stack,
    private readonly clock: WarpClock,
  ) {}

  private notifyFault(script: PaymentScript): NotifyFault | undefined {
    switch (script.notify) {
      case 'now':
        return undefined;
      case 'late':
        return { kind: 'delay', ms: Math.round(this.clock.real(script.lateMs)) };
      case 'held':
        return { kind: 'drop' };
      case 'dup':
        return { kind: 'duplicate' };
    }
  }

  /** The money moves only for an order WeChat Pay can still take (past its time_expire or closed, the sheet fails). */
  pay(prepayId: string, script: PaymentScript): Promise<boolean> {
    const paid = this.turn.then(async () => {
      const { sim } = this.stack;
      const fault = this.notifyFault(script);
      if (fault) sim.faults.notify.push(fault);
      const { result } = await decideAtSimulator(`${sim.origin}/sim/pay/${encodeURIComponent(prepayId)}`);
      // Refused, or paid before: no notification took the fault.
      const unused = fault ? sim.faults.notify.indexOf(fault) : -1;
      if (unused >= 0) sim.faults.notify.splice(unused, 1);
      return result === 'paid';
    });
    this.turn = paid.catch(() => undefined);
    return paid;
  }

  failCall(fault: ApiFault): void {
    this.stack.sim.faults.api.push(fault);
  }

  /**
   * The end of the soak stands for the day over which WeChat Pay retries: every payment whose notification the
   * server has not acknowledged (lost, late, not yet sent, refused) is notified again, and answered.
   */
  async settle(): Promise<void> {
    const { sim } = this.stack;
    const acknowledged = new Set(
      sim.notifier.deliveries.filter((d) => d.status >= 200 && d.status <= 299).map((d) => d.notificationId),
    );
    const owed = [...sim.transactions.values()].filter(
      (t) =>
        (t.state === 'SUCCESS' || t.state === 'REFUND') &&
        (t.notificationId === undefined || !acknowledged.has(t.notificationId)),
    );
    await Promise.all(owed.map((t) => resendNotification(this.stack, t.outTradeNo)));
  }
}
