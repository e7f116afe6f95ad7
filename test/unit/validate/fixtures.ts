// Test-side helpers, written independently of the module under test.
import type { ValidationCode } from '../../../miniprogram/domain/validate';

export const TODAY = '2025-06-15';

/**
 * GB 11643 check character computed from the definition rather than a lookup table: weight of position i
 * (0-based from the left) is 2^(17 - i) mod 11, and the check value c satisfies (sum + c) mod 11 = 1.
 */
export function checkChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const c = (12 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** A syntactically valid ID number (made up, not anyone's): region (6) + YYYYMMDD + sequence (3) + check. */
export function makeId(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + checkChar(first17);
}

/** The same number with any other check character. */
export function withWrongCheck(id: string): string {
  const wrong = id.endsWith('1') ? '2' : '1';
  return id.slice(0, 17) + wrong;
}

export type Reject = [description: string, input: unknown, code: ValidationCode];

/** Empty and wrongly typed inputs every text field refuses the same way. */
export const EMPTY_INPUTS: Reject[] = [
  ['empty string', '', 'required'],
  ['only spaces', '   ', 'required'],
  ['undefined', undefined, 'required'],
  ['null', null, 'required'],
  ['a number', 12345678, 'invalid_type'],
  ['an object', { value: 'x' }, 'invalid_type'],
];

/** Characters no field accepts, inserted into an otherwise valid value. */
export function hostileVariants(valid: string): Reject[] {
  const inside = (s: string): string => valid.slice(0, 1) + s + valid.slice(1);
  return [
    ['zero-width space inside', inside('\u200B'), 'invisible'],
    ['zero-width joiner inside', inside('\u200D'), 'invisible'],
    ['RTL mark in front', `\u200F${valid}`, 'invisible'],
    ['RTL override inside', inside('\u202E'), 'invisible'],
    ['byte order mark in front', `\uFEFF${valid}`, 'invisible'],
    ['NUL control character', inside('\u0000'), 'invisible'],
    ['DEL control character at the end', `${valid}\u007F`, 'invisible'],
    ['C1 control character', inside('\u009B'), 'invisible'],
    ['tab inside', inside('\t'), 'whitespace'],
    ['trailing newline', `${valid}\n`, 'whitespace'],
    ['no-break space inside', inside('\u00A0'), 'whitespace'],
    ['full-width letter', inside('\uFF21'), 'fullwidth'],
    ['full-width digit', inside('\uFF11'), 'fullwidth'],
    ['ideographic space', inside('\u3000'), 'fullwidth'],
    ['emoji at the end', `${valid}\u{1F600}`, 'emoji'],
    ['emoji with a variation selector', inside('\u2764\uFE0F'), 'emoji'],
    ['flag emoji', inside('\u{1F1E8}\u{1F1F3}'), 'emoji'],
    ['lone surrogate (a broken character)', inside('\uD83D'), 'invisible'],
    ['private-use character', inside('\uE000'), 'bad_chars'],
  ];
}
