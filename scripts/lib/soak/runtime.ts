// Phones for the soak: each is a fake wx (its storage survives app kills) running app instances of the real mini
// program modules. Many phones run at once, so the global `wx` dispatches to the phone of the app instance whose
// code is running (AsyncLocalStorage follows every callback and promise). Time is warped: the apps' clock and the
// `now` of the server and the WeChat simulator run `speed` times faster than real time, and every wait really
// waits, scaled, so backoff and polling take time instead of spinning.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import type { ApiFault } from '../../../simulator/faults';
import { FakeWx, type FakeRequest, type FaultRule } from '../../../test/support/fake-wx';
import type { App, LoadApp } from './app';

export class WarpClock {
  private readonly t0 = performance.now();

  constructor(
    readonly start: number,
    readonly speed: number,
  ) {}

  readonly now = (): number => this.start + Math.floor((performance.now() - this.t0) * this.speed);

  /** Real milliseconds for a span of app time. */
  real(ms: number): number {
    return ms / this.speed;
  }
}

interface Instance {
  fake: FakeWx;
  alive: boolean;
}

const running = new AsyncLocalStorage<Instance>();

const takesCallbacks = (options: unknown): boolean =>
  typeof options === 'object' &&
  options !== null &&
  ('success' in options || 'fail' in options || 'complete' in options);

/** Makes the global `wx` the running instance's phone; returns the restore function. */
export function installDispatchingWx(): () => void {
  const g = globalThis as unknown as { wx?: unknown };
  const previous = g.wx;
  g.wx = new Proxy(
    {},
    {
      get(_target, key: string) {
        const instance = running.getStore();
        if (!instance) throw new Error(`wx.${key} used outside a soak phone`);
        const api = (instance.fake.api as unknown as Record<string, unknown>)[key];
        if (typeof api !== 'function' || instance.alive) return api;
        // A killed app's JS is gone: its asynchronous calls never answer. Synchronous reads still work, so the
        // zombie code parks on a callback instead of throwing.
        return (options: unknown) =>
          takesCallbacks(options) ? undefined : (api as (o: unknown) => unknown)(options);
      },
    },
  );
  return () => {
    g.wx = previous;
  };
}

/** What the user does on WeChat Pay's sheet, and what WeChat Pay then tells the server. */
export interface PaymentScript {
  outcome: 'ok' | 'cancel' | 'fail';
  /** now: WeChat Pay notifies after its usual delay; late: after `lateMs` of app time; held: the notification
   * is lost, and only WeChat Pay's retries deliver it when the soak ends (they go on for a day); dup: now, twice. */
  notify: 'now' | 'late' | 'held' | 'dup';
  lateMs: number;
  /** The OS kills the app: while the sheet is up (after the user paid or not: no callback ever comes), or
   * `killAfterMs` of app time after the sheet said ok, while the app confirms with the server. */
  kill: false | 'sheet' | 'confirming';
  killAfterMs: number;
}

/** WeChat Pay as a phone meets it: the payment sheet, and how it answers the calls the server makes. */
export interface PaymentProvider {
  /** The payer confirms the sheet of a prepay id; false when WeChat Pay refuses (the order can no longer be
   * paid): the sheet then fails. */
  pay(prepayId: string, script: PaymentScript): Promise<boolean>;
  /** WeChat Pay answers a call of the server with `fault` (the next one, or the next to the path it names). */
  failCall(fault: ApiFault): void;
}

interface NetRule extends FaultRule {
  initial: number;
}

export class Phone {
  readonly fake = new FakeWx();
  app!: App;
  private instance!: Instance;
  private readonly scripts: PaymentScript[] = [];
  private readonly rules: NetRule[] = [];
  private readonly gateway: Array<{ match: (req: FakeRequest) => boolean; times: number; initial: number }> =
    [];
  private readonly payApi: Array<{ match: (req: FakeRequest) => boolean; fault: ApiFault }> = [];
  private payApiHits = 0;
  /** Resolved whenever the app is killed mid-payment (a flow races its payment against it). */
  private onKill: (() => void) | undefined;
  /** A kill planned during confirmation; called off once the payment flow has returned. */
  private plannedKill: (() => void) | undefined;
  paymentFaults = 0;

  constructor(
    readonly user: string,
    origin: string,
    private readonly loadApp: LoadApp,
    private readonly clock: WarpClock,
    private readonly provider: PaymentProvider,
  ) {
    this.fake.envVersion = 'trial';
    this.fake.login.user = user;
    this.fake.net.server = origin;
    // A gateway in front of the server: it may answer 502 after the server committed the request.
    this.fake.net.handler = async (req) => {
      this.failWeChatPayFor(req);
      const res = await this.fake.fromServer(req);
      const rule = this.gateway.find((r) => r.times > 0 && r.match(req));
      if (!rule) return res;
      rule.times--;
      return { status: 502, data: { code: 'BAD_GATEWAY', message: 'upstream answered too late' } };
    };
    this.fake.extend({ requestPayment: (opts: never) => this.requestPayment(opts) });
    this.launch();
  }

  /** A cold start: fresh module instances over the same storage, the app clock bound to the warped one. */
  launch(): App {
    const instance: Instance = { fake: this.fake, alive: true };
    const app = running.run(instance, () => this.loadApp());
    app.clock.clock.now = this.clock.now;
    app.clock.clock.sleep = (ms) =>
      new Promise((resolve) => setTimeout(() => instance.alive && resolve(), this.clock.real(ms)));
    this.instance = instance;
    this.app = app;
    return app;
  }

  /** Runs code as the current app instance (its wx calls go to this phone). */
  run<T>(fn: (app: App) => Promise<T>): Promise<T> {
    const { instance, app } = this;
    return running.run(instance, () => fn(app));
  }

  /** Resolves when the app is next killed mid-payment. */
  killed(): Promise<void> {
    return new Promise((resolve) => {
      this.onKill = resolve;
    });
  }

  /** The payment flow returned before a kill planned during its confirmation: the app lives on. */
  spare(): void {
    this.plannedKill = undefined;
  }

  private killNow(instance: Instance | undefined): void {
    if (instance) instance.alive = false;
    this.onKill?.();
  }

  /** Scripts the next payment sheets, in order; sheets beyond them pay normally. */
  scriptPayments(scripts: PaymentScript[]): void {
    this.scripts.splice(0, this.scripts.length, ...scripts);
  }

  inject(
    match: (req: FakeRequest) => boolean,
    fault: FaultRule['fault'] | 'gateway502',
    times: number,
  ): void {
    if (fault === 'gateway502') this.gateway.push({ match, times, initial: times });
    else {
      const rule: NetRule = { match, fault, times, initial: times };
      this.rules.push(rule);
      this.fake.net.faults.push(rule);
    }
  }

  /** The next requests `match` selects each queue one of `faults` at WeChat Pay, for the calls the server makes. */
  injectWeChatPay(match: (req: FakeRequest) => boolean, faults: ApiFault[]): void {
    this.payApi.push(...faults.map((fault) => ({ match, fault })));
  }

  private failWeChatPayFor(req: FakeRequest): void {
    const at = this.payApi.findIndex((f) => f.match(req));
    if (at < 0) return;
    this.provider.failCall(this.payApi.splice(at, 1)[0]!.fault);
    this.payApiHits++;
  }

  /** Faults that hit a request since the last call; the rules are dropped (a new intent starts clean). */
  takeNetworkFaults(): number {
    const hits =
      this.rules.reduce((n, r) => n + r.initial - (r.times ?? 0), 0) +
      this.gateway.reduce((n, r) => n + r.initial - r.times, 0) +
      this.payApiHits;
    this.rules.length = 0;
    this.gateway.length = 0;
    this.payApi.length = 0;
    this.payApiHits = 0;
    this.fake.net.faults.length = 0;
    this.fake.net.log.length = 0;
    return hits;
  }

  private requestPayment(
    opts: Record<string, unknown> & { success?: (r: object) => void; fail?: (e: { errMsg: string }) => void },
  ): void {
    const script: PaymentScript = this.scripts.shift() ?? {
      outcome: 'ok',
      notify: 'now',
      lateMs: 0,
      kill: false,
      killAfterMs: 0,
    };
    if (script.outcome !== 'ok' || script.notify !== 'now' || script.kill) this.paymentFaults++;
    const instance = running.getStore();
    const prepayId = /^prepay_id=(.+)$/.exec(String(opts.package))?.[1];
    this.fake.payment.calls.push(opts);
    const paid =
      script.outcome === 'ok' && prepayId ? this.provider.pay(prepayId, script) : Promise.resolve(false);
    void paid.then((taken) => {
      if (script.kill === 'sheet') return this.killNow(instance);
      if (script.kill === 'confirming') {
        const kill = () => this.killNow(instance);
        this.plannedKill = kill;
        setTimeout(() => this.plannedKill === kill && kill(), this.clock.real(script.killAfterMs));
      }
      setTimeout(() => {
        if (script.outcome === 'ok' && taken) opts.success?.({ errMsg: 'requestPayment:ok' });
        else if (script.outcome === 'cancel') opts.fail?.({ errMsg: 'requestPayment:fail cancel' });
        else opts.fail?.({ errMsg: 'requestPayment:fail (detail message)' });
      }, 1);
    });
  }
}
