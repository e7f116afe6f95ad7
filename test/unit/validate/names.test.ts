import {
  validateChineseName,
  validateContactName,
  validatePinyinName,
} from '../../../miniprogram/domain/validate';
import { EMPTY_INPUTS, hostileVariants, type Reject } from './fixtures';

const DOT = '\u00B7';

describe('validateChineseName', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('张三丰'),
    ['one character', '张', 'too_short'],
    ['one character and a dot', `张${DOT}`, 'name.zh'],
    ['21 characters', '张'.repeat(21), 'too_long'],
    ['Latin mixed in', '张三Zhang', 'name.zh'],
    ['pinyin instead of characters', 'ZHANG SAN', 'name.zh'],
    ['Latin only', 'Zhang', 'name.zh'],
    ['digit', '张三1', 'name.zh'],
    ['space inside', '张 三', 'whitespace'],
    ['Chinese full stop', '张三。', 'name.zh'],
    ['dot in front', `${DOT}张三`, 'name.zh'],
    ['dot at the end', `张三${DOT}`, 'name.zh'],
    ['two dots in a row', `买买提${DOT}${DOT}艾力`, 'name.zh'],
    ['bullet instead of middle dot', '买买提\u2022艾力', 'name.zh'],
    ['katakana middle dot', '买买提\u30FB艾力', 'name.zh'],
    ['full-width full stop as a dot', '买买提\uFF0E艾力', 'fullwidth'],
    ['hyphen', '买买提-艾力', 'name.zh'],
    ['Japanese kana', 'さくら', 'name.zh'],
    ['Korean hangul', '김민수', 'name.zh'],
    ['combining mark', '张\u0301三', 'name.zh'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validateChineseName(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['a two-character name', '张三', '张三'],
    ['a compound surname', '欧阳娜娜', '欧阳娜娜'],
    ['traditional characters', '張三', '張三'],
    ['a minority name with a middle dot', `买买提${DOT}艾力`, `买买提${DOT}艾力`],
    ['three parts', `阿卜杜${DOT}买买提${DOT}艾力`, `阿卜杜${DOT}买买提${DOT}艾力`],
    ['a rare character outside the basic block', '\u{20BB7}田', '\u{20BB7}田'],
    ['exactly 20 characters', '张'.repeat(20), '张'.repeat(20)],
    [
      '20 characters and a dot',
      `${'张'.repeat(10)}${DOT}${'李'.repeat(10)}`,
      `${'张'.repeat(10)}${DOT}${'李'.repeat(10)}`,
    ],
    ['outer spaces (trimmed)', '  张三 ', '张三'],
  ])('accepts %s', (_what, input, value) => {
    expect(validateChineseName(input)).toEqual({ ok: true, value });
  });
});

describe('validatePinyinName', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('ZHANG SAN'),
    ['lowercase', 'zhang san', 'lowercase'],
    ['title case', 'Zhang San', 'lowercase'],
    ['one lowercase letter', 'ZHANg SAN', 'lowercase'],
    ['tone mark, precomposed', 'ZH\u0100NG SAN', 'name.pinyin'],
    ['tone mark, combining', 'ZHA\u0304NG SAN', 'name.pinyin'],
    ['u with umlaut', 'L\u00DC BU', 'name.pinyin'],
    ['lowercase with tone marks', 'zh\u0101ng s\u0101n', 'lowercase'],
    ['two spaces', 'ZHANG  SAN', 'whitespace'],
    ['comma', 'ZHANG,SAN', 'name.pinyin'],
    ['hyphen', 'ZHANG-SAN', 'name.pinyin'],
    ['apostrophe', "XI'AN LI", 'name.pinyin'],
    ['digit', 'ZHANG SAN2', 'name.pinyin'],
    ['Chinese characters', '张三', 'name.pinyin'],
    ['mixed scripts', 'ZHANG 三', 'name.pinyin'],
    ['Cyrillic look-alike', 'ZH\u0410NG SAN', 'name.pinyin'],
    ['one letter', 'Z', 'too_short'],
    ['61 characters', 'A'.repeat(61), 'too_long'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validatePinyinName(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['ZHANG SAN', 'ZHANG SAN'],
    ['OUYANG NANA', 'OUYANG NANA'],
    ['LYU BU', 'LYU BU'],
    ['MAIMAITI AILI ABUDU', 'MAIMAITI AILI ABUDU'],
    ['ZH', 'ZH'],
    ['A'.repeat(60), 'A'.repeat(60)],
    [' ZHANG SAN  ', 'ZHANG SAN'],
  ])('accepts %p', (input, value) => {
    expect(validatePinyinName(input)).toEqual({ ok: true, value });
  });
});

describe('validateContactName', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('Zhang San'),
    ['41 characters', 'a'.repeat(41), 'too_long'],
    ['41 Chinese characters', '张'.repeat(41), 'too_long'],
    ['two spaces', 'Zhang  San', 'whitespace'],
    ['digit', 'Zhang3', 'bad_chars'],
    ['markup', 'Zhang <b>', 'bad_chars'],
    ['at sign', 'zhang@san', 'bad_chars'],
    ['underscore', 'Zhang_San', 'bad_chars'],
    ['slash', 'Zhang/San', 'bad_chars'],
    ['semicolon', 'Zhang;San', 'bad_chars'],
    ['parentheses', 'Zhang (San)', 'bad_chars'],
    ['quote', 'Zhang "San"', 'bad_chars'],
    ['line separator', 'Zhang\u2028San', 'whitespace'],
    ['ideographic space at the end', '张三\u3000', 'fullwidth'],
    ['only a zero-width space', '\u200B', 'invisible'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validateContactName(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['Zhang San', 'Zhang San'],
    ['张三', '张三'],
    ["Mary O'Neil", "Mary O'Neil"],
    ['Jean-Luc Martin', 'Jean-Luc Martin'],
    ['J. Smith', 'J. Smith'],
    [`买买提${DOT}艾力`, `买买提${DOT}艾力`],
    ['Jos\u00E9 N\u00FA\u00F1ez', 'Jos\u00E9 N\u00FA\u00F1ez'],
    ['A', 'A'],
    ['a'.repeat(40), 'a'.repeat(40)],
    ['  Zhang San ', 'Zhang San'],
  ])('accepts %p', (input, value) => {
    expect(validateContactName(input)).toEqual({ ok: true, value });
  });
});
