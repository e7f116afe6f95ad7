/** @jest-environment jsdom */
// Every content page shares: a title and an image that fit what it shows, and a path that opens the same thing
// on the friend's phone in the friend's own language (the path carries none). The ticket product, POI, event and
// offer also post to Moments; such a post opens its page alone (single-page mode) from its query, without login.
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { textOf } from '../support/simulate';
import { networkQuiet } from './coupons/helpers';
import { FakeMapContext } from './guide/fakes';
import { openPage, until, type OpenedPage } from './guide/helpers';

interface SharingPage {
  onLoad(query: Record<string, string>): void;
  onShow?(): void;
  onShareAppMessage(): { title: string; path: string; imageUrl?: string };
  onShareTimeline?(): { title: string; query: string; imageUrl?: string };
}

interface Case {
  page: string;
  route: string;
  query: Record<string, string>;
  /** What the page shows of the shared thing, to the sharer (Chinese) and to the friend (English). */
  shows: { zh: string; en: string };
  title: string;
  path: string;
  /** How the image's URL ends; none: WeChat shows a screenshot of the page. */
  image?: RegExp;
  moments?: true;
}

const CASES: Case[] = [
  {
    page: 'Home',
    route: 'pages/home/index',
    query: {},
    shows: { zh: '签证与入境', en: 'Visas and entry' },
    title: '漫游者 · 奥克兰旅行指南',
    path: '/pages/home/index',
    image: /\/assets\/images\/banner-skytower\.svg$/,
  },
  {
    page: 'the guide list',
    route: 'pages/guide/index',
    query: { category: 'nature' },
    shows: { zh: '伊甸山', en: 'Maungawhau / Mount Eden' },
    title: '奥克兰 · 自然',
    path: '/pages/guide/index?category=nature',
    image: /\/assets\/images\/maungawhau-1\.svg$/,
  },
  {
    page: 'the map',
    route: 'pages/map/index',
    query: { category: 'nature', id: 'rangitoto-island' },
    shows: { zh: '朗伊托托岛', en: 'Rangitoto Island' },
    title: '奥克兰地图导览',
    path: '/pages/map/index?category=nature&id=rangitoto-island',
  },
  {
    page: 'the ticket catalog',
    route: 'packages/tickets/pages/catalog/index',
    query: { poiId: 'sky-tower' },
    shows: { zh: '天空塔观景台门票', en: 'Sky Tower SkyDeck entry' },
    title: '奥克兰门票',
    path: '/packages/tickets/pages/catalog/index?poiId=sky-tower',
    image: /\/assets\/images\/sky-tower-1\.svg$/,
  },
  {
    page: 'a ticket product',
    route: 'packages/tickets/pages/product/index',
    query: { productId: 'auckland-zoo-entry' },
    shows: { zh: '奥克兰动物园门票', en: 'Auckland Zoo entry' },
    title: '奥克兰动物园门票',
    path: '/packages/tickets/pages/product/index?productId=auckland-zoo-entry',
    image: /\/assets\/images\/auckland-zoo-1\.svg$/,
    moments: true,
  },
  {
    page: 'a POI',
    route: 'packages/guide/pages/poi/index',
    query: { id: 'auckland-museum' },
    shows: { zh: '奥克兰战争纪念博物馆', en: 'Māori and Pacific treasures' },
    title: '奥克兰战争纪念博物馆 · 奥克兰',
    path: '/packages/guide/pages/poi/index?id=auckland-museum',
    image: /\/assets\/images\/auckland-museum-1\.svg$/,
    moments: true,
  },
  {
    page: 'an event',
    route: 'packages/guide/pages/event/index',
    query: { id: 'christmas-in-the-park-2026' },
    shows: { zh: '公园圣诞音乐会', en: 'Christmas in the Park' },
    title: '公园圣诞音乐会',
    path: '/packages/guide/pages/event/index?id=christmas-in-the-park-2026',
    image: /\/assets\/images\/event-christmas-in-the-park\.svg$/,
    moments: true,
  },
  {
    page: 'the offers',
    route: 'packages/coupons/pages/offers/index',
    query: { category: 'shopping' },
    shows: { zh: '麦卢卡蜂蜜', en: 'mānuka honey' },
    title: '合作商家优惠',
    path: '/packages/coupons/pages/offers/index?category=shopping',
    image: /\/assets\/images\/kiwi-woollens-demo-1\.svg$/,
  },
  {
    page: 'an offer',
    route: 'packages/coupons/pages/offer/index',
    query: { id: 'harbour-dumplings-10-off' },
    shows: { zh: '饺子馆满 NZ$50 减 NZ$10', en: 'NZ$10 off a NZ$50 spend at Harbour Dumplings' },
    title: '港湾饺子馆（示例商家）：饺子馆满 NZ$50 减 NZ$10',
    path: '/packages/coupons/pages/offer/index?id=harbour-dumplings-10-off',
    image: /\/assets\/images\/harbour-dumplings-demo-1\.svg$/,
    moments: true,
  },
  {
    page: 'the insurance plans',
    route: 'packages/insurance/pages/plans/index',
    query: {},
    shows: { zh: '境外旅行险·标准型（示例）', en: 'Overseas travel insurance: Standard (demo)' },
    title: '旅行保险：各方案保障对比',
    path: '/packages/insurance/pages/plans/index',
  },
];

let api: RunningServer;
let fake: FakeWx;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
});
afterAll(() => api.close());

/** A phone with the app on it: its own storage (and so its own language choice), talking to the dev API. */
async function phone(lang: 'zh-CN' | 'en'): Promise<void> {
  fake = installFakeWx();
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  connect(fake, api);
  fake.extend({ createMapContext: () => new FakeMapContext() });
  if (lang !== 'zh-CN') await (await import('../../miniprogram/services/preferences')).switchLanguage(lang);
}

/**
 * Opens a page as WeChat does (onLoad with its query, then onShow) and waits until it shows the text and its
 * requests are done (so none of them reaches the next phone).
 */
async function open(route: string, query: Record<string, string>, text: string) {
  const o: OpenedPage<SharingPage> = await openPage<SharingPage>(fake, route, query);
  o.methods.onShow?.();
  await until(() => textOf(o.page).includes(text), `"${text}"`, o.page);
  await networkQuiet(fake);
  return o;
}

/** A shared path as WeChat opens it: the route, and the query as the page's onLoad gets it. */
function parsePath(path: string): { route: string; query: Record<string, string> } {
  const [route = '', search = ''] = path.replace(/^\//, '').split('?');
  return { route, query: Object.fromEntries(new URLSearchParams(search)) };
}

const imageOf = (c: Case) => (c.image ? { imageUrl: expect.stringMatching(c.image) } : {});

test.each(CASES)(
  '$page: shared to a chat, it opens the same thing for a friend who reads English',
  async (c) => {
    await phone('zh-CN');
    const sharer = await open(c.route, c.query, c.shows.zh);
    expect(textOf(sharer.page)).not.toContain(c.shows.en);
    const card = sharer.methods.onShareAppMessage();
    expect(card).toEqual({ title: c.title, path: c.path, ...imageOf(c) });

    await phone('en');
    const shared = parsePath(card.path);
    expect(shared.route).toBe(c.route);
    await open(shared.route, shared.query, c.shows.en);
  },
);

test.each(CASES.filter((c) => c.moments))(
  '$page: posted to Moments, the post opens the page alone from its query, without login',
  async (c) => {
    await phone('zh-CN');
    const sharer = await open(c.route, c.query, c.shows.zh);
    const post = sharer.methods.onShareTimeline!();
    expect(post).toEqual({ title: c.title, query: c.path.split('?')[1], ...imageOf(c) });

    await phone('zh-CN');
    const query = Object.fromEntries(new URLSearchParams(post.query));
    fake.extend({ getEnterOptionsSync: () => ({ scene: 1154, path: c.route, query }) });
    await open(c.route, query, c.shows.zh);
    expect(fake.login.calls).toBe(0);
  },
);

test('a ticket product opened from Moments says booking needs the app, and does not try to navigate', async () => {
  await phone('zh-CN');
  fake.extend({
    getEnterOptionsSync: () => ({ scene: 1154, path: '', query: { productId: 'auckland-zoo-entry' } }),
  });
  const o = await open(
    'packages/tickets/pages/product/index',
    { productId: 'auckland-zoo-entry' },
    '奥克兰动物园门票',
  );
  expect(textOf(o.page, '.footer')).toBe('打开小程序即可选择日期并预订');
  expect(o.page.querySelector('.book')).toBeUndefined();
  (o.methods as unknown as { onBook(): void }).onBook();
  expect(fake.ui.navigations).toEqual([]);
});
