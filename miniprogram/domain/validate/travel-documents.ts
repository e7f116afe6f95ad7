// Passport and Hong Kong / Macao travel permit numbers. No repair: lowercase, spaces and look-alike letters
// (Cyrillic, full-width) are rejected so the number matches the document character for character.
import { fail, type FieldResult } from './result';
import { readCompactText } from './text';

export type PassportIssuer = 'CHN' | 'other';

/**
 * PRC ordinary passports: E + 8 digits (e-passports since 2012), E + letter + 7 digits (once the digits ran
 * out), G + 8 digits (older booklets).
 */
const PRC_PASSPORT = /^(E\d{8}|E[A-Z]\d{7}|G\d{8})$/;
/** ICAO 9303 document numbers are up to 9 characters of A-Z / 0-9; 6 is the shortest in practical use. */
const ICAO_PASSPORT = /^[A-Z0-9]{6,9}$/;
/**
 * 往来港澳通行证 (card type, issued since 2014): C + 8 digits, or C + a series letter + 7 digits, the scheme
 * E-passports use when a numeric range is used up. The older booklet (W + 8 digits) has expired everywhere.
 */
const HK_MACAO_PERMIT = /^C[A-Z0-9]\d{7}$/;

/** Shared start of document numbers: clean text, no spaces, no lowercase. */
function readDocumentNumber(value: unknown): FieldResult<string> {
  const text = readCompactText(value);
  if (!text.ok) return text;
  if (/[a-z]/.test(text.value)) return fail('lowercase');
  return text;
}

/**
 * `issuer: 'CHN'` (the traveller states a PRC passport) applies the PRC ordinary passport formats
 * ('passport.cn'); 'other' applies the generic ICAO-style check: 6-9 of A-Z / 0-9 with at least one digit
 * ('passport.format').
 */
export function validatePassport(value: unknown, opts: { issuer: PassportIssuer }): FieldResult<string> {
  const text = readDocumentNumber(value);
  if (!text.ok) return text;
  if (opts.issuer === 'CHN') return PRC_PASSPORT.test(text.value) ? text : fail('passport.cn');
  return ICAO_PASSPORT.test(text.value) && /\d/.test(text.value) ? text : fail('passport.format');
}

/** Hong Kong / Macao travel permit: C + [A-Z0-9] + 7 digits ('permit.format'). */
export function validateHkMacaoPermit(value: unknown): FieldResult<string> {
  const text = readDocumentNumber(value);
  if (!text.ok) return text;
  return HK_MACAO_PERMIT.test(text.value) ? text : fail('permit.format');
}
