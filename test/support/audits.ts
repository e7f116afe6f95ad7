// The one harness behind the Audits budgets in `npm test` and behind `npm run previews`: every page of the
// catalogue, in each of its states and in both languages, rendered with miniprogram-simulate over the real
// service layer (the fake wx connected to the in-process dev API and its demo data). Each state is captured
// once the page shows it (its own content on screen, the loading indicator gone, nothing under way on the phone),
// never after a lapse of time, so a busy machine gives the same answer. Then it is measured:
//   - every setData (the page's and its components') <= 32 KB, and the number of calls per user action;
//   - WXML nodes < 1000, depth < 30, <= 60 children per node;
//   - in Chromium (when installed): every tappable element >= 20 x 20 px, text contrast >= 4.5 (3 if large).
// A failure names the page, the state, the language and the element.
import fs from 'fs';
import http from 'http';
import path from 'path';
import simulate from 'miniprogram-simulate';
import { srcDir } from '../../scripts/lib/paths';
import { openBrowser, type BrowserClient } from '../../scripts/lib/previews/browser';
import { previewDocument, type PageChrome } from '../../scripts/lib/previews/document';
import type { BrowserFindings } from '../../scripts/lib/previews/in-page-audit';
import {
  assetUrl,
  measureTree,
  snapshotHtml,
  type ExparserNode,
  type TreeFigures,
} from '../../scripts/lib/previews/snapshot';
import { connect, startApiServer, type RunningServer } from './server';
import { installFakeWx, type FakeWx } from './fake-wx';
import { jsonBytes, KB } from './set-data';
import { renderPage, textOf, waitFor, type Rendered } from './simulate';
import { common } from '../../miniprogram/i18n/common';

export const AUDIT_BUDGETS = {
  setDataBytes: 32 * KB,
  /** setData calls for a tap that changes one thing. */
  setDataPerTap: 2,
  /** Fewer than these. */
  nodes: 1000,
  depth: 30,
  /** At most this many. */
  children: 60,
};

export type StateName = 'loaded' | 'empty' | 'error' | 'offline';
export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
export type Query = Record<string, string>;

/** What fixtures get: the fake phone (storage, login user) and the dev API it talks to. */
export interface AuditContext {
  fake: FakeWx;
  api: RunningServer;
}

export interface TapAction {
  name: string;
  /** Selector of the element to tap; a list goes down through components (['.status', '.action']). */
  tap: string | string[];
  /** Which of the elements the last selector matches (default 0). */
  index?: number;
  /**
   * A tap that changes every string (a language switch): its setData calls are recorded, not held to the
   * budget for a tap that changes one thing.
   */
  changesEverything?: boolean;
}

/**
 * What marks each state on screen: class selectors (`.status.error` is one element with both classes), any one
 * of which must be present. A loaded page shows none of the others' marks.
 */
const STATE_MARKS: Record<StateName, string[]> = {
  loaded: [],
  empty: ['.status.empty'],
  error: ['.status.error', '.note.offline'],
  offline: ['.status.error', '.note.offline'],
};
const LOADING_MARK = '.status.loading';
const LOADING_TEXTS = [common['zh-CN'].loading, common.en.loading];
/** A bound on a page that never shows its state, so the failure is reported rather than the test timing out. */
const REACH_LIMIT_MS = 10_000;

/** One page of the catalogue: how to open it, and which states and taps it has. */
export interface PageEntry {
  route: string;
  /** The page's query for the loaded, error and offline states; may create what it needs through the app's services. */
  open?: (ctx: AuditContext) => Query | Promise<Query>;
  /** When given, the page also has an empty state, opened with this query. */
  empty?: (ctx: AuditContext) => Query | Promise<Query>;
  /** Defaults: loaded, error, offline (and empty when `empty` is given). */
  states?: StateName[];
  /**
   * Where the page shows a state its own way, the selector of what marks it there (instead of STATE_MARKS):
   * content kept from the last visit, a footer line, a form that needs no network.
   */
  shows?: Partial<Record<StateName, string>>;
  /** Taps measured in the loaded state, each from a fresh render. */
  actions?: TapAction[];
  /** Loads the page instead of renderPage(route): for pages outside miniprogram/ (the harness's own test). */
  load?: () => Rendered;
}

export interface SetDataCall {
  component: string;
  keys: string[];
  bytes: number;
}

export interface ShotResult {
  name: string;
  route: string;
  state: StateName;
  lang: Lang;
  tree: TreeFigures;
  setData: { calls: number; largest: number; largestAt: string };
  actions: Array<{ name: string; calls: number; keys: string[] }>;
  browser?: BrowserFindings;
  png?: string;
  failures: string[];
}

export function statesOf(entry: PageEntry): StateName[] {
  return entry.states ?? (['loaded', ...(entry.empty ? ['empty'] : []), 'error', 'offline'] as StateName[]);
}

/** `pages/home/index` -> home; `packages/tickets/pages/book/index` -> tickets-book. */
export function pageName(route: string): string {
  const m = /^(?:packages\/([^/]+)\/)?pages\/(.+)\/index$/.exec(route);
  if (!m) return route.replace(/\W+/g, '-');
  return [m[1], m[2]!.replace(/\//g, '-')].filter(Boolean).join('-');
}

/** Whether an element under root has every class of `selector` (simulate prefixes classes with their scope). */
function present(root: Element, selector: string): boolean {
  const wanted = selector.split('.').filter(Boolean);
  return [...root.querySelectorAll('[class]')].some((el) => {
    const classes = new Set([...el.classList].map((c) => c.replace(/^[a-z0-9-]+?--/, '')));
    return wanted.every((c) => classes.has(c));
  });
}

// ---------------------------------------------------------------------------------------------------------
// Adjustments to miniprogram-simulate, made once for the test file that imports this harness.

const src = srcDir;

/** 750 rpx = 375 px: simulate writes 1 rpx as 1 px, which would make every page twice as wide as a phone. */
const rpxToPx = (css: string): string =>
  css.replace(/(-?\d*\.?\d+)rpx/gi, (_, n: string) => `${Math.round(Number(n) * 50) / 100}px`);

type Exparser = {
  Component: { prototype: { setData(this: ExparserNode, data: Record<string, unknown>): void } };
};

let sink: SetDataCall[] | undefined;

/** Vant's own animation steps (a popup opening) are not the page's to batch: the page's calls are the rest. */
const ours = (calls: SetDataCall[]) => calls.filter((c) => !c.component.startsWith('van-'));

function patchSimulate(): void {
  /* eslint-disable @typescript-eslint/no-require-imports -- simulate's internals, patched where it looks them up */
  const simUtils = require('miniprogram-simulate/src/utils') as { transformRpx(s: string): string };
  const jUtils = require('j-component/src/tool/utils') as { transformRpx(s: string): string };
  const wxss = require('miniprogram-simulate/src/wxss') as {
    compile(css: string, options: { prefix?: string }): string;
  };
  const exparser = require('miniprogram-exparser') as Exparser;
  /* eslint-enable @typescript-eslint/no-require-imports */
  simUtils.transformRpx = rpxToPx;
  jUtils.transformRpx = rpxToPx;
  // `:host` means the component's own element, which in simulate's light DOM is its tag.
  const compile = wxss.compile;
  wxss.compile = (css, options) => compile(css, options).replace(/:host\b/g, options.prefix || 'main');
  const setData = exparser.Component.prototype.setData;
  exparser.Component.prototype.setData = function (data) {
    sink?.push({
      component: this.$$?.tagName.toLowerCase() ?? '?',
      keys: Object.keys(data),
      bytes: jsonBytes(data),
    });
    return setData.call(this, data);
  };
}
patchSimulate();

/**
 * Tasks deferred to the next turn (`setTimeout(fn, 0)`, e.g. a cached response's revalidation delivered after the
 * cached value painted) still under way: a state counts as reached only once they have run. Longer timers are a
 * page's pollers and clocks, not part of reaching a state.
 */
const deferred = new Set<unknown>();

function trackDeferredTasks(): void {
  const g = globalThis as unknown as {
    setTimeout: (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => unknown;
    clearTimeout: (id: unknown) => void;
  };
  const { setTimeout: set, clearTimeout: clear } = g;
  g.setTimeout = (fn, ms, ...args) => {
    if (typeof fn !== 'function' || (ms ?? 0) > 0) return set(fn, ms, ...args);
    const id = set(() => {
      deferred.delete(id);
      fn(...args);
    }, 0);
    deferred.add(id);
    return id;
  };
  g.clearTimeout = (id) => {
    deferred.delete(id);
    clear(id);
  };
}
trackDeferredTasks();

/** app.wxss applies to every page: its classes carry the page's scope, `page` is the page's root element. */
function appStyles(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wxss = require('miniprogram-simulate/src/wxss') as {
    compile(css: string, o: { prefix: string }): string;
  };
  const file = path.join(src, 'app.wxss');
  if (!fs.existsSync(file)) return '';
  const css = wxss.compile(fs.readFileSync(file, 'utf8'), { prefix: 'main' });
  return rpxToPx(css.replace(/(^|[},\s])page(?=[\s{,.:[#>~+])/g, '$1main'));
}

// ---------------------------------------------------------------------------------------------------------
// Running pages.

const AUDIT_INSTANT = Date.parse('2026-11-22T22:30:00Z'); // Monday 11:30 in Auckland: places open, events on.

interface AppJson {
  window?: {
    navigationBarTitleText?: string;
    navigationBarBackgroundColor?: string;
    navigationBarTextStyle?: string;
  };
  tabBar?: {
    color?: string;
    selectedColor?: string;
    backgroundColor?: string;
    list?: Array<{ pagePath: string; text: string; iconPath?: string; selectedIconPath?: string }>;
  };
}

const readJson = <T>(file: string): T | undefined =>
  fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as T) : undefined;

type PageInstance = {
  onLoad?(query: Query): void;
  onShow?(): void;
  onHide?(): void;
  onUnload?(): void;
};

export interface HarnessOptions {
  /** Also write each render as a PNG here (npm run previews); undefined: audit only. */
  previewsDir?: string;
}

export class AuditHarness {
  private api!: RunningServer;
  private browser: BrowserClient | undefined;
  private fake: FakeWx | undefined;
  private visitors = 0;
  readonly results: ShotResult[] = [];
  private appCss = appStyles();
  private app = readJson<AppJson>(path.join(src, 'app.json')) ?? {};

  constructor(private readonly options: HarnessOptions = {}) {}

  /** True when the browser checks run (Chromium found). */
  get hasBrowser(): boolean {
    return this.browser !== undefined;
  }

  async start(): Promise<void> {
    this.api = await startApiServer({ now: () => this.fake?.clock.now ?? AUDIT_INSTANT });
    this.browser = await openBrowser();
  }

  async stop(): Promise<void> {
    await this.browser?.close();
    await this.api?.close();
  }

  /** Every language of one state of one page; the failures name page, state, language and element. */
  async run(entry: PageEntry, state: StateName): Promise<ShotResult[]> {
    await this.devPost('/dev/reset');
    const fake = this.newPhone();
    await this.coldStart('zh-CN');
    const ctx: AuditContext = { fake, api: this.api };
    const query = (await (state === 'empty' ? entry.empty : entry.open)?.(ctx)) ?? {};
    if (state === 'offline') {
      // A revisit with the network gone: whatever the page cached on the first visit is what it can show.
      await this.coldStart('zh-CN');
      this.close((await this.open(entry, query, 'loaded')).page);
      fake.inject({ fault: 'offline', times: Infinity });
    }
    if (state === 'error') fake.inject({ fault: 'http500', times: Infinity });
    const shots: ShotResult[] = [];
    for (const lang of LANGS) shots.push(await this.shot(entry, state, lang, query));
    if (state === 'loaded') {
      for (const action of entry.actions ?? [])
        shots[0]!.actions.push(await this.act(entry, query, action, shots[0]!));
    }
    this.results.push(...shots);
    return shots;
  }

  private newPhone(): FakeWx {
    const fake = installFakeWx();
    fake.clock.now = AUDIT_INSTANT;
    // A new visitor each time: login codes are single-use, and nobody's orders leak into the next state.
    fake.login.user = `visitor${++this.visitors}`;
    connect(fake, this.api);
    this.fake = fake;
    return fake;
  }

  /** A fresh run of the app's modules (memory gone, the phone's storage kept) in a language. */
  private async coldStart(lang: Lang): Promise<void> {
    jest.resetModules();
    const { clock } = await import('../../miniprogram/services/clock');
    this.fake!.bindClock(clock);
    (await import('../../miniprogram/services/privacy')).installPrivacyHandler();
    (await import('../../miniprogram/i18n/index')).setLang(lang);
  }

  /** Loads the page as WeChat opens it and waits until it shows `state`; `unreached` says why it never did. */
  private async open(
    entry: PageEntry,
    query: Query,
    state: StateName,
  ): Promise<{ page: Rendered; unreached?: string }> {
    document.head.innerHTML = '';
    const page = entry.load ? entry.load() : renderPage(entry.route);
    const instance = page.instance as unknown as PageInstance;
    instance.onLoad?.(query);
    instance.onShow?.();
    const unreached = await this.until(
      () => this.lacking(entry, state, page),
      () => `; the page shows: ${textOf(page).slice(0, 200)}`,
    );
    return { page, unreached };
  }

  /** What keeps the page from showing `state` ('' when it does). */
  private lacking(entry: PageEntry, state: StateName, page: Rendered): string {
    const root = page.dom as Element;
    if (this.busy()) return 'the phone is still busy (a request, a callback or a deferred task under way)';
    const text = textOf(page);
    if (present(root, LOADING_MARK) || LOADING_TEXTS.some((t) => text.includes(t)))
      return 'the loading indicator is still on screen';
    const own = entry.shows?.[state];
    const marks = own ? [own] : STATE_MARKS[state];
    if (marks.length && !marks.some((m) => present(root, m)))
      return `nothing of ${marks.join(' or ')} on screen`;
    if (state !== 'loaded') return '';
    const other = [...STATE_MARKS.empty, ...STATE_MARKS.error].find((m) => present(root, m));
    return other ? `${other} is on screen` : '';
  }

  private busy(): boolean {
    return !this.fake!.idle || deferred.size > 0;
  }

  /** Waits until `lacking` is empty; then undefined, else what was still lacking at the limit. */
  private async until(lacking: () => string, context: () => string): Promise<string | undefined> {
    try {
      await waitFor(
        () => lacking() === '',
        () => lacking() + context(),
        REACH_LIMIT_MS,
      );
      return undefined;
    } catch (error) {
      return (error as Error).message;
    }
  }

  private close(page: Rendered): void {
    const instance = page.instance as unknown as PageInstance;
    instance.onHide?.();
    instance.onUnload?.();
    (page as unknown as { detach(): void }).detach();
  }

  private async shot(entry: PageEntry, state: StateName, lang: Lang, query: Query): Promise<ShotResult> {
    const name = pageName(entry.route);
    const where = `${name} — ${state} (${lang})`;
    await this.coldStart(lang);
    const calls: SetDataCall[] = [];
    sink = calls;
    let opened: { page: Rendered; unreached?: string };
    try {
      opened = await this.open(entry, query, state);
    } finally {
      sink = undefined;
    }
    const { page } = opened;
    const root = page.dom as Element;
    const tree = measureTree(root);
    const largest = calls.reduce<SetDataCall | undefined>(
      (a, c) => (!a || c.bytes > a.bytes ? c : a),
      undefined,
    );
    const result: ShotResult = {
      name,
      route: entry.route,
      state,
      lang,
      tree,
      setData: {
        calls: calls.length,
        largest: largest?.bytes ?? 0,
        largestAt: largest ? `<${largest.component}> ${largest.keys.join(', ')}` : '',
      },
      actions: [],
      failures: [],
    };
    const fail = (message: string) => result.failures.push(`${where}: ${message}`);
    if (opened.unreached) fail(`never showed its ${state} state: ${opened.unreached}`);
    for (const call of calls) {
      if (call.bytes > AUDIT_BUDGETS.setDataBytes)
        fail(
          `setData of ${call.bytes} bytes (> ${AUDIT_BUDGETS.setDataBytes}) from <${call.component}>: ${call.keys.join(', ')}`,
        );
    }
    if (tree.nodes >= AUDIT_BUDGETS.nodes)
      fail(`${tree.nodes} WXML nodes (must be < ${AUDIT_BUDGETS.nodes})`);
    if (tree.depth >= AUDIT_BUDGETS.depth)
      fail(`WXML depth ${tree.depth} (must be < ${AUDIT_BUDGETS.depth}) at ${tree.deepest}`);
    if (tree.maxChildren > AUDIT_BUDGETS.children)
      fail(`${tree.widest} has ${tree.maxChildren} children (at most ${AUDIT_BUDGETS.children})`);

    const html = previewDocument({
      body: snapshotHtml(root, {
        images: this.options.previewsDir !== undefined,
        dir: path.dirname(entry.route),
        canvas: await this.qrStandIn(),
      }),
      styles: [this.appCss, ...[...document.head.querySelectorAll('style')].map((s) => s.textContent ?? '')],
      chrome: this.chrome(entry.route),
    });
    this.close(page);
    if (this.browser) {
      const png =
        this.options.previewsDir && path.join(this.options.previewsDir, `${name}--${state}--${lang}.png`);
      const res = await this.browser.render({ html, audit: true, screenshot: png || undefined });
      if (res.error) fail(`the browser could not render it: ${res.error}`);
      if (res.findings) {
        result.browser = res.findings;
        for (const t of res.findings.smallTaps)
          fail(`tap target ${t.element} is ${t.width}×${t.height} px (at least 20×20)`);
        for (const c of res.findings.lowContrast)
          fail(
            `text ${c.element} has contrast ${c.ratio} (${c.color} on ${c.background}; needs ${c.required})`,
          );
      }
      if (png) result.png = path.basename(png);
    }
    return result;
  }

  /** One tap from a fresh loaded render: the setData calls it causes, against its budget. */
  private async act(
    entry: PageEntry,
    query: Query,
    action: TapAction,
    into: ShotResult,
  ): Promise<ShotResult['actions'][0]> {
    await this.coldStart(into.lang);
    const { page } = await this.open(entry, query, 'loaded');
    const calls: SetDataCall[] = [];
    sink = calls;
    try {
      const selectors = Array.isArray(action.tap) ? action.tap : [action.tap];
      let target: Rendered | undefined = page;
      for (const [i, selector] of selectors.entries()) {
        const last = i === selectors.length - 1;
        target = last
          ? target?.querySelectorAll(selector)[action.index ?? 0]
          : (target?.querySelector(selector) ?? undefined);
      }
      if (!target) {
        into.failures.push(
          `${into.name} — loaded (${into.lang}): action "${action.name}" found nothing at ${selectors.join(' ')}`,
        );
        return { name: action.name, calls: 0, keys: [] };
      }
      target.dispatchEvent('tap');
      // Done when the page has answered the tap and nothing it started is still under way on the phone.
      const unanswered = await this.until(
        () => (this.busy() ? 'the phone is still busy' : ours(calls).length ? '' : 'no setData'),
        () => ` after "${action.name}"`,
      );
      if (unanswered)
        into.failures.push(`${into.name} — loaded (${into.lang}): action "${action.name}": ${unanswered}`);
    } finally {
      sink = undefined;
      this.close(page);
    }
    const mine = ours(calls);
    const max = AUDIT_BUDGETS.setDataPerTap;
    if (!action.changesEverything && mine.length > max) {
      into.failures.push(
        `${into.name} — loaded (${into.lang}): "${action.name}" made ${mine.length} setData calls (at most ${max}): ` +
          mine.map((c) => `<${c.component}> ${c.keys.join(', ')}`).join(' | '),
      );
    }
    return { name: action.name, calls: mine.length, keys: mine.flatMap((c) => c.keys) };
  }

  /** The ticket QR's canvas, drawn as SVG from the same matrix the component paints. */
  private async qrStandIn(): Promise<(payload: string) => string> {
    const { qrMatrix, QUIET_ZONE } = await import('../../miniprogram/components/ticket-qr/qr-matrix');
    return (payload) => {
      const { size, dark } = qrMatrix(payload);
      const side = size + 2 * QUIET_ZONE;
      const cells = dark
        .flatMap((row, y) => row.map((on, x) => (on ? `M${x + QUIET_ZONE} ${y + QUIET_ZONE}h1v1h-1z` : '')))
        .join('');
      return `<svg viewBox="0 0 ${side} ${side}" xmlns="http://www.w3.org/2000/svg"><rect width="${side}" height="${side}" fill="#fff"/><path d="${cells}" fill="#000"/></svg>`;
    };
  }

  /** The navigation bar (the page's title, as last set) and, on tab pages, the tab bar; theme.json's light values. */
  private chrome(route: string): PageChrome {
    const theme = readJson<{ light?: Record<string, string> }>(path.join(src, 'theme.json'))?.light ?? {};
    const v = (value: string | undefined) => (value?.startsWith('@') ? theme[value.slice(1)] : value);
    const win = { ...this.app.window, ...readJson<AppJson['window']>(path.join(src, `${route}.json`)) };
    const fake = this.fake!;
    const title = String(
      fake.callsTo('setNavigationBarTitle').at(-1)?.title ?? v(win.navigationBarTitleText) ?? '',
    );
    const tab = this.app.tabBar;
    const list = tab?.list ?? [];
    const texts = list.map((item) => item.text);
    for (const call of fake.callsTo('setTabBarItem')) {
      if (typeof call.index === 'number' && typeof call.text === 'string') texts[call.index] = call.text;
    }
    return {
      title,
      barBackground: v(win.navigationBarBackgroundColor) ?? '#000000',
      barText: v(win.navigationBarTextStyle) === 'black' ? 'black' : 'white',
      tabBar: list.some((item) => item.pagePath === route)
        ? {
            color: v(tab?.color) ?? '#7a7e83',
            selectedColor: v(tab?.selectedColor) ?? '#07c160',
            backgroundColor: v(tab?.backgroundColor) ?? '#ffffff',
            items: list.map((item, i) => {
              const selected = item.pagePath === route;
              const icon = v(selected ? item.selectedIconPath : item.iconPath);
              return { text: texts[i] ?? '', selected, icon: icon ? assetUrl(icon) : '' };
            }),
          }
        : undefined,
    };
  }

  private devPost(pathname: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const req = http.request(`${this.api.origin}${pathname}`, { method: 'POST' }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode && res.statusCode < 300
            ? resolve()
            : reject(new Error(`${pathname}: ${res.statusCode}`)),
        );
      });
      req.on('error', reject);
      req.end();
    });
  }
}

/** Loads a component from any directory as a page (the harness's own over-budget fixture). */
export function loadPageAt(dir: string): Rendered {
  const id = simulate.load(path.join(dir, 'index'), { rootPath: dir });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}
