import {
  addDays,
  daysBetween,
  instantOf,
  isLocalDate,
  isoWeekday,
  localDateAt,
  localTimeAt,
  utcOffsetMinutes,
} from '../../miniprogram/domain/time';

const AKL = 'Pacific/Auckland';

test('the local date is the destination’s, not the machine’s or Beijing’s', () => {
  const instant = Date.parse('2026-11-22T12:30:00Z'); // 01:30 on the 23rd in Auckland (NZDT, +13)
  expect(localDateAt(instant, AKL)).toBe('2026-11-23');
  expect(localTimeAt(instant, AKL)).toBe('01:30');
  expect(localDateAt(instant, 'Asia/Shanghai')).toBe('2026-11-22');
});

test('daylight saving: +13 in the southern summer, +12 in winter; the change happens at 03:00 local', () => {
  expect(utcOffsetMinutes(Date.parse('2026-12-01T00:00:00Z'), AKL)).toBe(780);
  expect(utcOffsetMinutes(Date.parse('2026-07-01T00:00:00Z'), AKL)).toBe(720);
  // NZDT ends on the first Sunday of April (2027-04-04) at 03:00 NZDT = 14:00 UTC the day before.
  expect(utcOffsetMinutes(Date.parse('2027-04-03T13:59:00Z'), AKL)).toBe(780);
  expect(utcOffsetMinutes(Date.parse('2027-04-03T14:00:00Z'), AKL)).toBe(720);
});

test('instantOf: 23:59 on a local date is a fixed instant whatever the phone’s zone', () => {
  expect(new Date(instantOf('2026-12-31', '23:59', AKL)).toISOString()).toBe('2026-12-31T10:59:00.000Z');
});

test.each([
  ['2026-11-23', true],
  ['2026-02-29', false],
  ['2028-02-29', true],
  ['2026-13-01', false],
  ['2026-1-01', false],
  ['', false],
])('isLocalDate(%s) = %s', (value, expected) => {
  expect(isLocalDate(value)).toBe(expected);
});

test('calendar arithmetic on local dates ignores time zones and DST', () => {
  expect(addDays('2027-04-03', 1)).toBe('2027-04-04');
  expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  expect(daysBetween('2026-11-23', '2027-02-20')).toBe(89);
  expect(isoWeekday('2026-11-22')).toBe(7);
  expect(isoWeekday('2026-11-23')).toBe(1);
});
