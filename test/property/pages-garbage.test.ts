/** @jest-environment jsdom */
// A page of every feature, its endpoint answering garbage (fixed shapes a broken server sends, a real answer with one
// field of the wrong kind, and random mangles from fast-check): the page settles in its error state with the data
// message and a retry, never throws and never shows "undefined", "null", "NaN" or "[object Object]"; once the
// server answers properly again, the retry shows the page.
import fc from 'fast-check';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { textOf } from '../support/simulate';
import { openPage, until } from '../pages/guide/helpers';
import { garbage } from './hostile-json';

interface Feature {
  feature: string;
  route: string;
  query?: Record<string, string>;
  /** The endpoint the page cannot do without. */
  endpoint: RegExp;
}

const FEATURES: Feature[] = [
  { feature: 'home', route: 'pages/home/index', endpoint: /^\/v1\/destination$/ },
  {
    feature: 'guide',
    route: 'packages/guide/pages/poi/index',
    query: { id: 'sky-tower' },
    endpoint: /^\/v1\/pois\/sky-tower$/,
  },
  {
    feature: 'tickets',
    route: 'packages/tickets/pages/product/index',
    query: { productId: 'sky-tower-skydeck' },
    endpoint: /^\/v1\/products\/sky-tower-skydeck$/,
  },
  { feature: 'trips', route: 'pages/trips/index', endpoint: /^\/v1\/tickets$/ },
  { feature: 'orders', route: 'packages/orders/pages/list/index', endpoint: /^\/v1\/orders$/ },
  { feature: 'coupons', route: 'packages/coupons/pages/offers/index', endpoint: /^\/v1\/offers$/ },
  {
    feature: 'insurance',
    route: 'packages/insurance/pages/plans/index',
    endpoint: /^\/v1\/insurance\/plans$/,
  },
];

const NEVER_SHOWN = /undefined|\bnull\b|NaN|\[object Object\]/;

let api: RunningServer;
let fake: FakeWx;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.parse('2026-11-22T09:00:00Z')) });
});
afterAll(() => api.close());

let visitors = 0;

beforeEach(() => {
  fake = installFakeWx();
  // Login codes are single use on the server, which outlives each test: every test is its own visitor.
  fake.login.user = `garbage${++visitors}`;
  fake.envVersion = 'trial';
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  connect(fake, api);
});

type Page = {
  onLoad(query: Record<string, string>): void;
  onShow?(): void;
  onRetry?(): void;
  data: { state: string };
};

async function render(f: Feature, body: unknown) {
  fake.storage.clear();
  fake.net.handler = (req) =>
    f.endpoint.test(new URL(req.url).pathname) ? { status: 200, data: body } : fake.fromServer(req);
  const opened = await openPage<Page>(fake, f.route, f.query ?? {});
  opened.methods.onShow?.();
  await until(() => opened.methods.data.state !== 'loading', 'the page to settle', opened.page);
  return opened;
}

/** The real answer with the first field of its first item (or its first field) made a number. */
function oneFieldBroken(real: Record<string, unknown>): unknown {
  const items = real.items as Array<Record<string, unknown>> | undefined;
  if (items?.[0])
    return { ...real, items: [{ ...items[0], [Object.keys(items[0])[0]!]: 42 }, ...items.slice(1)] };
  return { ...real, [Object.keys(real)[0]!]: 42 };
}

describe.each(FEATURES.map((f) => [f.feature, f] as const))('%s', (_feature, f) => {
  test('garbage from its endpoint: the error state with the data message and a retry that recovers', async () => {
    // A real answer, for a document the decoder reads but with one field of the wrong kind; that user's orders and
    // tickets are empty lists, which makes an item to break.
    const sample = await fake.fromServer({
      url: `${api.origin}${f.endpoint.source.replace(/[\\^$]/g, '')}`,
      method: 'GET',
      headers: {},
      body: undefined,
    });
    const real = (sample.status === 200 ? sample.data : { items: [{ id: 'x' }] }) as Record<string, unknown>;
    for (const body of [
      null,
      '<html><body>502 Bad Gateway</body></html>',
      [],
      { items: 'x' },
      oneFieldBroken(real),
    ]) {
      const { page, methods } = await render(f, body);
      expect([f.route, JSON.stringify(body).slice(0, 60), methods.data.state]).toEqual([
        f.route,
        JSON.stringify(body).slice(0, 60),
        'error',
      ]);
      expect(textOf(page)).toContain('数据异常，请稍后再试');
      expect(textOf(page)).not.toMatch(NEVER_SHOWN);
      // The way forward: the server answers properly again and the retry shows the page.
      if (body === null) {
        fake.net.handler = undefined;
        const action = page.querySelector('.status')?.querySelector('.action');
        if (action) action.dispatchEvent('click');
        else methods.onRetry?.();
        await until(
          () => methods.data.state !== 'loading' && methods.data.state !== 'error',
          'the retry',
          page,
        );
        expect(textOf(page)).not.toMatch(NEVER_SHOWN);
      }
    }
  });

  test('random and mangled answers: an error state or the page, never "undefined"', async () => {
    const real = (
      await fake.fromServer({
        url: `${api.origin}${f.endpoint.source.replace(/[\\^$]/g, '')}`,
        method: 'GET',
        headers: {},
        body: undefined,
      })
    ).data;
    for (const body of fc.sample(garbage(real), { numRuns: 4, seed: 51 })) {
      const { page, methods } = await render(f, body);
      expect(['error', 'ready', 'empty']).toContain(methods.data.state);
      expect(textOf(page)).not.toMatch(NEVER_SHOWN);
    }
  });
});
