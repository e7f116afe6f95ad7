/** @jest-environment jsdom */
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { renderPage, textOf, waitFor, waitForText, type Rendered } from '../support/simulate';

const destination = {
  id: 'auckland',
  name: { 'zh-CN': '奥克兰', en: 'Auckland' },
  timeZone: 'Pacific/Auckland',
  currency: 'NZD',
  fx: { quote: 'CNY', rateMicros: 4150000, asOf: '2026-11-20T00:00:00Z' },
  essentials: [
    {
      id: 'visa',
      icon: 'passport',
      title: { 'zh-CN': '签证', en: 'Visa' },
      body: { 'zh-CN': '需要 NZeTA', en: 'NZeTA needed' },
    },
  ],
  emergency: [{ id: 'police', label: { 'zh-CN': '报警', en: 'Police' }, number: '111' }],
  banners: [],
  poiCategories: [],
  demo: true,
};

let fake: FakeWx;

/** A cold start of the app's modules, then the Home page loaded as WeChat would. */
async function openHome(): Promise<Rendered> {
  jest.resetModules();
  const { clock } = await import('../../miniprogram/services/clock');
  fake.bindClock(clock);
  await (await import('../../miniprogram/services/preferences')).restoreLanguage();
  const page = renderPage('pages/home/index');
  const methods = page.instance as unknown as { onLoad(): void; onShow(): void };
  methods.onLoad();
  methods.onShow();
  await waitFor(
    () => (page.data as { state: string }).state !== 'loading',
    () => 'Home never left its loading state',
  );
  return page;
}

beforeEach(() => {
  fake = installFakeWx();
  fake.clock.now = Date.parse('2026-11-22T12:30:00Z');
  fake.net.handler = () => ({ status: 200, data: destination });
});

afterEach(() => {
  (globalThis as unknown as { getCurrentPages: () => unknown[] }).getCurrentPages = () => [];
});

test('shows the destination, its essentials, emergency numbers and a rate with its CNY estimate', async () => {
  const page = await openHome();
  await waitForText(page, '奥克兰');
  const text = textOf(page);
  expect(text).toContain('需要 NZeTA');
  expect(text).toContain('111');
  expect(text).toContain('1 NZD ≈ ¥4.15');
  expect(text).toContain('演示数据');
});

test('local date and time are the destination’s, next to Beijing’s, with the difference', async () => {
  const page = await openHome();
  // 12:30 UTC: already 01:30 on Monday the 23rd in Auckland (NZDT), 20:30 Sunday in Beijing.
  expect(textOf(page, '.clocks')).toBe(
    '当地时间 01:30 2026-11-23 周一 北京时间 20:30 2026-11-22 周日 比北京快 5 小时',
  );
});

test('first visit offline: an error with its reason and a retry that recovers', async () => {
  fake.inject({ fault: 'offline', times: 3 });
  const page = await openHome();
  expect(textOf(page, '.status')).toContain('网络不可用，请检查网络后重试');
  expect(textOf(page)).not.toContain('奥克兰');
  page.querySelector('.status')!.querySelector('.action')!.dispatchEvent('click');
  await waitForText(page, '奥克兰');
});

test('a revisit with the network off paints from the cache and says it is offline', async () => {
  await openHome();
  fake.inject({ fault: 'offline', times: Infinity });
  const requestsBefore = fake.net.log.length;
  const page = await openHome();
  expect(textOf(page)).toContain('奥克兰');
  await waitForText(page, '当前离线，显示的是上次保存的内容', '.offline');
  expect(fake.net.log.length).toBeGreaterThan(requestsBefore);
});

test('the language switch re-renders at once and is remembered after a restart', async () => {
  const page = await openHome();
  page.querySelector('.lang')!.dispatchEvent('tap');
  await waitForText(page, 'Auckland');
  expect(textOf(page)).toContain('Local time');
  expect(textOf(page)).toContain('5 h ahead of Beijing');
  await waitFor(
    () => fake.storage.has('prefs.language'),
    () => 'the language choice was never stored',
  );
  const again = await openHome();
  expect(textOf(again)).toContain('NZeTA needed');
});

test('tapping an emergency number dials it', async () => {
  const page = await openHome();
  page.querySelector('.call')!.dispatchEvent('tap');
  await waitFor(
    () => fake.ui.phoneCalls.length > 0,
    () => 'no call was made',
  );
  expect(fake.ui.phoneCalls).toEqual(['111']);
});

describe('over the real dev API', () => {
  let api: RunningServer;
  beforeAll(async () => {
    api = await startApiServer();
  });
  afterAll(() => api.close());

  test('the demo destination renders with its emergency numbers and banners, images served absolute', async () => {
    connect(fake, api);
    const page = await openHome();
    await waitForText(page, '奥克兰');
    expect(textOf(page)).toContain('111');
    // simulate does not render built-in components' attributes, so read what the page bound to <image src>.
    const banners = (page.data as { view: { banners: Array<{ image: string }> } }).view.banners;
    expect(banners.length).toBeGreaterThan(0);
    for (const b of banners) expect(b.image).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/assets\//);
  });
});
