/**
 * Validation rules shared by the mini program's forms and the dev API (one rule, two sides). Pure: no wx, no
 * Node, no clock — "today" is always passed in as the destination's LocalDate.
 *
 * Field validators take `unknown` and return `{ok: true, value}` (the normalized value to submit) or
 * `{ok: false, code}`; object validators return `{ok: true, value}` or `{ok: false, errors: [{field, code}]}`
 * in form order. Messages for every code: miniprogram/i18n/validation.ts.
 *
 * Normalization is deliberately minimal:
 * - text inputs lose leading/trailing U+0020 spaces (dates are machine values and are not trimmed);
 * - a PRC ID's final 'x' becomes 'X';
 * - a mobile number's separators (single spaces / hyphens) are dropped and +86 is added to an 11-digit mainland
 *   number, giving E.164.
 * Everything else that is wrong is rejected, never repaired: full-width characters ('fullwidth'), tabs, line
 * breaks, non-ASCII or repeated spaces ('whitespace'), zero-width, bidi and control characters ('invisible'),
 * emoji ('emoji'), private-use characters ('bad_chars'), lowercase document numbers or pinyin ('lowercase').
 * The first offending character decides among those codes.
 */
export * from './result';
export { charProblem } from './text';
export * from './local-date';
export * from './prc-id';
export * from './travel-documents';
export * from './names';
export * from './contact';
export * from './traveller';
