/** @jest-environment jsdom */
import { connect, startApiServer, type RunningServer } from '../../support/server';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { textOf } from '../../support/simulate';
import { openPage, until, type OpenedPage } from './helpers';

interface EventPage {
  onLoad(query: Record<string, string>): void;
  onShareAppMessage(): { title: string; path: string; imageUrl?: string };
  onShareTimeline(): { title: string; query: string; imageUrl?: string };
  data: { state: string; events?: unknown[] };
}

let api: RunningServer;
let fake: FakeWx;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
});
afterAll(() => api.close());

beforeEach(() => {
  fake = installFakeWx();
  // Saturday 12 December 00:30 in Auckland; still Friday the 11th (19:30) in Beijing.
  fake.clock.now = Date.parse('2026-12-11T11:30:00Z');
  connect(fake, api);
});

async function openEvent(id: string): Promise<OpenedPage<EventPage>> {
  const o = await openPage<EventPage>(fake, 'packages/guide/pages/event/index', { id });
  await until(() => o.methods.data.state !== 'loading', 'the event', o.page);
  return o;
}

test('Home lists the next events with their dates and state on Auckland’s calendar', async () => {
  const home = await openPage<EventPage>(fake, 'pages/home/index');
  await until(() => (home.methods.data.events ?? []).length > 0, 'the events', home.page);
  expect(home.page.querySelectorAll('.event')).toHaveLength(3);
  const text = textOf(home.page);
  expect(text).toContain('近期活动');
  expect(text).toContain('布里托马特圣诞灯光节 11月20日 – 12月24日 进行中');
  expect(text).toContain('筒仓公园夏夜露天电影 12月4日 – 2027年2月26日 进行中');
  // Today in Auckland (in Beijing it would still be tomorrow).
  expect(text).toContain('公园圣诞音乐会 12月12日 今天');
  home.page.querySelectorAll('.event')[2]!.dispatchEvent('tap');
  await until(() => fake.ui.navigations.length > 0, 'navigation', home.page);
  expect(fake.ui.navigations).toEqual(['/packages/guide/pages/event/index?id=christmas-in-the-park-2026']);
});

test('an event page: dates, state, venue and the way to its place; shareable to chat and Moments', async () => {
  const o = await openEvent('new-years-eve-2026');
  expect(textOf(o.page)).toMatch(
    /^天空塔跨年烟花 19 天后开始 日期 12月31日 – 2027年1月1日 地点 \S+ .+ 查看地点$/,
  );
  o.page.querySelector('.place')!.dispatchEvent('tap');
  await until(() => fake.ui.navigations.length > 0, 'navigation', o.page);
  expect(fake.ui.navigations).toEqual(['/packages/guide/pages/poi/index?id=sky-tower']);
  expect(o.methods.onShareAppMessage()).toMatchObject({
    title: '天空塔跨年烟花',
    path: '/packages/guide/pages/event/index?id=new-years-eve-2026',
  });
  expect(o.methods.onShareTimeline()).toMatchObject({
    title: '天空塔跨年烟花',
    query: 'id=new-years-eve-2026',
  });
});

test('opened from Moments the event renders without login and without the way out', async () => {
  fake.extend({
    getEnterOptionsSync: () => ({ scene: 1154, path: '', query: { id: 'new-years-eve-2026' } }),
  });
  const o = await openEvent('new-years-eve-2026');
  expect(textOf(o.page)).toContain('天空塔跨年烟花');
  expect(o.page.querySelector('.place')).toBeUndefined();
  expect(fake.login.calls).toBe(0);
});

test('an event that is over reads as such', async () => {
  const o = await openEvent('auckland-marathon-2026');
  expect(textOf(o.page, '.status')).toBe('这个活动已结束或不存在');
});
