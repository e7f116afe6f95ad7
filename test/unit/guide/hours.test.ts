import { openState, weekAhead, type Hours, type OpeningInterval } from '../../../miniprogram/domain/hours';

const AKL = 'Pacific/Auckland';
const everyDay = (open: string, close: string): OpeningInterval[] =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open, close }));
const days = (list: number[], open: string, close: string): OpeningInterval[] =>
  list.map((day) => ({ day, open, close }));
const hours = (h: OpeningInterval[], closedDates: string[] = []): Hours => ({ hours: h, closedDates });
const utc = (iso: string) => Date.parse(iso);

describe('a daily 09:30-22:00 (November: NZDT, UTC+13)', () => {
  const sky = hours(everyDay('09:30', '22:00'));

  test.each([
    // [UTC instant, Auckland wall clock, expected]
    ['2026-11-22T20:29:00Z', 'Mon 09:29', { kind: 'closed', opens: { date: '2026-11-23', time: '09:30' } }],
    ['2026-11-22T20:30:00Z', 'Mon 09:30', { kind: 'open', until: { date: '2026-11-23', time: '22:00' } }],
    ['2026-11-23T07:59:00Z', 'Mon 20:59', { kind: 'open', closingSoon: false }],
    ['2026-11-23T08:00:00Z', 'Mon 21:00', { kind: 'open', closingSoon: true }],
    ['2026-11-23T08:59:00Z', 'Mon 21:59', { kind: 'open', closingSoon: true }],
    ['2026-11-23T09:00:00Z', 'Mon 22:00', { kind: 'closed', opens: { date: '2026-11-24', time: '09:30' } }],
  ])('at %s (%s)', (iso, _wall, expected) => {
    expect(openState(sky, AKL, utc(iso))).toMatchObject(expected);
  });

  test('gives the real instants of the change', () => {
    expect(openState(sky, AKL, utc('2026-11-23T00:00:00Z'))).toEqual({
      kind: 'open',
      until: { instant: utc('2026-11-23T09:00:00Z'), date: '2026-11-23', time: '22:00' },
      closingSoon: false,
    });
  });

  test('the phone’s zone plays no part: the same instant read in Beijing would be wrong', () => {
    // 12:30 UTC: 01:30 Monday in Auckland (closed), 20:30 Sunday in Beijing (would be open).
    const instant = utc('2026-11-22T12:30:00Z');
    expect(openState(sky, AKL, instant).kind).toBe('closed');
    expect(openState(sky, 'Asia/Shanghai', instant).kind).toBe('open');
  });
});

describe('across midnight: Sun-Wed 17:00-01:00, Thu-Sat 17:00-03:00', () => {
  const noodles = hours([...days([7, 1, 2, 3], '17:00', '01:00'), ...days([4, 5, 6], '17:00', '03:00')]);

  test.each([
    [
      '2026-11-22T11:30:00Z',
      'Mon 00:30, Sunday’s night',
      { kind: 'open', until: { date: '2026-11-23', time: '01:00' }, closingSoon: true },
    ],
    ['2026-11-22T12:00:00Z', 'Mon 01:00', { kind: 'closed', opens: { date: '2026-11-23', time: '17:00' } }],
    [
      '2026-11-25T13:00:00Z',
      'Thu 02:00, Wednesday closed at 01:00',
      { kind: 'closed', opens: { date: '2026-11-26', time: '17:00' } },
    ],
    [
      '2026-11-27T13:00:00Z',
      'Sat 02:00, Friday’s night',
      { kind: 'open', until: { date: '2026-11-28', time: '03:00' } },
    ],
    [
      '2026-11-28T13:30:00Z',
      'Sun 02:30, Saturday’s night',
      { kind: 'open', until: { date: '2026-11-29', time: '03:00' } },
    ],
    ['2026-11-29T04:00:00Z', 'Sun 17:00', { kind: 'open', until: { date: '2026-11-30', time: '01:00' } }],
  ])('at %s (%s)', (iso, _wall, expected) => {
    expect(openState(noodles, AKL, utc(iso))).toMatchObject(expected);
  });

  test('a closed date cancels that day’s opening but not the night that began the day before', () => {
    const closedSat = hours(noodles.hours as OpeningInterval[], ['2026-11-28']);
    expect(openState(closedSat, AKL, utc('2026-11-27T13:00:00Z'))).toMatchObject({ kind: 'open' });
    expect(openState(closedSat, AKL, utc('2026-11-28T05:00:00Z'))).toMatchObject({
      kind: 'closed',
      opens: { date: '2026-11-29', time: '17:00' },
    });
  });
});

describe('around the clock', () => {
  const monday = utc('2026-11-23T01:00:00Z');

  test('00:00-00:00 every day, and no hours at all, are always open', () => {
    expect(openState(hours(everyDay('00:00', '00:00')), AKL, monday)).toEqual({ kind: 'always' });
    expect(openState(hours([]), AKL, monday)).toEqual({ kind: 'always' });
  });

  test('a closed date ahead gives the 24-hour place a closing time', () => {
    expect(openState(hours([], ['2026-11-25']), AKL, monday)).toMatchObject({
      kind: 'open',
      until: { date: '2026-11-25', time: '00:00' },
    });
  });

  test('closed today, open from midnight', () => {
    expect(openState(hours([], ['2026-11-23']), AKL, monday)).toMatchObject({
      kind: 'closed',
      opens: { date: '2026-11-24', time: '00:00' },
    });
  });

  test('back-to-back days merge into one opening: Friday and Saturday 24 h close Sunday 00:00', () => {
    const weekend = hours(days([5, 6], '00:00', '00:00'));
    expect(openState(weekend, AKL, utc('2026-11-26T23:00:00Z'))).toMatchObject({
      kind: 'open',
      until: { date: '2026-11-29', time: '00:00' },
    });
  });

  test('a 09:00-09:00 interval lasts 24 hours, into the next day', () => {
    const h = hours(days([1], '09:00', '09:00'));
    expect(openState(h, AKL, utc('2026-11-23T19:00:00Z'))).toMatchObject({
      kind: 'open',
      until: { date: '2026-11-24', time: '09:00' },
    });
  });
});

describe('closed days', () => {
  test('weekdays only: on Saturday it opens on Monday', () => {
    const eden = hours(days([1, 2, 3, 4, 5], '09:00', '17:00'));
    expect(openState(eden, AKL, utc('2026-11-27T21:00:00Z'))).toMatchObject({
      kind: 'closed',
      opens: { date: '2026-11-30', time: '09:00' },
    });
  });

  test('a holiday closes the place all day; it reopens the day after', () => {
    const sky = hours(everyDay('09:30', '22:00'), ['2026-12-25']);
    expect(openState(sky, AKL, utc('2026-12-24T23:00:00Z'))).toMatchObject({
      kind: 'closed',
      opens: { date: '2026-12-26', time: '09:30' },
    });
  });

  test('no opening within the week ahead: closed, with no time promised', () => {
    const mondays = hours(days([1], '10:00', '16:00'), ['2026-11-30']);
    expect(openState(mondays, AKL, utc('2026-11-23T22:00:00Z'))).toEqual({ kind: 'closed' });
  });
});

describe('daylight saving starts (Sunday 2026-09-27, 02:00 NZST -> 03:00 NZDT)', () => {
  test('a night 20:00-04:00 is one real hour shorter; "closing soon" counts real time', () => {
    const bar = hours(days([6], '20:00', '04:00'));
    // 01:59 NZST: 2 h 1 min on the wall clock, but 61 real minutes, to 04:00 NZDT (15:00 UTC).
    expect(openState(bar, AKL, utc('2026-09-26T13:59:00Z'))).toEqual({
      kind: 'open',
      until: { instant: utc('2026-09-26T15:00:00Z'), date: '2026-09-27', time: '04:00' },
      closingSoon: false,
    });
    // 03:00 NZDT, right after the jump: one hour left.
    expect(openState(bar, AKL, utc('2026-09-26T14:00:00Z'))).toMatchObject({
      kind: 'open',
      closingSoon: true,
    });
    expect(openState(bar, AKL, utc('2026-09-26T15:00:00Z')).kind).toBe('closed');
  });

  test('a 24-hour Sunday lasts 23 hours', () => {
    const sunday = hours(days([7], '00:00', '00:00'));
    expect(openState(sunday, AKL, utc('2026-09-26T12:00:00Z')).kind).toBe('open'); // 00:00 NZST
    expect(openState(sunday, AKL, utc('2026-09-27T10:59:00Z')).kind).toBe('open'); // 23:59 NZDT
    expect(openState(sunday, AKL, utc('2026-09-27T11:00:00Z')).kind).toBe('closed'); // Monday 00:00
  });

  test('an opening time the clocks skip moves forward by the gap', () => {
    const early = hours(days([7], '02:30', '06:00'));
    expect(openState(early, AKL, utc('2026-09-26T12:00:00Z'))).toMatchObject({
      kind: 'closed',
      opens: { instant: utc('2026-09-26T14:30:00Z'), time: '03:30' },
    });
  });
});

describe('daylight saving ends (Sunday 2026-04-05, 03:00 NZDT -> 02:00 NZST)', () => {
  test('a night 20:00-04:00 is one real hour longer and open through both 02:30s', () => {
    const bar = hours(days([6], '20:00', '04:00'));
    const until = { instant: utc('2026-04-04T16:00:00Z'), date: '2026-04-05', time: '04:00' };
    expect(openState(bar, AKL, utc('2026-04-04T13:30:00Z'))).toEqual({
      kind: 'open',
      until,
      closingSoon: false,
    });
    expect(openState(bar, AKL, utc('2026-04-04T14:30:00Z'))).toEqual({
      kind: 'open',
      until,
      closingSoon: false,
    });
    expect(openState(bar, AKL, utc('2026-04-04T15:00:00Z'))).toEqual({
      kind: 'open',
      until,
      closingSoon: true,
    });
  });

  test('a repeated closing time is the first one: 22:00-02:30 closes before the clocks go back', () => {
    const bar = hours(days([6], '22:00', '02:30'));
    expect(openState(bar, AKL, utc('2026-04-04T13:29:00Z')).kind).toBe('open');
    expect(openState(bar, AKL, utc('2026-04-04T14:00:00Z')).kind).toBe('closed');
  });

  test('a 24-hour Sunday lasts 25 hours', () => {
    const sunday = hours(days([7], '00:00', '00:00'));
    expect(openState(sunday, AKL, utc('2026-04-04T11:00:00Z')).kind).toBe('open'); // 00:00 NZDT
    expect(openState(sunday, AKL, utc('2026-04-05T11:59:00Z'))).toMatchObject({
      kind: 'open',
      until: { instant: utc('2026-04-05T12:00:00Z'), time: '00:00' },
    });
    expect(openState(sunday, AKL, utc('2026-04-05T12:00:00Z')).kind).toBe('closed');
  });
});

describe('the week ahead', () => {
  test('starts on the destination’s today, marks holidays, overnight and all-day intervals', () => {
    const h = hours(
      [
        ...days([1, 2, 3, 4, 5], '09:00', '17:00'),
        ...days([5], '19:00', '01:00'),
        ...days([6], '00:00', '00:00'),
      ],
      ['2026-11-25'],
    );
    // Sunday evening in Beijing and UTC, Monday in Auckland.
    const week = weekAhead(h, AKL, utc('2026-11-22T12:30:00Z'));
    expect(week.map((d) => [d.date, d.weekday, d.today, d.holiday])).toEqual([
      ['2026-11-23', 1, true, false],
      ['2026-11-24', 2, false, false],
      ['2026-11-25', 3, false, true],
      ['2026-11-26', 4, false, false],
      ['2026-11-27', 5, false, false],
      ['2026-11-28', 6, false, false],
      ['2026-11-29', 7, false, false],
    ]);
    expect(week[2]!.intervals).toEqual([]);
    expect(week[4]!.intervals).toEqual([
      { open: '09:00', close: '17:00', overnight: false, allDay: false },
      { open: '19:00', close: '01:00', overnight: true, allDay: false },
    ]);
    expect(week[5]!.intervals).toEqual([{ open: '00:00', close: '00:00', overnight: false, allDay: true }]);
    expect(week[6]!.intervals).toEqual([]);
  });

  test('no hours: every day all day', () => {
    const week = weekAhead(hours([]), AKL, utc('2026-11-22T12:30:00Z'));
    expect(week.every((d) => d.intervals.length === 1 && d.intervals[0]!.allDay)).toBe(true);
  });
});

describe('consistency over whole weeks that contain a daylight-saving change', () => {
  const sets: Record<string, Hours> = {
    daily: hours(everyDay('09:30', '22:00')),
    overnight: hours([...days([7, 1, 2, 3], '17:00', '01:00'), ...days([4, 5, 6], '17:00', '03:00')]),
    weekend24: hours(days([5, 6], '00:00', '00:00'), ['2026-04-11']),
    nightOfChange: hours(days([6], '22:00', '02:30')),
  };
  const weeks = { april: utc('2026-03-31T11:00:00Z'), september: utc('2026-09-22T12:00:00Z') };
  const STEP = 20 * 60 * 1000;

  test.each(Object.keys(sets).flatMap((set) => Object.keys(weeks).map((week) => [set, week])))(
    '%s in the %s week: every "until" and "opens" is an exact edge',
    (set, week) => {
      const h = sets[set]!;
      const from = weeks[week as keyof typeof weeks];
      for (let now = from; now < from + 7 * 24 * 3600 * 1000; now += STEP) {
        const state = openState(h, AKL, now);
        if (state.kind === 'open') {
          expect(state.until.instant).toBeGreaterThan(now);
          expect(openState(h, AKL, state.until.instant - 1).kind).toBe('open');
          expect(openState(h, AKL, state.until.instant).kind).not.toBe('open');
        } else if (state.kind === 'closed' && state.opens) {
          expect(state.opens.instant).toBeGreaterThan(now);
          expect(openState(h, AKL, state.opens.instant - 1).kind).toBe('closed');
          expect(openState(h, AKL, state.opens.instant).kind).not.toBe('closed');
        }
      }
    },
  );
});
