// Names as printed on travel documents, and the free-form contact name of an order.
import { fail, type FieldResult } from './result';
import { codePoints, isHan, readCleanText } from './text';

const SPACE = 0x20;
const MIDDLE_DOT = 0xb7; // "·", the separator in minority and transliterated foreign names on PRC documents

/** Clean text with at most single spaces between words ('whitespace' otherwise). */
function readSpacedText(value: unknown): FieldResult<string> {
  const text = readCleanText(value);
  if (!text.ok) return text;
  return text.value.includes('  ') ? fail('whitespace') : text;
}

/**
 * Chinese name: 2-20 Han characters ('too_short' / 'too_long'), optionally split by single middle dots "·"
 * (U+00B7) inside the name. Any other script, digit or punctuation, or a misplaced dot -> 'name.zh'; spaces
 * between Han characters -> 'whitespace'.
 */
export function validateChineseName(value: unknown): FieldResult<string> {
  const text = readCleanText(value);
  if (!text.ok) return text;
  const cps = codePoints(text.value);
  // Script first, so `ZHANG SAN` is told it is not Chinese rather than that it has a space.
  if (!cps.every((cp) => isHan(cp) || cp === MIDDLE_DOT || cp === SPACE)) return fail('name.zh');
  if (cps.includes(SPACE)) return fail('whitespace');
  const parts = text.value.split('\u00b7');
  if (parts.some((part) => part === '')) return fail('name.zh');
  const hanCount = cps.filter(isHan).length;
  if (hanCount < 2) return fail('too_short');
  if (hanCount > 20) return fail('too_long');
  return text;
}

/**
 * Pinyin name in capitals as printed on the document, e.g. `ZHANG SAN`: A-Z with single inner spaces, 2-60
 * characters. Lowercase -> 'lowercase'; tone marks, ü, digits, other scripts or punctuation -> 'name.pinyin'.
 */
export function validatePinyinName(value: unknown): FieldResult<string> {
  const text = readSpacedText(value);
  if (!text.ok) return text;
  if (/[a-z]/.test(text.value)) return fail('lowercase');
  if (!/^[A-Z ]+$/.test(text.value)) return fail('name.pinyin');
  if (text.value.length < 2) return fail('too_short');
  if (text.value.length > 60) return fail('too_long');
  return text;
}

/**
 * Contact name for an order: 1-40 characters of any script with single inner spaces; ASCII digits and ASCII
 * symbols other than . ' - are 'bad_chars'.
 */
export function validateContactName(value: unknown): FieldResult<string> {
  const text = readSpacedText(value);
  if (!text.ok) return text;
  if (codePoints(text.value).length > 40) return fail('too_long');
  if (/[0-9!"#$%&()*+,/:;<=>?@[\\\]^_`{|}~]/.test(text.value)) return fail('bad_chars');
  return text;
}
