import { parsePrcId, prcIdCheckChar, validatePrcId } from '../../../miniprogram/domain/validate';
import {
  EMPTY_INPUTS,
  TODAY,
  checkChar,
  hostileVariants,
  makeId,
  withWrongCheck,
  type Reject,
} from './fixtures';

const validate = (value: unknown) => validatePrcId(value, { today: TODAY });

// Made-up numbers: region 110105 (Beijing Chaoyang), 440305 (Shenzhen Nanshan), 650102, 810000, 820000.
const MALE_1990 = makeId('110105', '19900315', '123');
const FEMALE_2000_LEAP = makeId('440305', '20000229', '042');
const X_CHECK = makeId('110105', '19491231', '002'); // the standard's own worked example ends in X

describe('test fixtures', () => {
  test.each([
    // Sample numbers printed in GB 11643-1999 and widely reproduced; not personal data.
    ['11010519491231002', 'X'],
    ['44052418800101001', '4'],
    // Further made-up numbers, their check characters worked out separately (Python, from the definition).
    ['11010119900307100', '6'],
    ['33010620000229312', '3'],
  ])('independent check character of %s is %s', (first17, check) => {
    expect(checkChar(first17)).toBe(check);
    expect(prcIdCheckChar(first17)).toBe(check);
  });

  test('the module agrees with the independent helper on many sequences', () => {
    for (let n = 0; n < 1000; n++) {
      const first17 = `3201021985${String(n * 7919)
        .padStart(7, '0')
        .slice(-7)}`;
      expect(prcIdCheckChar(first17)).toBe(checkChar(first17));
    }
  });

  test('X_CHECK ends with X', () => expect(X_CHECK).toBe('11010519491231002X'));
});

describe('validatePrcId rejects', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants(MALE_1990),
    ['wrong check digit', withWrongCheck(MALE_1990), 'id.checksum'],
    ['X where a digit is due', `${MALE_1990.slice(0, 17)}X`, 'id.checksum'],
    [
      'two digits swapped',
      MALE_1990.slice(0, 14) + MALE_1990[15] + MALE_1990[14] + MALE_1990.slice(16),
      'id.checksum',
    ],
    ['a digit mistyped', `${MALE_1990.slice(0, 3)}9${MALE_1990.slice(4)}`, 'id.checksum'],
    ['17 characters', MALE_1990.slice(0, 17), 'id.format'],
    ['19 characters', `${MALE_1990}0`, 'id.format'],
    ['old 15-digit number', '110105900315123', 'id.format'],
    ['X in the middle', `11010519491X31002X`, 'id.format'],
    ['a letter inside', `1101051990031A123${MALE_1990[17]}`, 'id.format'],
    ['check character Y', `${MALE_1990.slice(0, 17)}Y`, 'id.format'],
    ['hyphens between groups', `110105-19900315-${MALE_1990.slice(14)}`, 'id.format'],
    ['Arabic-Indic digits', '\u0661'.repeat(18), 'id.format'],
    ['space between groups', `110105 ${MALE_1990.slice(6)}`, 'whitespace'],
    ['region 00', makeId('000000', '19900315', '123'), 'id.region'],
    ['region 99', makeId('990101', '19900315', '123'), 'id.region'],
    ['region 72 (not a province code)', makeId('720101', '19900315', '123'), 'id.region'],
    ['region 10', makeId('100101', '19900315', '123'), 'id.region'],
    ['30 February (19990230)', makeId('110105', '19990230', '123'), 'id.birthdate'],
    ['29 February in a common year', makeId('110105', '19990229', '123'), 'id.birthdate'],
    ['29 February 1900 (not a leap year)', makeId('110105', '19000229', '123'), 'id.birthdate'],
    ['month 13', makeId('110105', '19901315', '123'), 'id.birthdate'],
    ['day 00', makeId('110105', '19900300', '123'), 'id.birthdate'],
    ['born before 1900 (the standard sample 440524188001010014)', '440524188001010014', 'id.birthdate'],
    ['born tomorrow', makeId('110105', '20250616', '123'), 'id.birthdate'],
    ['born in 2030', makeId('110105', '20300101', '123'), 'id.birthdate'],
  ];

  test.each(wrong)('%s', (_what, input, code) => {
    expect(validate(input)).toEqual({ ok: false, code });
  });
});

describe('validatePrcId accepts', () => {
  test.each([
    ['an ordinary number', MALE_1990, MALE_1990],
    ['an X check character', X_CHECK, X_CHECK],
    ['a lowercase x check character (upper-cased)', X_CHECK.toLowerCase(), X_CHECK],
    ['outer spaces (trimmed)', `  ${MALE_1990} `, MALE_1990],
    ['a 29 February birthday', FEMALE_2000_LEAP, FEMALE_2000_LEAP],
    ['a baby born today', makeId('650102', '20250615', '001'), makeId('650102', '20250615', '001')],
    ['born on 1 January 1900', makeId('320102', '19000101', '001'), makeId('320102', '19000101', '001')],
    [
      'a Hong Kong region code (81)',
      makeId('810000', '19800101', '001'),
      makeId('810000', '19800101', '001'),
    ],
    ['a Macao region code (82)', makeId('820000', '19800101', '002'), makeId('820000', '19800101', '002')],
  ])('%s', (_what, input, value) => {
    expect(validate(input)).toEqual({ ok: true, value });
  });
});

describe('parsePrcId', () => {
  test.each([
    [MALE_1990, { birthDate: '1990-03-15', sex: 'M' }],
    [FEMALE_2000_LEAP, { birthDate: '2000-02-29', sex: 'F' }],
    [X_CHECK, { birthDate: '1949-12-31', sex: 'F' }],
    [makeId('110105', '19900315', '129'), { birthDate: '1990-03-15', sex: 'M' }],
    [makeId('110105', '19900315', '120'), { birthDate: '1990-03-15', sex: 'F' }],
  ])('%s -> %o', (id, info) => {
    expect(parsePrcId(id)).toEqual(info);
  });

  test.each(['', '110105900315123', makeId('110105', '19990230', '123'), `${MALE_1990.slice(0, 17)}x`])(
    'undefined for %p',
    (id) => expect(parsePrcId(id)).toBeUndefined(),
  );
});
