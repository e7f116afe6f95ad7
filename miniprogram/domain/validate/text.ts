// Character-level checks shared by every text field. Written with explicit code point ranges instead of
// Unicode property escapes (\p{...}) so the same code runs on every WeChat JS engine and in Node.
import { fail, ok, type FieldResult, type ValidationCode } from './result';

type Range = readonly [number, number];

const inRanges = (cp: number, ranges: readonly Range[]): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

// Line breaks, tabs and the Unicode spaces other than U+0020 (U+3000 counts as full-width, below).
const WHITESPACE: readonly Range[] = [
  [0x09, 0x0d],
  [0x85, 0x85],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
];

// Control and format characters a user cannot see: zero-width, bidi (RTL/LTR) marks and overrides, BOM,
// fillers, tags, variation selectors, soft hyphen. They usually arrive by copy-paste.
const INVISIBLE: readonly Range[] = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0xad, 0xad],
  [0x34f, 0x34f],
  [0x61c, 0x61c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180b, 0x180f],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xd800, 0xdfff], // a lone surrogate: a broken character
  [0xfe00, 0xfe0f],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfffb],
  [0x1d173, 0x1d17a],
  [0xe0000, 0xe01ef],
];

// Full-width ASCII forms (what a Chinese IME types in full-width mode) and the ideographic space.
const FULLWIDTH: readonly Range[] = [
  [0x3000, 0x3000],
  [0xff01, 0xff5e],
];

// Emoji and pictographic symbol blocks (including regional-indicator flags and skin tones).
const EMOJI: readonly Range[] = [
  [0x2300, 0x23ff],
  [0x2600, 0x27bf],
  [0x2b00, 0x2bff],
  [0x1f000, 0x1faff],
];

// Private use areas: no meaning outside one vendor's font.
const PRIVATE_USE: readonly Range[] = [
  [0xe000, 0xf8ff],
  [0xf0000, 0x10ffff],
];

// CJK unified ideographs (basic block, extensions A-H) and compatibility ideographs: rare characters do appear in
// names, so the extensions count as Han.
const HAN: readonly Range[] = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x323af],
  [0x2f800, 0x2fa1f],
];

export const isHan = (cp: number): boolean => inRanges(cp, HAN);

/** Code points of a string (a lone surrogate stays one code point, which INVISIBLE then rejects). */
export const codePoints = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0) ?? 0);

/**
 * The first character no field accepts, as a code: 'invisible', 'whitespace' (other than U+0020, whose rules
 * differ per field), 'fullwidth', 'emoji', or 'bad_chars' (private use). undefined when none.
 */
export function charProblem(s: string): ValidationCode | undefined {
  for (const cp of codePoints(s)) {
    if (inRanges(cp, WHITESPACE)) return 'whitespace';
    if (inRanges(cp, INVISIBLE)) return 'invisible';
    if (inRanges(cp, FULLWIDTH)) return 'fullwidth';
    if (inRanges(cp, EMOJI)) return 'emoji';
    if (inRanges(cp, PRIVATE_USE)) return 'bad_chars';
  }
  return undefined;
}

/**
 * Reads a text input: null/undefined/'' -> 'required', a non-string -> 'invalid_type'; otherwise the value with
 * leading and trailing U+0020 spaces removed (the only repair made to text; see index.ts).
 */
export function readText(value: unknown): FieldResult<string> {
  if (value === undefined || value === null) return fail('required');
  if (typeof value !== 'string') return fail('invalid_type');
  const trimmed = value.replace(/^ +| +$/g, '');
  return trimmed === '' ? fail('required') : ok(trimmed);
}

/** readText plus charProblem: the common start of every text validator. */
export function readCleanText(value: unknown): FieldResult<string> {
  const text = readText(value);
  if (!text.ok) return text;
  const problem = charProblem(text.value);
  return problem ? fail(problem) : text;
}

/** readCleanText for values that take no spaces at all (document numbers, e-mail): any inner space -> 'whitespace'. */
export function readCompactText(value: unknown): FieldResult<string> {
  const text = readCleanText(value);
  if (!text.ok) return text;
  return text.value.includes(' ') ? fail('whitespace') : text;
}
