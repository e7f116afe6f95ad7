// The fault soak (issue 10): N purchase intents in a seeded mix (tickets with and without a coupon, coupon claims,
// insurance policies) through the real service layer and api/ modules, fake wx phones, the real server and the
// WeChat simulator it pays through on loopback, with faults on most of them; then an audit of what every phone
// shows against what the server holds, and of what the server did with every payment WeChat Pay took.
import { instantOf } from '../../../miniprogram/domain/time';
import type { LoadApp } from './app';
import { audit, plainLeaks } from './audit';
import { Catalog } from './catalog';
import { Flow, launchApp, type IntentRecord } from './flows';
import { drawPlan, TARGETS, type IntentKind } from './plan';
import { Random } from './random';
import { installDispatchingWx, Phone, WarpClock } from './runtime';
import { startSoakServer, type SoakServer } from './server';

export interface SoakOptions {
  runs: number;
  seed: number;
  /** How this process gets fresh mini program modules for each app launch (see app.ts). */
  loadApp: LoadApp;
  /** Phones running at once. */
  concurrency?: number;
  /** Intents per phone (one phone is one traveller's WeChat). */
  intentsPerPhone?: number;
  /** App time per real time. */
  speed?: number;
  /** Real time after which an intent that has not ended counts as stuck. */
  intentTimeoutMs?: number;
  /** Server restarts, spread evenly over the run, each while other intents are under way (default 3). */
  restarts?: number;
}

export interface SoakReport {
  intents: number;
  faults: number;
  /** Server restarts made (each counted as a fault of every intent under way). */
  restarts: number;
  /** Intents that met at least one fault. */
  faultedIntents: number;
  /** Payments WeChat Pay took. */
  payments: number;
  /** Payments the server neither fulfilled nor refunds, and orders it treats as paid that WeChat Pay never took. */
  unaccounted: number;
  /** Purchases WeChat Pay took money for more than once. */
  paidTwice: number;
  duplicates: number;
  lost: number;
  unhandled: number;
  stuck: number;
  /** Personal data or tokens readable in unencrypted storage (listed in details; not part of the line). */
  leaks: number;
  /** The soak's document numbers, mobile numbers and tokens, for checks of what else the run wrote (logs). */
  secrets: string[];
  details: string[];
  /** How the intents ended, by screen. */
  screens: Record<string, number>;
}

/** Tuesday 1 December 2026, 10:00 in Auckland: every demo offer that matters runs. */
const START = instantOf('2026-12-01', '10:00', 'Pacific/Auckland');
const KINDS: IntentKind[] = [
  'tickets',
  'tickets',
  'tickets',
  'coupon-tickets',
  'coupon-tickets',
  'claim',
  'claim',
];
const MINUTE = 60 * 1000;

export function formatReport(r: SoakReport): string {
  return `soak: ${r.intents} intents, ${r.faults} faults injected (${r.restarts} server restarts), ${r.payments} payments, ${r.unaccounted} unaccounted, ${r.paidTwice} paid twice, ${r.duplicates} duplicates, ${r.lost} lost, ${r.unhandled} unhandled, ${r.stuck} stuck`;
}

/** Counts promise rejections nobody handled and exceptions nobody caught while the soak runs. */
function watchUnhandled(details: string[]) {
  let count = 0;
  const onError = (reason: unknown) => {
    count++;
    details.push(`unhandled: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
  };
  process.on('unhandledRejection', onError);
  process.on('uncaughtException', onError);
  return {
    count: () => count,
    stop: () => {
      process.off('unhandledRejection', onError);
      process.off('uncaughtException', onError);
    },
  };
}

/** At most `size` tasks at once, started in the order they ask. */
class Slots {
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.active++;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** Restarts the server each time another share of the intents has ended, while the others are under way. */
class Restarts {
  readonly running = new Set<IntentRecord>();
  made = 0;
  private endedCount = 0;
  private last: Promise<void> = Promise.resolve();

  constructor(
    private readonly server: SoakServer,
    private readonly runs: number,
    private readonly planned: number,
  ) {}

  ended(record: IntentRecord): void {
    this.running.delete(record);
    this.endedCount++;
    const every = Math.floor(this.runs / (this.planned + 1));
    if (this.made >= this.planned || every === 0 || this.endedCount % every !== 0) return;
    this.made++;
    for (const r of this.running) r.faults++;
    this.last = this.last.then(() => this.server.restart());
  }

  done(): Promise<void> {
    return this.last;
  }
}

function kindOf(rng: Random): IntentKind {
  return rng.chance(0.25) ? 'insurance' : rng.pick(KINDS);
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const { runs, seed, loadApp } = options;
  const perPhone = options.intentsPerPhone ?? 20;
  const clock = new WarpClock(START, options.speed ?? 100);
  const details: string[] = [];
  const unhandled = watchUnhandled(details);
  const restoreWx = installDispatchingWx();
  const server = await startSoakServer(clock, { orderExpiryMs: 5 * MINUTE, sessionTtlMs: 10 * MINUTE });
  try {
    const catalog = new Catalog(server.seed, clock.now);
    const phones = Array.from(
      { length: Math.ceil(runs / perPhone) },
      (_, i) => new Phone(`soak${i}`, server.origin, loadApp, clock, server.wechatPay),
    );
    const records: IntentRecord[] = Array.from({ length: runs }, (_, id) => ({
      id,
      kind: kindOf(Random.forIntent(seed, id)),
      user: phones[id % phones.length]!.user,
      tag: `soak-${id}@soak.example.com`,
      faults: 0,
      problems: [],
      claims: [],
      toldCoupons: [],
      toldPaid: [],
      personal: [],
      settled: false,
    }));

    let unhandledFromFlows = 0;
    const leaks: string[] = [];
    const restarts = new Restarts(server, runs, options.restarts ?? 3);
    const runIntent = async (phone: Phone, record: IntentRecord) => {
      restarts.running.add(record);
      const rng = Random.forIntent(seed, record.id);
      rng.next(); // the draw that chose the kind
      const plan = drawPlan(rng, record.kind);
      if (plan.coldStart) {
        phone.launch();
        await launchApp(phone);
      }
      phone.scriptPayments(plan.payments);
      for (const f of plan.net) phone.inject(TARGETS[f.target], f.fault, f.times);
      phone.injectWeChatPay(TARGETS.payment, plan.wechatPay);
      const before = phone.paymentFaults;
      const flow = new Flow(phone, record, plan, catalog, rng).run();
      const timeout = new Promise<'timeout'>((resolve) =>
        setTimeout(() => resolve('timeout'), options.intentTimeoutMs ?? 10000).unref(),
      );
      try {
        record.settled = (await Promise.race([flow, timeout])) !== 'timeout';
      } catch (error) {
        // A rejection out of the app's functions: they promise to settle every call with a Result.
        record.settled = true;
        details.push(
          `unhandled: intent ${record.id}: ${error instanceof Error ? error.stack : String(error)}`,
        );
        unhandledFromFlows++;
      }
      record.faults += phone.takeNetworkFaults() + phone.paymentFaults - before;
      leaks.push(...plainLeaks(phone, record.personal));
      restarts.ended(record);
    };
    // Intents start in order, `concurrency` at a time; each phone runs its own one after another, so a
    // traveller's purchases spread over the whole soak (and over expiries, token lifetimes, late notifications).
    const slots = new Slots(options.concurrency ?? 8);
    const byPhone = new Map<Phone, Promise<void>>();
    for (const record of records) {
      const phone = phones.find((p) => p.user === record.user)!;
      const previous = byPhone.get(phone) ?? Promise.resolve();
      byPhone.set(
        phone,
        previous.then(() => slots.run(() => runIntent(phone, record))),
      );
    }
    await Promise.all(byPhone.values());
    await restarts.done();
    await server.wechatPay.settle();
    const findings = await audit(server, phones, records);

    const screens: Record<string, number> = {};
    for (const r of records) screens[r.screen ?? '(none)'] = (screens[r.screen ?? '(none)'] ?? 0) + 1;
    return {
      intents: runs,
      faults: records.reduce((n, r) => n + r.faults, 0),
      restarts: restarts.made,
      faultedIntents: records.filter((r) => r.faults > 0).length,
      payments: findings.payments,
      unaccounted: findings.unaccounted,
      paidTwice: findings.paidTwice,
      duplicates: findings.duplicates,
      lost: findings.lost,
      unhandled: unhandled.count() + unhandledFromFlows,
      stuck: findings.stuck,
      leaks: findings.leaks + leaks.length,
      secrets: findings.secrets,
      details: [...details, ...leaks.map((l) => `leaks: ${l}`), ...findings.details],
      screens,
    };
  } finally {
    restoreWx();
    unhandled.stop();
    await server.close();
  }
}
