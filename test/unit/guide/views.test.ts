import { setLang } from '../../../miniprogram/i18n/index';
import {
  eventDates,
  eventView,
  formatLocalDate,
  upcomingEvents,
} from '../../../miniprogram/pages/guide/event-view';
import { rowWindow, ROW_RPX, WINDOW_ROWS } from '../../../miniprogram/pages/guide/list-window';
import { formatDistance, openLabel } from '../../../miniprogram/pages/guide/poi-view';
import { CAROUSEL_SIZE, carouselStart, chunkedUpdate, marker } from '../../../miniprogram/pages/map/map-view';
import { audioView, clockText, dayView } from '../../../miniprogram/packages/guide/pages/poi/poi-view';

const moment = (date: string, time: string) => ({ instant: 0, date, time });

afterEach(() => setLang('zh-CN'));

describe('open-now labels count days from the destination’s today', () => {
  const today = '2026-11-22'; // a Sunday
  test.each([
    [{ kind: 'always' }, 'open', '全天开放', 'Open 24 hours'],
    [
      { kind: 'open', until: moment(today, '22:00'), closingSoon: false },
      'open',
      '营业中 · 22:00 关门',
      'Open · closes 22:00',
    ],
    [
      { kind: 'open', until: moment('2026-11-23', '01:00'), closingSoon: false },
      'open',
      '营业中 · 明天 01:00 关门',
      'Open · closes tomorrow 01:00',
    ],
    [
      { kind: 'open', until: moment(today, '22:00'), closingSoon: true },
      'soon',
      '即将关门 · 22:00',
      'Closing soon · 22:00',
    ],
    [
      { kind: 'closed', opens: moment(today, '17:00') },
      'closed',
      '已关门 · 今天 17:00 开门',
      'Closed · opens today 17:00',
    ],
    [
      { kind: 'closed', opens: moment('2026-11-23', '09:30') },
      'closed',
      '已关门 · 明天 09:30 开门',
      'Closed · opens tomorrow 09:30',
    ],
    [
      { kind: 'closed', opens: moment('2026-11-25', '09:00') },
      'closed',
      '已关门 · 周三 09:00 开门',
      'Closed · opens Wed 09:00',
    ],
    [{ kind: 'closed' }, 'closed', '已关门', 'Closed'],
  ] as const)('%j', (state, tone, zh, en) => {
    expect(openLabel(state as never, today)).toEqual({ tone, text: zh });
    setLang('en');
    expect(openLabel(state as never, today).text).toBe(en);
  });
});

test('distances: metres to the nearest ten, then kilometres', () => {
  expect([3, 348, 999, 1000, 1234, 9960, 12400].map(formatDistance)).toEqual([
    '10 米',
    '350 米',
    '1.0 公里',
    '1.0 公里',
    '1.2 公里',
    '10.0 公里',
    '12 公里',
  ]);
  setLang('en');
  expect(formatDistance(1234)).toBe('1.2 km');
});

describe('events', () => {
  const event = (id: string, startDate: string, endDate: string) => ({
    id,
    title: { 'zh-CN': `活动${id}`, en: `Event ${id}` },
    summary: { 'zh-CN': '', en: '' },
    venue: { 'zh-CN': '', en: '' },
    startDate,
    endDate,
    image: 'https://cdn.example.com/e.jpg',
  });
  const today = '2026-12-12';

  test('dates: the year only when it is not this one; one date for a one-day event', () => {
    expect(formatLocalDate('2026-12-04', today)).toBe('12月4日');
    expect(formatLocalDate('2027-02-26', today)).toBe('2027年2月26日');
    expect(eventDates(event('a', '2026-12-12', '2026-12-12'), today)).toBe('12月12日');
    setLang('en');
    expect(eventDates(event('a', '2026-12-04', '2027-02-26'), today)).toBe('4 Dec – 26 Feb 2027');
  });

  test.each([
    ['2026-12-20', '2026-12-20', '8 天后开始', false],
    ['2026-12-13', '2026-12-14', '明天开始', false],
    ['2026-12-12', '2026-12-12', '今天', true],
    ['2026-12-12', '2026-12-14', '今天开始', true],
    ['2026-12-01', '2026-12-12', '今天结束', true],
    ['2026-12-01', '2026-12-31', '进行中', true],
  ])('%s to %s: %s', (start, end, status, on) => {
    expect(eventView(event('x', start, end), today)).toMatchObject({ status, on });
  });

  test('Home: not over by today, soonest first, at most the limit', () => {
    const list = [
      event('late', '2027-01-01', '2027-01-01'),
      event('over', '2026-12-01', '2026-12-11'),
      event('now', '2026-12-01', '2026-12-31'),
      event('soon', '2026-12-20', '2026-12-20'),
    ];
    expect(upcomingEvents(list, today, 2).map((e) => e.id)).toEqual(['now', 'soon']);
  });
});

describe('the list window', () => {
  test('renders at most WINDOW_ROWS rows, with spacers for the rest', () => {
    expect(rowWindow(0, 375, 15)).toEqual({ start: 0, end: 15, padTop: 0, padBottom: 0 });
    expect(rowWindow(0, 375, 200)).toEqual({
      start: 0,
      end: WINDOW_ROWS,
      padTop: 0,
      padBottom: 160 * ROW_RPX,
    });
  });

  test('follows the scroll in steps, keeping rows above the first visible one', () => {
    const rowPx = (ROW_RPX * 375) / 750;
    expect(rowWindow(rowPx * 19, 375, 200).start).toBe(0);
    expect(rowWindow(rowPx * 20, 375, 200).start).toBe(10);
    expect(rowWindow(rowPx * 105, 375, 200)).toEqual({
      start: 90,
      end: 130,
      padTop: 90 * ROW_RPX,
      padBottom: 70 * ROW_RPX,
    });
    // At the end the window is full and ends with the last row.
    expect(rowWindow(rowPx * 199, 375, 200)).toMatchObject({ start: 160, end: 200, padBottom: 0 });
  });
});

describe('the map', () => {
  test('markers: GCJ-02, six decimals, joined to clusters, raised when selected', () => {
    const m = marker(7, { lat: -36.848481234, lng: 174.762181234, coordSystem: 'wgs84' }, 1, false);
    expect(m).toEqual({
      id: 7,
      latitude: -36.848481,
      longitude: 174.762181,
      iconPath: '/pages/map/pins/1.png',
      width: 30,
      height: 36,
      joinCluster: true,
    });
    expect(marker(7, { lat: 0, lng: 0, coordSystem: 'gcj02' }, 8, true)).toMatchObject({
      iconPath: '/pages/map/pins/2-on.png',
      zIndex: 10,
    });
  });

  test('the carousel window moves only at its edges', () => {
    expect(carouselStart(0, 44, 0)).toBe(0);
    for (let i = 1; i < CAROUSEL_SIZE - 1; i++) expect(carouselStart(i, 44, 0)).toBe(0);
    expect(carouselStart(CAROUSEL_SIZE - 1, 44, 0)).toBe(3);
    expect(carouselStart(3, 44, 3)).toBe(0);
    expect(carouselStart(40, 44, 0)).toBe(37);
    expect(carouselStart(43, 44, 37)).toBe(37);
    expect(carouselStart(2, 3, 0)).toBe(0);
  });

  test('a big array goes out in payloads under the budget, the rest as paths, nothing lost', () => {
    const items = Array.from({ length: 500 }, (_, i) => ({ id: i, pad: 'x'.repeat(100) }));
    const payloads = chunkedUpdate({ selectedId: 'a' }, 'markers', items, 8 * 1024);
    expect(payloads.length).toBeGreaterThan(5);
    for (const p of payloads) expect(Buffer.byteLength(JSON.stringify(p))).toBeLessThanOrEqual(8 * 1024);
    const first = payloads[0]!;
    expect(first.selectedId).toBe('a');
    const rebuilt = [...(first.markers as unknown[])];
    for (const p of payloads.slice(1)) {
      for (const [key, value] of Object.entries(p))
        rebuilt[Number(/^markers\[(\d+)\]$/.exec(key)![1])] = value;
    }
    expect(rebuilt).toEqual(items);
    expect(chunkedUpdate({}, 'markers', [])).toEqual([{ markers: [] }]);
  });
});

describe('the POI page', () => {
  test('a day of the week', () => {
    const day = { date: '2026-11-27', weekday: 5, today: false, holiday: false };
    expect(
      dayView(
        {
          ...day,
          intervals: [
            { open: '09:00', close: '17:00', overnight: false, allDay: false },
            { open: '19:00', close: '01:00', overnight: true, allDay: false },
          ],
        },
        '2026-11-22',
      ),
    ).toEqual({
      date: '2026-11-27',
      label: '周五',
      dateText: '11月27日',
      text: '09:00–17:00, 19:00–次日 01:00',
      today: false,
      closed: false,
    });
    expect(dayView({ ...day, holiday: true, intervals: [] }, '2026-11-22').text).toBe('休息（特殊日期）');
    expect(dayView({ ...day, today: true, intervals: [] }, '2026-11-22')).toMatchObject({
      label: '今天',
      text: '休息',
    });
  });

  test('the player follows only its own track', () => {
    const status = {
      src: 'a.mp3',
      playing: true,
      waiting: false,
      failed: false,
      position: 75.6,
      duration: 180,
    };
    expect(audioView(status, 'a.mp3', 200)).toEqual({
      playing: true,
      waiting: false,
      failed: false,
      progress: 420,
      positionText: '1:15',
      durationText: '3:00',
    });
    // Another POI's audio is playing: this one is idle, showing its own length.
    expect(audioView(status, 'b.mp3', 200)).toMatchObject({
      playing: false,
      progress: 0,
      durationText: '3:20',
    });
    expect(clockText(3599.9)).toBe('59:59');
  });
});
