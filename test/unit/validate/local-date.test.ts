import {
  ageOn,
  daysBetween,
  validateAge,
  validateBirthDate,
  validateLocalDate,
  validateTrip,
  type FieldError,
} from '../../../miniprogram/domain/validate';
import { TODAY, type Reject } from './fixtures';

// Dates are machine values from a picker or the API: nothing is trimmed, so every stray character is a format error.
const MALFORMED: Reject[] = [
  ['empty string', '', 'required'],
  ['undefined', undefined, 'required'],
  ['null', null, 'required'],
  ['a number', 20250101, 'invalid_type'],
  ['a Date object', new Date(Date.UTC(2025, 0, 1)), 'invalid_type'],
  ['compact form 19990230', '19990230', 'date.format'],
  ['one-digit month', '2025-1-01', 'date.format'],
  ['slashes', '2025/01/01', 'date.format'],
  ['day first', '01-01-2025', 'date.format'],
  ['with a time', '2025-01-01T00:00:00Z', 'date.format'],
  ['leading space', ' 2025-01-01', 'date.format'],
  ['trailing zero-width space', '2025-01-01\u200B', 'date.format'],
  ['RTL mark', '\u200F2025-01-01', 'date.format'],
  ['full-width digits', '\uFF12\uFF10\uFF12\uFF15-01-01', 'date.format'],
  ['Arabic-Indic digits', '\u0662\u0660\u0662\u0665-\u0660\u0661-\u0660\u0661', 'date.format'],
  ['Chinese form', '2025年1月1日', 'date.format'],
  ['five-digit year', '20250-01-01', 'date.format'],
];

const IMPOSSIBLE: Reject[] = [
  ['30 February', '1999-02-30', 'date.invalid'],
  ['29 February in a common year', '2025-02-29', 'date.invalid'],
  ['29 February 1900', '1900-02-29', 'date.invalid'],
  ['31 April', '2025-04-31', 'date.invalid'],
  ['month 13', '2025-13-01', 'date.invalid'],
  ['month 00', '2025-00-10', 'date.invalid'],
  ['day 00', '2025-01-00', 'date.invalid'],
  ['day 32', '2025-01-32', 'date.invalid'],
  ['before 1900', '1899-12-31', 'date.invalid'],
  ['year 0000', '0000-01-01', 'date.invalid'],
];

describe('validateLocalDate', () => {
  test.each([...MALFORMED, ...IMPOSSIBLE])('rejects %s', (_what, input, code) => {
    expect(validateLocalDate(input)).toEqual({ ok: false, code });
  });

  test.each(['2024-02-29', '2000-02-29', '1900-01-01', '2025-12-31', '9999-12-31'])('accepts %s', (value) => {
    expect(validateLocalDate(value)).toEqual({ ok: true, value });
  });
});

describe('validateBirthDate', () => {
  test.each<Reject>([
    ...MALFORMED,
    ...IMPOSSIBLE,
    ['tomorrow', '2025-06-16', 'date.future'],
    ['next year', '2026-01-01', 'date.future'],
    ['far future', '2999-01-01', 'date.future'],
  ])('rejects %s', (_what, input, code) => {
    expect(validateBirthDate(input, TODAY)).toEqual({ ok: false, code });
  });

  test.each(['2025-06-15', '2025-06-14', '2000-02-29', '1900-01-01'])('accepts %s', (value) => {
    expect(validateBirthDate(value, TODAY)).toEqual({ ok: true, value });
  });
});

describe('daysBetween', () => {
  const utcDay = (d: string): number =>
    Date.UTC(+d.slice(0, 4), +d.slice(5, 7) - 1, +d.slice(8, 10)) / 86_400_000;

  test('matches Date.UTC across leap years and centuries', () => {
    const dates: string[] = [];
    for (let y = 1900; y <= 2104; y += 7) {
      for (const md of ['01-01', '02-28', '03-01', '06-30', '12-31']) dates.push(`${y}-${md}`);
      if ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) dates.push(`${y}-02-29`);
    }
    for (const a of dates) {
      for (const b of dates.slice(0, 40)) expect(daysBetween(a, b)).toBe(utcDay(b) - utcDay(a));
    }
  });

  test('throws on a malformed date rather than guessing', () => {
    expect(() => daysBetween('2025-02-30', TODAY)).toThrow(RangeError);
  });
});

describe('ageOn', () => {
  test.each([
    ['2000-02-29', '2025-02-28', 24],
    ['2000-02-29', '2025-03-01', 25],
    ['2000-02-29', '2024-02-28', 23],
    ['2000-02-29', '2024-02-29', 24],
    ['1990-06-15', '2025-06-15', 35],
    ['1990-06-16', '2025-06-15', 34],
    ['1990-07-01', '2025-06-15', 34],
    ['2025-06-15', '2025-06-15', 0],
    ['1999-12-31', '2000-01-01', 0],
    ['1999-01-01', '2000-12-31', 1],
  ])('born %s, on %s: %i', (birth, on, age) => {
    expect(ageOn(birth, on)).toBe(age);
  });
});

describe('validateAge', () => {
  const ON = '2025-07-01';
  test.each([
    ['one day short of the minimum', '2007-07-02', ON, 18, 'age.too_young'],
    ['a year short of the minimum', '2008-07-01', ON, 18, 'age.too_young'],
    ['over the maximum by one day', '1954-07-01', ON, 18, 'age.too_old'],
    ['over the maximum by years', '1940-01-01', ON, 18, 'age.too_old'],
    ['a baby when the minimum is 1', '2025-01-01', ON, 1, 'age.too_young'],
    ['born 29 February, still 17 on 28 February', '2008-02-29', '2026-02-28', 18, 'age.too_young'],
  ])('rejects %s', (_what, birth, on, min, code) => {
    expect(validateAge(birth, on, min, 70)).toEqual({ ok: false, code });
  });

  test.each([
    ['exactly the minimum age', '2007-07-01', ON, 18, 18],
    ['exactly the maximum age, birthday tomorrow', '1954-07-02', ON, 18, 70],
    ['exactly the maximum age, birthday today', '1955-07-01', ON, 18, 70],
    ['born 29 February, 18 on 1 March of a common year', '2008-02-29', '2026-03-01', 18, 18],
    ['a newborn when the minimum is 0', '2025-07-01', ON, 0, 0],
  ])('accepts %s', (_what, birth, on, min, age) => {
    expect(validateAge(birth, on, min, 70)).toEqual({ ok: true, value: age });
  });
});

describe('validateTrip', () => {
  const ctx = { today: TODAY, maxDays: 30 };
  const err = (field: string, code: string) => ({ field, code }) as FieldError;

  test.each([
    ['start yesterday', { startDate: '2025-06-14', endDate: '2025-06-20' }, [err('startDate', 'date.past')]],
    ['start last year', { startDate: '2024-06-15', endDate: '2024-06-20' }, [err('startDate', 'date.past')]],
    [
      'end the day before start',
      { startDate: '2025-07-10', endDate: '2025-07-09' },
      [err('endDate', 'trip.end_before_start')],
    ],
    [
      'end a year before start',
      { startDate: '2025-07-10', endDate: '2024-07-10' },
      [err('endDate', 'trip.end_before_start')],
    ],
    ['31 days', { startDate: '2025-06-15', endDate: '2025-07-15' }, [err('endDate', 'trip.too_long')]],
    ['a year', { startDate: '2025-07-01', endDate: '2026-07-01' }, [err('endDate', 'trip.too_long')]],
    ['both missing', {}, [err('startDate', 'required'), err('endDate', 'required')]],
    ['start missing', { endDate: '2025-07-01' }, [err('startDate', 'required')]],
    ['end empty', { startDate: '2025-07-01', endDate: '' }, [err('endDate', 'required')]],
    [
      'start malformed',
      { startDate: '2025/07/01', endDate: '2025-07-02' },
      [err('startDate', 'date.format')],
    ],
    ['end malformed', { startDate: '2025-07-01', endDate: '20250702' }, [err('endDate', 'date.format')]],
    [
      'start impossible',
      { startDate: '2025-02-29', endDate: '2025-03-02' },
      [err('startDate', 'date.invalid')],
    ],
    ['end impossible', { startDate: '2025-09-01', endDate: '2025-09-31' }, [err('endDate', 'date.invalid')]],
    ['start a number', { startDate: 20250701, endDate: '2025-07-02' }, [err('startDate', 'invalid_type')]],
    [
      'end with a zero-width space',
      { startDate: '2025-07-01', endDate: '2025-07-02\u200B' },
      [err('endDate', 'date.format')],
    ],
    [
      'start past and end before it',
      { startDate: '2025-06-10', endDate: '2025-06-01' },
      [err('startDate', 'date.past'), err('endDate', 'trip.end_before_start')],
    ],
  ])('rejects %s', (_what, input, errors) => {
    expect(validateTrip(input, ctx)).toEqual({ ok: false, errors });
  });

  test.each([
    ['starting today', '2025-06-15', '2025-06-21', 7],
    ['a single day', '2025-08-01', '2025-08-01', 1],
    ['exactly the maximum', '2025-06-15', '2025-07-14', 30],
    ['across 29 February', '2028-02-28', '2028-03-01', 3],
    ['across the new year', '2025-12-30', '2026-01-02', 4],
  ])('accepts %s', (_what, startDate, endDate, days) => {
    expect(validateTrip({ startDate, endDate }, ctx)).toEqual({
      ok: true,
      value: { startDate, endDate, days },
    });
  });
});
