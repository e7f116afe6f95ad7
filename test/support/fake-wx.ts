// A scriptable wx for tests where outcomes matter: requests go to in-process handlers or to a real server on
// loopback with injectable faults; payment, login, storage (with the real limits), location permission,
// privacy authorization, subscription prompts, the clipboard, envVersion and the clock are all under the test's
// control, and `idle` says when nothing is under way.
import http from 'http';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface FakeRequest {
  url: string;
  method: Method;
  headers: Record<string, string>;
  body: unknown;
}
export interface FakeResponse {
  status: number;
  data: unknown;
}
export type Fault =
  'offline' | 'timeout' | 'interrupted' | 'http500' | 'http503' | 'drop' | { delayMs: number };
export interface FaultRule {
  match?: (req: FakeRequest) => boolean;
  fault: Fault;
  /** How many matching requests it hits; Infinity for all. */
  times?: number;
}
type Handler = (req: FakeRequest) => FakeResponse | Promise<FakeResponse>;
type PayOutcome = 'ok' | 'cancel' | 'fail';
/**
 * The user's answer to one subscription prompt, for every template it asks about; or the call failing (errMsg,
 * errCode), or throwing as it is made.
 */
export type SubscribeAnswer =
  'accept' | 'reject' | 'ban' | 'filter' | { errMsg: string; errCode: number } | 'throw';

const MB = 1024 * 1024;

interface StoredItem {
  json: string;
  encrypt: boolean;
}

type Failure = { errMsg: string; errno?: number; errCode?: number };
type Callbacks<S> = {
  success?: (res: S) => void;
  fail?: (err: Failure) => void;
  complete?: () => void;
};
type Outcome<S> = { ok: true; res: S } | ({ ok: false } & Failure);

function utf8(text: string): number {
  return Buffer.byteLength(text, 'utf8');
}

export class FakeWx {
  envVersion: 'develop' | 'trial' | 'release' = 'develop';

  readonly net = {
    log: [] as FakeRequest[],
    inFlight: 0,
    maxInFlight: 0,
    faults: [] as FaultRule[],
    server: undefined as string | undefined,
    /** Origins reached as they are (the WeChat simulator), not rerouted to `server`. */
    direct: new Set<string>(),
    handler: undefined as Handler | undefined,
    /** Extra latency on every request, to make concurrency observable. */
    latencyMs: 0,
  };

  readonly payment = {
    outcomes: [] as PayOutcome[],
    calls: [] as Array<Record<string, unknown>>,
  };

  readonly login = { calls: 0, fail: false, user: 'alice', seq: 0 };

  readonly storage = new Map<string, StoredItem>();

  readonly location = {
    /** undefined: never asked; true granted; false denied. */
    permission: undefined as boolean | undefined,
    /** The user's answer when asked for the first time, and in the settings page. */
    answer: 'allow' as 'allow' | 'deny',
    coords: { latitude: -36.8485, longitude: 174.7633 },
  };

  readonly privacy = {
    needAuthorization: false,
    handler: undefined as
      ((resolve: (r: { event: 'agree' | 'disagree'; buttonId?: string }) => void) => void) | undefined,
  };

  readonly ui = {
    actionSheetTaps: [] as Array<number | 'cancel'>,
    modalAnswers: [] as boolean[],
    toasts: [] as Array<{ title: string; icon?: string }>,
    modals: [] as Array<{ title?: string; content?: string }>,
    actionSheets: [] as string[][],
    phoneCalls: [] as string[],
    navigations: [] as string[],
  };

  readonly clock = { now: Date.parse('2026-11-22T09:00:00Z'), instantSleep: true };

  readonly subscribe = {
    /** Answers to the next prompts, in order; with none left the user rejects. */
    answers: [] as SubscribeAnswer[],
    /** The template ids of each prompt shown. */
    prompts: [] as string[][],
  };

  /** What the app last put on the clipboard. */
  readonly clipboard = { text: '' };

  /** Every call to an API listed in RECORDED, with its options, in order. */
  readonly calls: Array<{ api: string; options: Record<string, unknown> }> = [];

  /** Callbacks the fake owes the app (answers scheduled, not yet delivered). */
  private owed = 0;

  /**
   * Nothing under way on the phone: no request in flight and no callback still to come. Whatever the app does
   * next starts from a timer of its own or from the user.
   */
  get idle(): boolean {
    return this.net.inFlight === 0 && this.owed === 0;
  }

  /** Answers a call on a later task, as wx does (so ordering bugs show up in tests too). */
  settle<S>(opts: Callbacks<S>, outcome: Outcome<S>): void {
    this.owed++;
    setTimeout(() => {
      try {
        if (outcome.ok) opts.success?.(outcome.res);
        else opts.fail?.({ errMsg: outcome.errMsg, errno: outcome.errno, errCode: outcome.errCode });
        opts.complete?.();
      } finally {
        this.owed--;
      }
    }, 0);
  }

  /** The options of each call to one recorded API. */
  callsTo(api: string): Array<Record<string, unknown>> {
    return this.calls.filter((c) => c.api === api).map((c) => c.options);
  }

  /** Adds or replaces fake APIs for a feature's tests (e.g. a scripted downloadFile). */
  extend(apis: Record<string, (options: never) => unknown>): void {
    Object.assign(this.api, apis);
  }

  /** Points the services' clock at this fake (call after each fresh module load). */
  bindClock(target: { now: () => number; sleep: (ms: number) => Promise<void> }): void {
    target.now = () => this.clock.now;
    target.sleep = (ms) => {
      this.clock.now += ms;
      return this.clock.instantSleep ? Promise.resolve() : new Promise((r) => setTimeout(r, ms));
    };
  }

  inject(rule: FaultRule): void {
    this.net.faults.push({ times: 1, ...rule });
  }

  storedBytes(): number {
    let total = 0;
    for (const [key, item] of this.storage) total += utf8(key) + utf8(item.json);
    return total;
  }

  private takeFault(req: FakeRequest): Fault | undefined {
    const rule = this.net.faults.find((r) => (r.times ?? 1) > 0 && (!r.match || r.match(req)));
    if (!rule) return undefined;
    rule.times = (rule.times ?? 1) - 1;
    return rule.fault;
  }

  private async forward(req: FakeRequest): Promise<FakeResponse> {
    return this.net.handler ? this.net.handler(req) : this.fromServer(req);
  }

  /** The real server's answer (Node's http: page tests run in jsdom, which has no fetch); handlers may call it to patch. */
  fromServer(req: FakeRequest): Promise<FakeResponse> {
    const server = this.net.server;
    if (!server) return Promise.reject(new Error('fake wx: no handler and no server for ' + req.url));
    const u = new URL(req.url);
    const target = this.net.direct.has(u.origin) ? req.url : `${server}${u.pathname}${u.search}`;
    const body = req.method === 'GET' || req.body === undefined ? undefined : JSON.stringify(req.body);
    return new Promise((resolve, reject) => {
      const out = http.request(
        target,
        {
          method: req.method,
          headers: body ? { ...req.headers, 'content-length': Buffer.byteLength(body) } : req.headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, data: text ? (JSON.parse(text) as unknown) : '' });
          });
        },
      );
      out.on('error', reject);
      out.end(body);
    });
  }

  private async perform(
    req: FakeRequest,
  ): Promise<{ ok: true; res: FakeResponse } | { ok: false; errMsg: string }> {
    this.net.log.push(req);
    const fault = this.takeFault(req);
    if (this.net.latencyMs) await new Promise((r) => setTimeout(r, this.net.latencyMs));
    if (fault === 'offline') return { ok: false, errMsg: 'request:fail -109:net::ERR_ADDRESS_UNREACHABLE' };
    if (fault === 'timeout') return { ok: false, errMsg: 'request:fail timeout' };
    if (fault === 'interrupted') return { ok: false, errMsg: 'request:fail interrupted' };
    if (fault === 'http500' || fault === 'http503') {
      return {
        ok: true,
        res: { status: fault === 'http500' ? 500 : 503, data: { code: 'UNAVAILABLE', message: 'fault' } },
      };
    }
    if (typeof fault === 'object') await new Promise((r) => setTimeout(r, fault.delayMs));
    const res = await this.forward(req);
    // The server did the work; the phone never hears back.
    if (fault === 'drop') return { ok: false, errMsg: 'request:fail timeout' };
    return { ok: true, res };
  }

  /** The payer paid in WeChat's sheet: WeChat Pay (the simulator, reached directly) takes the prepay id. */
  private payAtSimulator(pkg: string): Promise<FakeResponse> | undefined {
    const simulator = [...this.net.direct][0];
    const prepayId = /^prepay_id=(.+)$/.exec(pkg)?.[1];
    if (!simulator || !prepayId) return undefined;
    return this.fromServer({
      url: `${simulator}/sim/pay/${encodeURIComponent(prepayId)}`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: { outcome: 'pay' },
    });
  }

  private asked(ok: boolean): void {
    this.location.permission = ok;
  }

  /** An API behind the privacy agreement: the app's handler is asked first while the user has not agreed. */
  private guarded<S>(api: string, opts: Callbacks<S>, proceed: () => void): void {
    const refused = () =>
      this.settle(opts, {
        ok: false,
        errMsg: `${api}:fail privacy permission is not authorized`,
        errno: 104,
      });
    if (!this.privacy.needAuthorization) return proceed();
    if (!this.privacy.handler) return refused();
    this.privacy.handler((r) => {
      if (r.event !== 'agree') return refused();
      this.privacy.needAuthorization = false;
      proceed();
    });
  }

  /** The object installed as the global `wx`. */
  readonly api = {
    getAccountInfoSync: () => ({
      miniProgram: { appId: 'wx-test', envVersion: this.envVersion, version: '' },
    }),
    request: (
      opts: Callbacks<{ statusCode: number; data: unknown; header: object }> & {
        url: string;
        method?: Method;
        header?: Record<string, string>;
        data?: unknown;
      },
    ) => {
      const req: FakeRequest = {
        url: opts.url,
        method: opts.method ?? 'GET',
        headers: { ...(opts.header ?? {}) },
        body: opts.data,
      };
      this.net.inFlight++;
      this.net.maxInFlight = Math.max(this.net.maxInFlight, this.net.inFlight);
      void this.perform(req)
        .catch((e: Error) => ({ ok: false as const, errMsg: `request:fail ${e.message}` }))
        .then((out) => {
          this.net.inFlight--;
          this.settle(
            opts,
            out.ok ? { ok: true, res: { statusCode: out.res.status, data: out.res.data, header: {} } } : out,
          );
        });
      return { abort: () => undefined };
    },
    requestPayment: (opts: Callbacks<{ errMsg: string }> & Record<string, unknown>) => {
      this.payment.calls.push(opts);
      const outcome = this.payment.outcomes.shift() ?? 'ok';
      const notify = outcome === 'ok' ? this.payAtSimulator(String(opts.package)) : undefined;
      this.owed++;
      void Promise.resolve(notify)
        .finally(() => this.owed--)
        .then(() =>
          this.settle(
            opts,
            outcome === 'ok'
              ? { ok: true, res: { errMsg: 'requestPayment:ok' } }
              : {
                  ok: false,
                  errMsg:
                    outcome === 'cancel'
                      ? 'requestPayment:fail cancel'
                      : 'requestPayment:fail (detail message)',
                },
          ),
        );
    },
    login: (opts: Callbacks<{ code: string; errMsg: string }>) => {
      this.login.calls++;
      this.login.seq++;
      this.settle(
        opts,
        this.login.fail
          ? { ok: false, errMsg: 'login:fail' }
          : { ok: true, res: { code: `user-${this.login.user}-${this.login.seq}`, errMsg: 'login:ok' } },
      );
    },
    setStorage: (opts: Callbacks<{ errMsg: string }> & { key: string; data: unknown; encrypt?: boolean }) => {
      const json = JSON.stringify(opts.data);
      const limit = opts.encrypt ? 0.7 * MB : MB;
      const total = opts.encrypt ? 7.1 * MB : 10 * MB;
      const previous = this.storage.get(opts.key);
      const size = utf8(opts.key) + utf8(json);
      const after = this.storedBytes() - (previous ? utf8(opts.key) + utf8(previous.json) : 0) + size;
      if (size > limit)
        return this.settle(opts, { ok: false, errMsg: 'setStorage:fail exceed storage item max length' });
      if (after > total)
        return this.settle(opts, { ok: false, errMsg: 'setStorage:fail exceed storage max size 10Mb' });
      this.storage.set(opts.key, { json, encrypt: opts.encrypt === true });
      this.settle(opts, { ok: true, res: { errMsg: 'setStorage:ok' } });
    },
    getStorage: (opts: Callbacks<{ data: unknown; errMsg: string }> & { key: string; encrypt?: boolean }) => {
      const item = this.storage.get(opts.key);
      if (!item) return this.settle(opts, { ok: false, errMsg: 'getStorage:fail data not found' });
      if (item.encrypt !== (opts.encrypt === true))
        return this.settle(opts, { ok: false, errMsg: 'getStorage:fail decrypt fail' });
      this.settle(opts, { ok: true, res: { data: JSON.parse(item.json), errMsg: 'getStorage:ok' } });
    },
    removeStorage: (opts: Callbacks<{ errMsg: string }> & { key: string }) => {
      this.storage.delete(opts.key);
      this.settle(opts, { ok: true, res: { errMsg: 'removeStorage:ok' } });
    },
    getStorageInfoSync: () => ({
      keys: [...this.storage.keys()],
      currentSize: Math.ceil(this.storedBytes() / 1024),
      limitSize: 10240,
    }),
    getSetting: (opts: Callbacks<{ authSetting: Record<string, boolean> }>) => {
      const authSetting: Record<string, boolean> = {};
      if (this.location.permission !== undefined)
        authSetting['scope.userLocation'] = this.location.permission;
      this.settle(opts, { ok: true, res: { authSetting } });
    },
    openSetting: (opts: Callbacks<{ authSetting: Record<string, boolean> }>) => {
      this.asked(this.location.answer === 'allow');
      this.api.getSetting(opts);
    },
    getPrivacySetting: (opts: Callbacks<{ needAuthorization: boolean; privacyContractName: string }>) =>
      this.settle(opts, {
        ok: true,
        res: { needAuthorization: this.privacy.needAuthorization, privacyContractName: 'demo' },
      }),
    onNeedPrivacyAuthorization: (handler: FakeWx['privacy']['handler']) => {
      this.privacy.handler = handler;
    },
    getLocation: (opts: Callbacks<{ latitude: number; longitude: number }>) =>
      this.guarded('getLocation', opts, () => {
        if (this.location.permission === undefined) this.asked(this.location.answer === 'allow');
        if (!this.location.permission)
          return this.settle(opts, { ok: false, errMsg: 'getLocation:fail auth deny' });
        this.settle(opts, { ok: true, res: { ...this.location.coords } });
      }),
    setClipboardData: (opts: Callbacks<{ errMsg: string }> & { data: string }) =>
      this.guarded('setClipboardData', opts, () => {
        this.clipboard.text = opts.data;
        this.settle(opts, { ok: true, res: { errMsg: 'setClipboardData:ok' } });
      }),
    requestSubscribeMessage: (opts: Callbacks<Record<string, string>> & { tmplIds: string[] }) => {
      this.subscribe.prompts.push(opts.tmplIds);
      const answer = this.subscribe.answers.shift() ?? 'reject';
      if (answer === 'throw')
        throw new Error('requestSubscribeMessage: can only be invoked by user TAP gesture');
      if (typeof answer === 'object') return this.settle(opts, { ok: false, ...answer });
      const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' };
      for (const id of opts.tmplIds) res[id] = answer;
      this.settle(opts, { ok: true, res });
    },
    showActionSheet: (opts: Callbacks<{ tapIndex: number }> & { itemList: string[] }) => {
      this.ui.actionSheets.push(opts.itemList);
      const tap = this.ui.actionSheetTaps.shift() ?? 0;
      this.settle(
        opts,
        tap === 'cancel'
          ? { ok: false, errMsg: 'showActionSheet:fail cancel' }
          : { ok: true, res: { tapIndex: tap } },
      );
    },
    showModal: (
      opts: Callbacks<{ confirm: boolean; cancel: boolean }> & { title?: string; content?: string },
    ) => {
      this.ui.modals.push({ title: opts.title, content: opts.content });
      const confirm = this.ui.modalAnswers.shift() ?? true;
      this.settle(opts, { ok: true, res: { confirm, cancel: !confirm } });
    },
    showToast: (opts: Callbacks<unknown> & { title: string; icon?: string }) => {
      this.ui.toasts.push({ title: opts.title, icon: opts.icon });
      this.settle(opts, { ok: true, res: {} });
    },
    makePhoneCall: (opts: Callbacks<unknown> & { phoneNumber: string }) => {
      this.ui.phoneCalls.push(opts.phoneNumber);
      this.settle(opts, { ok: true, res: {} });
    },
    navigateTo: (opts: Callbacks<unknown> & { url: string }) => {
      this.ui.navigations.push(opts.url);
      this.settle(opts, { ok: true, res: {} });
    },
    stopPullDownRefresh: () => undefined,
    getNetworkType: (opts: Callbacks<{ networkType: string }>) =>
      this.settle(opts, { ok: true, res: { networkType: 'wifi' } }),
  };
}

/** APIs whose effect a test checks by their options: the fake records the call and succeeds. */
const RECORDED = [
  'openLocation',
  'previewImage',
  'switchTab',
  'redirectTo',
  'navigateBack',
  'reLaunch',
  'setScreenBrightness',
  'setKeepScreenOn',
  'showShareMenu',
  'openDocument',
  'setNavigationBarTitle',
  'setTabBarItem',
  'vibrateShort',
];

/**
 * Installs a fresh fake as the global `wx`. APIs the fake does not script fall through to whatever `wx` was
 * there before (miniprogram-simulate's stubs in component tests), so rendering keeps working.
 */
let base: Record<string, unknown> | undefined;

export function installFakeWx(): FakeWx {
  const fake = new FakeWx();
  const g = globalThis as unknown as { wx?: Record<string, unknown> };
  base = base ?? g.wx ?? {};
  const previous = base;
  const api = fake.api as unknown as Record<string, unknown>;
  for (const name of RECORDED) {
    api[name] = (options: Callbacks<Record<string, unknown>> & Record<string, unknown> = {}) => {
      fake.calls.push({ api: name, options });
      fake.settle(options, { ok: true, res: { errMsg: `${name}:ok` } });
    };
  }
  g.wx = new Proxy(api, {
    get: (target, key: string) => (key in target ? target[key] : previous[key]),
    has: (target, key: string) => key in target || key in previous,
  });
  return fake;
}
