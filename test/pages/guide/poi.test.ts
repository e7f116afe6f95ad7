/** @jest-environment jsdom */
import { connect, startApiServer, type RunningServer } from '../../support/server';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { textOf } from '../../support/simulate';
import { FakeAudioManager } from './fakes';
import { openPage, until, type OpenedPage } from './helpers';

interface PoiPage {
  onLoad(query: Record<string, string>): void;
  onShareAppMessage(): { title: string; path: string; imageUrl?: string };
  onShareTimeline(): { title: string; query: string; imageUrl?: string };
  data: {
    state: string;
    view: { photos: string[]; audio: { src: string } | null } | null;
    audio: { playing: boolean } | null;
  };
}

let api: RunningServer;
let fake: FakeWx;
let audio: FakeAudioManager;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
  // One manager for the whole app, as in WeChat: it outlives pages (and the page modules reloaded here).
  audio = new FakeAudioManager();
});
afterAll(() => api.close());

beforeEach(() => {
  fake = installFakeWx();
  // Sunday 22:00 in Auckland (NZDT); 17:00 in Beijing.
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  connect(fake, api);
  fake.extend({ getBackgroundAudioManager: () => audio });
});

async function openPoi(id: string): Promise<OpenedPage<PoiPage>> {
  const o = await openPage<PoiPage>(fake, 'packages/guide/pages/poi/index', { id });
  await until(() => o.methods.data.state !== 'loading', 'the POI', o.page);
  return o;
}

const tap = (o: OpenedPage<PoiPage>, selector: string) =>
  o.page.querySelector(selector)!.dispatchEvent('tap');
const paths = () => fake.net.log.map((r) => new URL(r.url).pathname);

test('the Sky Tower: both names, open-now and the week in Auckland time, fees, address, both descriptions', async () => {
  const o = await openPoi('sky-tower');
  expect(textOf(o.page, '.head')).toBe(
    '天空塔 Sky Tower 景点 已关门 · 明天 09:30 开门 南半球最高的独立式建筑之一，360 度俯瞰奥克兰。',
  );
  // Sunday in Auckland, whatever day the phone thinks it is.
  expect(o.page.querySelectorAll('.day')).toHaveLength(7);
  expect(textOf(o.page, '.hours')).toMatch(/^开放时间 今天 11月22日 09:30–22:00 周一 11月23日 09:30–22:00 /);
  expect(textOf(o.page, '.fees')).toContain('NZ$39.00');
  expect(textOf(o.page, '.address')).toContain('Corner Victoria and Federal Streets');
  expect(textOf(o.page, '.description')).toContain('天空塔高 328 米');
  tap(o, '.toggle-language');
  await until(() => textOf(o.page, '.description').includes('At 328 metres'), 'the English text', o.page);
});

test('hours across midnight and around the clock', async () => {
  const noodles = await openPoi('k-road-night-noodles-demo');
  const week = textOf(noodles.page, '.hours');
  expect(week).toContain('17:00–次日 01:00');
  expect(week).toContain('17:00–次日 03:00');
  // 22:00 on Sunday: open until 01:00 on Monday.
  expect(textOf(noodles.page, '.open')).toBe('营业中 · 明天 01:00 关门');
  const diner = await openPoi('queen-street-allday-diner-demo');
  expect(textOf(diner.page, '.open')).toBe('全天开放');
  expect(textOf(diner.page, '.hours')).toContain('今天 11月22日 全天');
});

test('photos open in the viewer; directions go to the POI’s coordinates', async () => {
  const o = await openPoi('sky-tower');
  const photos = o.methods.data.view!.photos;
  expect(photos).toHaveLength(3);
  o.page.querySelectorAll('.photo-item')[1]!.dispatchEvent('tap');
  tap(o, '.directions');
  await until(() => fake.callsTo('openLocation').length > 0, 'directions', o.page);
  expect(fake.callsTo('previewImage')[0]).toMatchObject({ current: photos[1], urls: photos });
  // Outside mainland China GCJ-02 equals WGS-84: the data's coordinates, as they are.
  expect(fake.callsTo('openLocation')[0]).toMatchObject({
    latitude: -36.84848,
    longitude: 174.76218,
    name: '天空塔',
    address: '奥克兰市中心 Victoria 街与 Federal 街交汇处',
    scale: 16,
  });
});

test('a POI with a phone number dials it; one without offers no call', async () => {
  const o = await openPoi('harbour-dumplings-demo');
  tap(o, '.call');
  await until(() => fake.ui.phoneCalls.length > 0, 'the call', o.page);
  expect(fake.ui.phoneCalls).toEqual(['+6495550101']);
  const tower = await openPoi('sky-tower');
  expect(tower.page.querySelector('.call')).toBeUndefined();
});

const copy = (o: OpenedPage<PoiPage>, kind: string) =>
  o.page.querySelector(`.copy-${kind}`)!.querySelector('.button')!.dispatchEvent('tap');

test('website, booking, accessibility and the nearest stop; a link is copied for the browser', async () => {
  const o = await openPoi('harbour-dumplings-demo');
  expect(textOf(o.page, '.website')).toBe('官网 harbour-dumplings.example.com 复制链接');
  expect(textOf(o.page, '.booking')).toBe('在线预订 harbour-dumplings.example.com/book 复制链接');
  expect(textOf(o.page, '.accessibility')).toBe('无障碍设施 从海滨步道进入无台阶，店内设无障碍卫生间。');
  expect(textOf(o.page, '.transit')).toBe('公共交通 公交 · Lower Albert 街 · 步行约 5 分钟');

  copy(o, 'booking');
  await until(() => fake.ui.toasts.length > 0, 'the toast', o.page);
  expect(fake.clipboard.text).toBe('https://harbour-dumplings.example.com/book');
  expect(fake.ui.toasts).toEqual([{ title: '链接已复制，请粘贴到浏览器中打开', icon: 'none' }]);
  copy(o, 'website');
  await until(() => fake.ui.toasts.length > 1, 'the second toast', o.page);
  expect(fake.clipboard.text).toBe('https://harbour-dumplings.example.com');
});

test('a POI shows only the facts it has', async () => {
  const tower = await openPoi('sky-tower');
  expect(textOf(tower.page, '.website')).toBe('官网 www.skycityauckland.co.nz 复制链接');
  expect(tower.page.querySelector('.booking')).toBeUndefined();
  expect(textOf(tower.page, '.transit')).toBe(
    '公共交通 公交 · Victoria Street West（天空城） · 步行约 2 分钟',
  );
  const beach = await openPoi('mission-bay');
  expect(beach.page.querySelector('.practical')).toBeUndefined();
});

test('the audio guide plays in the background: play, progress, pause, and it goes on after the page is left', async () => {
  const o = await openPoi('sky-tower');
  expect(textOf(o.page, '.audio')).toBe('语音讲解 普通话 播放 0:00 / 0:01');
  tap(o, '.play');
  await until(() => o.methods.data.audio!.playing, 'playback', o.page);
  expect(audio.src).toBe(o.methods.data.view!.audio!.src);
  expect(audio.src).toMatch(/\/assets\/audio\/sky-tower\.mp3$/);
  expect(audio.title).toBe('天空塔 · 语音讲解');
  expect(audio.singer).toBe('奥克兰');
  audio.advance(30, 60);
  await until(() => textOf(o.page, '.time') === '0:30 / 1:00', 'progress', o.page);
  expect(textOf(o.page, '.play')).toBe('暂停');

  tap(o, '.play');
  await until(() => !o.methods.data.audio!.playing, 'the pause', o.page);
  expect(audio.paused).toBe(true);
  tap(o, '.play');
  await until(() => o.methods.data.audio!.playing, 'resumed playback', o.page);
  // Resumed where it was, not restarted.
  expect(audio.currentTime).toBe(30);

  (o.page as unknown as { detach(): void }).detach();
  audio.advance(5, 60);
  expect(audio.stops).toBe(0);
  expect(audio.paused).toBe(false);

  // Back on the page later: it shows what is playing.
  const again = await openPoi('sky-tower');
  expect(textOf(again.page, '.play')).toBe('暂停');
  expect(textOf(again.page, '.time')).toBe('0:35 / 1:00');
  tap(again, '.play');
  await until(() => audio.paused, 'the pause', again.page);
});

test('related tickets link to the ticket page; a POI without tickets or audio shows neither', async () => {
  const o = await openPoi('sky-tower');
  await until(() => textOf(o.page).includes('相关门票'), 'the tickets', o.page);
  expect(textOf(o.page, '.tickets')).toMatch(/天空塔观景台门票 NZ\$[\d.,]+ 起/);
  tap(o, '.product');
  await until(() => fake.ui.navigations.length > 0, 'navigation', o.page);
  expect(fake.ui.navigations).toEqual(['/packages/tickets/pages/product/index?productId=sky-tower-skydeck']);

  fake.net.log.length = 0;
  const beach = await openPoi('mission-bay');
  await until(() => fake.idle, 'the page to finish', beach.page);
  expect(beach.page.querySelector('.tickets')).toBeUndefined();
  expect(beach.page.querySelector('.audio')).toBeUndefined();
  expect(paths()).not.toContain('/v1/products');
});

test('share to chat and to Moments carry the POI', async () => {
  const o = await openPoi('sky-tower');
  const image = o.methods.data.view!.photos[0];
  expect(o.methods.onShareAppMessage()).toEqual({
    title: '天空塔 · 奥克兰',
    path: '/packages/guide/pages/poi/index?id=sky-tower',
    imageUrl: image,
  });
  expect(o.methods.onShareTimeline()).toEqual({
    title: '天空塔 · 奥克兰',
    query: 'id=sky-tower',
    imageUrl: image,
  });
});

test('opened from Moments: renders from its query alone, without login, and offers nothing that navigates', async () => {
  fake.extend({
    getEnterOptionsSync: () => ({
      scene: 1154,
      path: 'packages/guide/pages/poi/index',
      query: { id: 'sky-tower' },
    }),
  });
  const o = await openPoi('sky-tower');
  expect(o.methods.data.state).toBe('ready');
  expect(textOf(o.page, '.head')).toContain('天空塔');
  expect(textOf(o.page, '.hours')).toContain('09:30–22:00');
  expect(textOf(o.page, '.moments')).toBe('打开小程序可购票、导航和收听语音讲解');
  // The facts stay; their links can still be pressed and held to copy, without a button.
  expect(textOf(o.page, '.website')).toBe('官网 www.skycityauckland.co.nz');
  for (const selector of ['.actions', '.audio', '.tickets', '.copy-website'])
    expect(o.page.querySelector(selector)).toBeUndefined();
  expect(fake.login.calls).toBe(0);
  expect(paths()).not.toContain('/v1/auth/session');
  expect(paths()).not.toContain('/v1/products');
});

test('an unknown POI says so, without a retry that cannot help', async () => {
  const o = await openPoi('nowhere');
  expect(textOf(o.page, '.status')).toBe('这个地点不存在或已下线');
  expect(o.page.querySelector('.status')!.querySelector('.action')).toBeUndefined();
});

test('in English', async () => {
  await (await import('../../../miniprogram/services/preferences')).switchLanguage('en');
  const o = await openPoi('sky-tower');
  expect(textOf(o.page, '.head')).toContain('Sky Tower 天空塔 Sights Closed · opens tomorrow 09:30');
  expect(textOf(o.page, '.hours')).toContain('Today 22 Nov 09:30–22:00');
  expect(textOf(o.page, '.transit')).toBe(
    'Public transport Bus · Victoria Street West (SkyCity) · 2 min walk',
  );
  expect(textOf(o.page, '.accessibility')).toMatch(/^Accessibility Step-free entry and lifts/);
  await (await import('../../../miniprogram/services/preferences')).switchLanguage('zh-CN');
});
