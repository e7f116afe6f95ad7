// PRC resident identity card number, GB 11643-1999: 6-digit region code, 8-digit birth date, 3-digit sequence
// (odd = male), and a check character by ISO 7064 MOD 11-2.
import { daysBetween, formatLocalDate, isRealDate, type LocalDate } from './local-date';
import { fail, ok, type FieldResult } from './result';
import { readCompactText } from './text';

/** Province-level codes of GB/T 2260 (first two digits of the region code), including 71 Taiwan, 81 HK, 82 Macao. */
const PROVINCE_CODE = /^(1[1-5]|2[1-3]|3[1-7]|4[1-6]|5[0-4]|6[1-5]|71|8[12])/;

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'M' | 'F';

export interface PrcIdInfo {
  birthDate: LocalDate;
  sex: Sex;
}

/** The GB 11643 check character for the first 17 digits. */
export function prcIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/**
 * Birth date and sex embedded in an 18-character ID (as returned by validatePrcId); undefined when the
 * number does not have that shape or its date is not a real date.
 */
export function parsePrcId(id: string): PrcIdInfo | undefined {
  if (!/^\d{17}[\dX]$/.test(id)) return undefined;
  const parts = {
    year: Number(id.slice(6, 10)),
    month: Number(id.slice(10, 12)),
    day: Number(id.slice(12, 14)),
  };
  if (!isRealDate(parts)) return undefined;
  return { birthDate: formatLocalDate(parts), sex: Number(id[16]) % 2 === 1 ? 'M' : 'F' };
}

/**
 * Validates an 18-character PRC ID number. Repairs: trims outer spaces and upper-cases a final 'x'. Codes, in
 * order: required, invisible/whitespace/fullwidth/emoji/bad_chars, id.format (not 17 digits + digit or X),
 * id.region, id.birthdate (not a real date, before 1900, or after `today`), id.checksum.
 */
export function validatePrcId(value: unknown, ctx: { today: LocalDate }): FieldResult<string> {
  const text = readCompactText(value);
  if (!text.ok) return text;
  const id = text.value.replace(/x$/, 'X');
  if (!/^\d{17}[\dX]$/.test(id)) return fail('id.format');
  if (!PROVINCE_CODE.test(id)) return fail('id.region');
  const info = parsePrcId(id);
  // parsePrcId already refuses dates that are not real or before 1900 (isRealDate).
  if (!info || daysBetween(ctx.today, info.birthDate) > 0) return fail('id.birthdate');
  return id[17] === prcIdCheckChar(id) ? ok(id) : fail('id.checksum');
}
