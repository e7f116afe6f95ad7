/** @jest-environment jsdom */
// The Me tab: counts that paint from the phone with the network off, the links, the language switch that
// re-renders every open page at once and survives a restart, customer service, and the Official Account card.
import fs from 'node:fs';
import path from 'node:path';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { textOf } from '../../support/simulate';
import { coupon, ticket } from '../../unit/me/fixtures';
import { entries, launch, ME, open, tap, until } from './helpers';

const destination = {
  id: 'auckland',
  name: { 'zh-CN': '奥克兰', en: 'Auckland' },
  timeZone: 'Pacific/Auckland',
  currency: 'NZD',
  fx: { quote: 'CNY', rateMicros: 4150000, asOf: '2026-11-20T00:00:00Z' },
  essentials: [],
  emergency: [],
  banners: [],
  poiCategories: [],
  demo: true,
};

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  // Home's destination answers; the hub's order and policy lists have no server here.
  fake.net.handler = (req) =>
    new URL(req.url).pathname === '/v1/destination'
      ? { status: 200, data: destination }
      : { status: 503, data: { code: 'UNAVAILABLE', message: 'down' } };
});

test('with the network off the counts come from the phone: wallets, and the last counts of orders and policies', async () => {
  await launch(fake);
  const { saveWallet } = await import('../../../miniprogram/services/wallet');
  const { saveCouponWallet } = await import('../../../miniprogram/services/coupon-wallet');
  const { saveHubCounts } = await import('../../../miniprogram/services/account');
  const timeZone = 'Pacific/Auckland';
  await saveWallet({
    tickets: [
      ticket('a', 'valid', '2026-11-23'),
      ticket('b', 'valid', '2026-11-24'),
      ticket('c', 'used', '2026-11-24'),
    ],
    syncedAt: 0,
    timeZone,
  });
  await saveCouponWallet({ coupons: [coupon('x', 'unused', '2026-12-31')], syncedAt: 0, timeZone });
  await saveHubCounts({ orders: 1, policies: 2 });
  fake.inject({ fault: 'offline', times: Infinity });

  await launch(fake);
  const page = await open(ME);
  await until(() => entries(page)[0]!.includes('2'), 'the counts', page);
  expect(entries(page)).toEqual([
    '我的电子票 2 张可用 ›',
    '我的订单 1 笔待支付 ›',
    '我的优惠券 1 张可用 ›',
    '我的保单 2 份生效中 ›',
  ]);
  expect(textOf(page, '.header')).toBe('漫游者');
});

test('each entry leads to its page; e-tickets are the Trips tab', async () => {
  await launch(fake);
  const page = await open(ME);
  for (const id of ['tickets', 'orders', 'coupons', 'policies']) tap(page, `.entry-${id}`);
  await until(() => fake.ui.navigations.length === 3, 'the navigations', page);
  expect(fake.callsTo('switchTab').map((o) => o.url)).toEqual(['/pages/trips/index']);
  expect(fake.ui.navigations).toEqual([
    '/packages/orders/pages/list/index',
    '/packages/coupons/pages/wallet/index',
    '/packages/insurance/pages/policies/index',
  ]);
  // Every destination is a page of app.json (a tab for switchTab).
  const app = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../miniprogram/app.json'), 'utf8'));
  const pages = new Set([
    ...app.pages,
    ...app.subpackages.flatMap((s: { root: string; pages: string[] }) =>
      s.pages.map((p) => `${s.root}/${p}`),
    ),
  ]);
  for (const url of [...fake.ui.navigations, '/pages/trips/index']) expect(pages).toContain(url.slice(1));
  expect(app.tabBar.list.map((t: { pagePath: string }) => t.pagePath)).toContain('pages/trips/index');
});

test('the language switch re-renders Home and Me at once, renames the tabs, and survives a restart', async () => {
  await launch(fake);
  const home = await open('pages/home/index');
  const me = await open(ME);
  await until(() => textOf(home).includes('奥克兰'), 'Home', home);
  expect(textOf(me)).toContain('我的电子票');

  tap(me, '.lang-en');
  await until(() => textOf(me).includes('My e-tickets'), 'Me in English', me);
  expect(textOf(home)).toContain('Auckland');
  expect(textOf(home)).toContain('Local time');
  expect(textOf(me)).toContain('Customer service');
  expect(textOf(me, '.header')).toBe('Wayfarer');
  expect(fake.callsTo('setTabBarItem').slice(-4)).toEqual([
    expect.objectContaining({ index: 0, text: 'Home' }),
    expect.objectContaining({ index: 1, text: 'Map' }),
    expect.objectContaining({ index: 2, text: 'Trips' }),
    expect.objectContaining({ index: 3, text: 'Me' }),
  ]);
  expect(fake.callsTo('setNavigationBarTitle').at(-1)).toMatchObject({ title: 'Me' });

  // WeChat kills the app; the next launch is in English everywhere, the tab bar included.
  fake.calls.length = 0;
  await launch(fake);
  const homeAgain = await open('pages/home/index');
  const meAgain = await open(ME);
  await until(() => textOf(homeAgain).includes('Auckland'), 'Home in English', homeAgain);
  expect(textOf(meAgain)).toContain('My e-tickets');
  expect(fake.callsTo('setTabBarItem').map((o) => o.text)).toEqual(['Home', 'Map', 'Trips', 'Me']);

  // Home's own toggle switches Me back as well.
  tap(homeAgain, '.lang');
  await until(() => textOf(meAgain).includes('我的电子票'), 'Me in Chinese', meAgain);
  expect(
    fake
      .callsTo('setTabBarItem')
      .slice(-4)
      .map((o) => o.text),
  ).toEqual(['首页', '地图', '行程', '我的']);
});

test('customer service carries the brand’s session title and the page it was opened from', async () => {
  await launch(fake);
  const page = await open(ME);
  expect(page.data.contact).toEqual({
    title: '漫游者旅行咨询',
    path: '/pages/me/index',
    sessionFrom: 'page=pages/me/index&lang=zh-CN',
  });
  expect(textOf(page, '.contact')).toContain('联系客服');
  expect(textOf(page, '.feedback')).toContain('意见反馈');
});

describe('the Official Account', () => {
  function launchedFrom(scene: number): void {
    fake.extend({
      getLaunchOptionsSync: () => ({ scene, path: 'pages/me/index', query: {} }),
      getEnterOptionsSync: () => ({ scene, path: 'pages/me/index', query: {} }),
    });
  }

  test('launched by scanning a mini program code (1047): WeChat’s follow card', async () => {
    launchedFrom(1047);
    await launch(fake);
    const page = await open(ME);
    const follow = page.querySelector('.follow')!;
    expect(follow.querySelector('.card')).toBeTruthy();
    expect(follow.querySelector('.fallback')).toBeFalsy();
  });

  test('launched from the app list (1001): the QR code with the long-press hint, in the current language', async () => {
    launchedFrom(1001);
    await launch(fake);
    const page = await open(ME);
    const follow = page.querySelector('.follow')!;
    expect(follow.querySelector('.card')).toBeFalsy();
    expect(textOf(page, '.follow')).toBe('关注公众号 长按识别二维码，关注“漫游者奥克兰”');
    tap(page, '.lang-en');
    await until(() => textOf(page, '.follow').includes('Long-press'), 'the hint in English', page);
    expect(textOf(page, '.follow')).toBe(
      'Follow our Official Account Long-press the QR code to follow Wayfarer Auckland',
    );
  });

  test('a follow card that cannot show (e.g. the account is not linked) gives way to the QR code', async () => {
    launchedFrom(1011);
    await launch(fake);
    const page = await open(ME);
    page.querySelector('.follow')!.querySelector('.card')!.dispatchEvent('error');
    await until(() => textOf(page, '.follow').includes('长按识别二维码'), 'the fallback', page);
  });
});
