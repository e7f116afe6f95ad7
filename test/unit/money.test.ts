import {
  add,
  convert,
  formatMoney,
  formatRate,
  money,
  roundDiv,
  sum,
  times,
} from '../../miniprogram/domain/money';

test('amounts must be integers in minor units', () => {
  expect(() => money(12.5, 'NZD')).toThrow(RangeError);
  expect(money(1250, 'NZD')).toEqual({ amount: 1250, currency: 'NZD' });
});

test('arithmetic refuses to mix currencies', () => {
  expect(add(money(100, 'NZD'), money(250, 'NZD'))).toEqual(money(350, 'NZD'));
  expect(() => add(money(100, 'NZD'), money(100, 'CNY'))).toThrow('currency mismatch');
  expect(times(money(3500, 'NZD'), 3)).toEqual(money(10500, 'NZD'));
  expect(sum([money(1, 'NZD'), money(2, 'NZD')], 'NZD')).toEqual(money(3, 'NZD'));
});

test.each([
  [5, 10, 1],
  [4, 10, 0],
  [15, 10, 2],
  [-15, 10, -2],
  [14, 10, 1],
])('roundDiv(%i, %i) rounds half away from zero to %i', (n, d, expected) => {
  expect(roundDiv(n, d)).toBe(expected);
});

test.each([
  [money(100, 'NZD'), 4150000, money(415, 'CNY')],
  [money(3550, 'NZD'), 4153300, money(14744, 'CNY')], // 147.44215 -> 147.44
  [money(1, 'NZD'), 4150000, money(4, 'CNY')], // 0.0415 -> 0.04
  [money(1000, 'JPY'), 48000, money(4800, 'CNY')], // JPY has no minor unit: 1000 yen * 0.048
  [money(1, 'KWD'), 23500000, money(2, 'CNY')], // 0.001 KWD * 23.5 = 0.0235 -> 0.02
])('convert %j at %i micros -> %j', (source, rate, expected) => {
  expect(convert(source, 'CNY', rate)).toEqual(expected);
});

test.each([
  [money(350050, 'NZD'), 'NZ$3,500.50'],
  [money(5, 'CNY'), '¥0.05'],
  [money(-1200, 'NZD'), '-NZ$12.00'],
  [money(1500, 'JPY'), 'JP¥1,500'],
  [money(1234, 'XYZ'), 'XYZ 12.34'],
])('formatMoney(%j) = %s', (m, text) => {
  expect(formatMoney(m)).toBe(text);
});

test.each([
  [4150000, '4.15'],
  [4000000, '4'],
  [4153300, '4.1533'],
  [4100000, '4.10'],
])('formatRate(%i) = %s', (micros, text) => {
  expect(formatRate(micros)).toBe(text);
});
