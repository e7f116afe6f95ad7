// Hostile user input for the property tests: characters no field accepts (grouped by the code the shared
// validators give them, listed here independently of their tables), strings mixing them with scripts a form does
// accept (full-width, RTL letters, emoji, CJK extensions), very long values, numbers at the limits and dates at
// daylight-saving edges. Generators of valid values per field let a test plant one bad character in a good value.
import fc from 'fast-check';
import { prcIdCheckChar } from '../../miniprogram/domain/validate';

export type CharCode = 'whitespace' | 'invisible' | 'fullwidth' | 'emoji' | 'bad_chars';

/** Characters and the code a text field must answer for them (the first bad character decides). */
export const HOSTILE_CHARS: Record<CharCode, string[]> = {
  whitespace: ['\t', '\n', '\r', '\u000b', '\u00a0', '\u2003', '\u2028', '\u2029', '\u202f'],
  invisible: [
    '\u0000',
    '\u0007',
    '\u001b',
    '\u007f',
    '\u009b',
    '\u00ad',
    '\u200b',
    '\u200d',
    '\u200e',
    '\u200f',
    '\u202a',
    '\u202e',
    '\u2066',
    '\u2069',
    '\u061c',
    '\ufeff',
    '\ud800',
    '\udfff',
    '\ufe0f',
    '\u{e0041}',
  ],
  fullwidth: ['\u3000', '\uff21', '\uff11', '\uff20', '\uff0e', '\uff5e'],
  emoji: ['😀', '🇨🇳', '❤', '⌚', '🧳', '👍🏽'],
  bad_chars: ['\ue000', '\uf8ff', '\u{f0000}', '\u{10fffd}'],
};

export const hostileChar: fc.Arbitrary<{ char: string; code: CharCode }> = fc.oneof(
  ...(Object.entries(HOSTILE_CHARS) as Array<[CharCode, string[]]>).map(([code, chars]) =>
    fc.constantFrom(...chars).map((char) => ({ char, code })),
  ),
);

/** `value` with one hostile character planted at any position, and the code that character must get. */
export function planted(value: fc.Arbitrary<string>): fc.Arbitrary<{ value: string; code: CharCode }> {
  return fc.tuple(value, hostileChar, fc.nat()).map(([v, { char, code }, at]) => {
    const chars = Array.from(v);
    chars.splice(at % (chars.length + 1), 0, char);
    return { value: chars.join(''), code };
  });
}

const pieces = [
  ...Object.values(HOSTILE_CHARS).flat(),
  'A',
  'z',
  '9',
  ' ',
  '  ',
  '·',
  '-',
  "'",
  '@',
  '.',
  '+',
  '张',
  '𠀀',
  'é',
  'ß',
  'ا',
  'ש',
  'Ａ',
  '<script>',
  '"',
  '\\',
];

/** Anything a user, a paste or a hostile client may put in a text field. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: fc.constantFrom(...pieces), maxLength: 12 }),
  fc.constantFrom('', ' ', '   ', 'A'.repeat(300), '张'.repeat(70), '😀'.repeat(40), 'a'.repeat(5000)),
);

/** Numbers a hostile client sends where a small count is expected. */
export const limitNumbers = fc.constantFrom(
  -1,
  0,
  1,
  2,
  9,
  10,
  11,
  50,
  51,
  2 ** 31,
  Number.MAX_SAFE_INTEGER,
  1.5,
  -0.5,
  1e308,
);

/** Days around daylight-saving changes (Auckland, Europe, North America) and leap days, near the soak's today. */
export const DST_EDGES = [
  '2026-09-27',
  '2026-10-25',
  '2026-11-01',
  '2027-03-14',
  '2027-03-28',
  '2027-04-03',
  '2027-04-04',
  '2027-04-05',
  '2027-09-25',
  '2027-09-26',
  '2027-10-31',
  '2028-02-29',
];

// ---------- valid values ----------

const upper = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const digits = (n: number, from = 0) =>
  fc.array(fc.integer({ min: from, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

/** minHan-maxHan Han characters (extension B included), minority and transliterated names split by middle dots. */
export function chineseNameOf(minHan: number, maxHan: number): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.array(fc.constantFrom('张', '伟', '李', '娜', '王', '𠀀', '龘', '欧', '阳', '买', '提'), {
        minLength: minHan,
        maxLength: maxHan,
      }),
      fc.array(fc.nat(), { maxLength: 4 }),
    )
    .map(([han, cuts]) => {
      const at = new Set(
        cuts.map((c) => 1 + (c % Math.max(1, han.length - 1))).filter((c) => c < han.length),
      );
      return han.map((ch, i) => (at.has(i) ? `·${ch}` : ch)).join('');
    });
}

export const chineseName = chineseNameOf(2, 20);

export const pinyinName = fc
  .array(fc.string({ unit: fc.constantFrom(...upper), minLength: 1, maxLength: 12 }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((words) => words.join(' '))
  .filter((s) => s.length >= 2 && s.length <= 60);

/** Contact names in any script: Latin with accents, Han, Arabic and Hebrew letters (RTL letters are fine). */
export const contactName = fc
  .array(
    fc.string({
      unit: fc.constantFrom('A', 'n', 'é', 'ø', '张', '伟', 'ا', 'ل', 'ש', 'ם', "'", '.', '-'),
      minLength: 1,
      maxLength: 8,
    }),
    {
      minLength: 1,
      maxLength: 4,
    },
  )
  .map((words) => words.join(' '))
  .filter((s) => Array.from(s).length <= 40);

/** What people type for a mobile number, and its E.164 form. */
export const mobile: fc.Arbitrary<{ typed: string; e164: string }> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 3, max: 9 }), digits(9), fc.constantFrom('', '+86', '+86 '))
    .map(([second, rest, prefix]) => {
      const national = `1${second}${rest}`;
      return { typed: `${prefix}${national}`, e164: `+86${national}` };
    }),
  fc
    .tuple(digits(2, 1), digits(8))
    .filter(([cc]) => cc !== '86')
    .map(([cc, rest]) => ({
      typed: `+${cc} ${rest.slice(0, 4)}-${rest.slice(4)}`,
      e164: `+${cc}${rest}`,
    })),
);

const atom = fc.string({
  unit: fc.constantFrom('a', 'b', 'Z', '0', '9', '_', '+', '-'),
  minLength: 1,
  maxLength: 10,
});
export const email = fc
  .tuple(
    fc.array(atom, { minLength: 1, maxLength: 3 }),
    fc.array(fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,8}[a-z0-9])?$/), { minLength: 1, maxLength: 3 }),
    fc.constantFrom('com', 'nz', 'cn', 'travel', 'xn--fiqs8s'),
  )
  .map(([local, labels, tld]) => `${local.join('.')}@${labels.join('.')}.${tld}`)
  .filter((e) => e.split('@')[0]!.length <= 64);

/** A PRC ID number for a birth date (a made-up region-110101 number with its right check character). */
export function prcIdFor(birthDate: string, sequence: string): string {
  const first17 = `110101${birthDate.replace(/-/g, '')}${sequence}`;
  return first17 + prcIdCheckChar(first17);
}

export const birthDate = fc
  .tuple(
    fc.integer({ min: 1930, max: 2020 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
  )
  .map(([y, m, d]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

export const prcId = fc.tuple(birthDate, digits(3)).map(([b, s]) => prcIdFor(b, s));
export const prcPassport = fc.oneof(
  digits(8).map((d) => `E${d}`),
  fc.tuple(fc.constantFrom(...upper), digits(7)).map(([l, d]) => `E${l}${d}`),
  digits(8).map((d) => `G${d}`),
);
export const otherPassport = fc
  .string({ unit: fc.constantFrom(...upper, ...'0123456789'), minLength: 6, maxLength: 9 })
  .filter((s) => /\d/.test(s));
export const permit = fc
  .tuple(fc.constantFrom(...upper, ...'0123456789'), digits(7))
  .map(([c, d]) => `C${c}${d}`);
