/** @jest-environment jsdom */
// The privacy authorization flow on every page that calls a privacy-guarded API (wx.onNeedPrivacyAuthorization,
// agree or refuse): which pages those are is worked out from the sources (a page whose imports or components reach
// a guarded wx API), so a new one cannot go untested. Agreeing lets the call through; refusing leaves the page
// working (popularity order, rows and cards that open; a link not copied says how to copy it by hand), and the
// question is asked again next time.
import fs from 'node:fs';
import path from 'node:path';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { textOf } from '../support/simulate';
import { FakeMapContext } from '../pages/guide/fakes';
import { openPage, until, type OpenedPage } from '../pages/guide/helpers';

const SRC = path.resolve(__dirname, '../../miniprogram');

/** APIs WeChat puts behind the user privacy agreement (its privacy guide's list of interfaces). */
const GUARDED = [
  'getLocation',
  'getFuzzyLocation',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'onLocationChange',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'chooseImage',
  'chooseMedia',
  'chooseVideo',
  'chooseMessageFile',
  'saveImageToPhotosAlbum',
  'saveVideoToPhotosAlbum',
  'setClipboardData',
  'getClipboardData',
  'addPhoneContact',
  'addPhoneCalendar',
  'addPhoneRepeatCalendar',
  'chooseInvoice',
  'chooseInvoiceTitle',
  'chooseLicensePlate',
  'getWeRunData',
  'startRecord',
  'openBluetoothAdapter',
  'authorize',
];

const read = (file: string) => fs.readFileSync(file, 'utf8');

/** The .ts files a module imports (relative imports only: the app has no other kind of its own). */
function importsOf(file: string): string[] {
  return [...read(file).matchAll(/(?:from|import\()\s*'(\.[^']+)'/g)].map((m) =>
    path.resolve(path.dirname(file), `${m[1]}.ts`),
  );
}

/** The component directories (index.ts) a page or component uses. */
function componentsOf(file: string): string[] {
  const json = file.replace(/\.ts$/, '.json');
  if (!fs.existsSync(json)) return [];
  const using =
    (JSON.parse(read(json)) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
  return Object.values(using)
    .filter((p) => !p.includes('miniprogram_npm'))
    .map((p) => path.resolve(path.dirname(file), `${p}.ts`));
}

/** Whether a page can reach a guarded API, through its imports and its components, transitively. */
function reachesGuarded(file: string, seen = new Set<string>()): boolean {
  if (seen.has(file) || !fs.existsSync(file)) return false;
  seen.add(file);
  const code = read(file);
  if (GUARDED.some((api) => new RegExp(`\\bwx\\.${api}\\b`).test(code))) return true;
  return [...importsOf(file), ...componentsOf(file)].some((next) => reachesGuarded(next, seen));
}

function pagesOfApp(): string[] {
  const app = JSON.parse(read(path.join(SRC, 'app.json'))) as {
    pages: string[];
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  return [...app.pages, ...(app.subpackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))];
}

/** Pages whose guarded call is the location (near me). */
const LOCATING = ['pages/guide/index', 'pages/map/index'];
/** Pages whose guarded call is the clipboard (copying a link). */
const COPYING = ['packages/guide/pages/poi/index'];

test('the pages that can call a privacy-guarded API are exactly the ones tested here, each with its sheet', () => {
  const guarded = pagesOfApp().filter((page) => reachesGuarded(path.join(SRC, `${page}.ts`)));
  expect(guarded.sort()).toEqual([...LOCATING, ...COPYING].sort());
  for (const page of guarded) {
    const using = Object.keys(
      (JSON.parse(read(path.join(SRC, `${page}.json`))) as { usingComponents: Record<string, string> })
        .usingComponents,
    );
    expect([page, using.some((c) => c === 'location-prompt' || c === 'privacy-sheet')]).toEqual([page, true]);
  }
});

interface GuidePage {
  onLoad(query: Record<string, string>): void;
  data: {
    prompt: string;
    rows?: Array<{ name: string; distance: string }>;
    cards?: Array<{ name: string; distance: string }>;
    markers?: unknown[];
  };
}

let api: RunningServer;
let fake: FakeWx;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
});
afterAll(() => api.close());

beforeEach(() => {
  fake = installFakeWx();
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  fake.privacy.needAuthorization = true;
  connect(fake, api);
  fake.extend({ createMapContext: () => new FakeMapContext() });
});

/** The guide list's rows or the map's cards: what the user reads either way. */
const entries = (o: OpenedPage<GuidePage>) => o.methods.data.rows ?? o.methods.data.cards ?? [];

async function open(route: string): Promise<OpenedPage<GuidePage>> {
  const o = await openPage<GuidePage>(fake, route);
  await until(() => entries(o).length > 0, 'the places', o.page);
  return o;
}

async function askForLocation(o: OpenedPage<GuidePage>): Promise<void> {
  o.page.querySelector('.near')!.dispatchEvent('tap');
  await until(() => o.methods.data.prompt === 'privacy', 'the privacy agreement', o.page);
  expect(textOf(o.page, '.prompt')).toContain('隐私保护提示');
}

const answer = (o: OpenedPage<GuidePage>, which: 'agree' | 'decline') =>
  o.page
    .querySelector('.prompt')!
    .querySelector(`.${which}`)!
    .dispatchEvent(which === 'agree' ? 'agreeprivacyauthorization' : 'tap', { detail: {} });

describe.each(LOCATING)('%s', (route) => {
  test('agreeing: the location is used (distances shown) and not asked for again', async () => {
    const o = await open(route);
    await askForLocation(o);
    answer(o, 'agree');
    await until(() => entries(o).some((e) => e.distance !== ''), 'distances', o.page);
    expect(o.methods.data.prompt).toBe('');
    expect(fake.privacy.needAuthorization).toBe(false);
  });

  test('refusing: no location, a short note, and the page keeps working; asked again on the next try', async () => {
    const o = await open(route);
    const before = entries(o).map((e) => e.name);
    await askForLocation(o);
    answer(o, 'decline');
    await until(() => fake.ui.toasts.length > 0, 'the note', o.page);
    expect(fake.ui.toasts.at(-1)).toEqual({ title: '未获取位置，已按热门排序', icon: 'none' });
    expect(o.methods.data.prompt).toBe('');
    expect(entries(o).map((e) => e.name)).toEqual(before);
    expect(entries(o).every((e) => e.distance === '')).toBe(true);
    // A place still opens.
    const entry = o.page.querySelector('.row') ?? o.page.querySelector('.card');
    entry!.querySelector('.poi')!.dispatchEvent('tap');
    await until(() => fake.ui.navigations.length > 0, 'the POI page', o.page);
    expect(fake.ui.navigations[0]).toMatch(/^\/packages\/guide\/pages\/poi\/index\?id=/);
    // Refusing is not forever: the next "near me" asks again.
    await askForLocation(o);
    answer(o, 'agree');
    await until(() => entries(o).some((e) => e.distance !== ''), 'distances', o.page);
  });
});

describe.each(COPYING)('%s', (route) => {
  const WEBSITE = 'https://harbour-dumplings.example.com';

  async function openWithLinks(): Promise<OpenedPage<GuidePage>> {
    const o = await openPage<GuidePage>(fake, route, { id: 'harbour-dumplings-demo' });
    await until(() => o.page.querySelector('.copy-website') !== undefined, 'the links', o.page);
    return o;
  }

  async function copyWebsite(o: OpenedPage<GuidePage>): Promise<void> {
    o.page.querySelector('.copy-website')!.querySelector('.button')!.dispatchEvent('tap');
    await until(() => textOf(o.page, '.privacy').includes('隐私保护提示'), 'the privacy agreement', o.page);
  }

  const sheetButton = (o: OpenedPage<GuidePage>, which: 'agree' | 'refuse') =>
    o.page
      .querySelector('.privacy')!
      .querySelector(`.${which}`)!
      .dispatchEvent(which === 'agree' ? 'agreeprivacyauthorization' : 'tap', { detail: {} });

  test('agreeing: the link is copied, and not asked for again', async () => {
    const o = await openWithLinks();
    await copyWebsite(o);
    sheetButton(o, 'agree');
    await until(() => fake.ui.toasts.length > 0, 'the toast', o.page);
    expect(fake.clipboard.text).toBe(WEBSITE);
    expect(fake.ui.toasts).toEqual([{ title: '链接已复制，请粘贴到浏览器中打开', icon: 'none' }]);
    expect(textOf(o.page, '.privacy')).toBe('');
    expect(fake.privacy.needAuthorization).toBe(false);
  });

  test('refusing: nothing copied, how to copy it by hand, the page as it was; asked again on the next try', async () => {
    const o = await openWithLinks();
    await copyWebsite(o);
    sheetButton(o, 'refuse');
    await until(() => fake.ui.toasts.length > 0, 'the note', o.page);
    expect(fake.ui.toasts.at(-1)).toEqual({ title: '未能复制，可长按链接手动复制', icon: 'none' });
    expect(fake.clipboard.text).toBe('');
    expect(textOf(o.page, '.privacy')).toBe('');
    expect(textOf(o.page, '.website')).toContain('harbour-dumplings.example.com');
    await copyWebsite(o);
    sheetButton(o, 'agree');
    await until(() => fake.clipboard.text === WEBSITE, 'the copy', o.page);
  });
});
