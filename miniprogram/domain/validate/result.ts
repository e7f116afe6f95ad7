// Result shapes and the closed list of codes shared by the forms, the dev API and the message catalogue.

export const VALIDATION_CODES = [
  'required',
  'invalid_type',
  'choice',
  'too_short',
  'too_long',
  'bad_chars',
  'invisible',
  'whitespace',
  'fullwidth',
  'emoji',
  'lowercase',
  // Codes the server's contract check also reports.
  'out_of_range',
  'unknown_field',
  'invalid',
  'id.format',
  'id.region',
  'id.birthdate',
  'id.checksum',
  'id.birth_mismatch',
  'id.sex_mismatch',
  'passport.format',
  'passport.cn',
  'permit.format',
  'name.zh',
  'name.pinyin',
  'mobile.format',
  'mobile.cn',
  'email.format',
  'date.format',
  'date.invalid',
  'date.future',
  'date.past',
  'trip.end_before_start',
  'trip.too_long',
  'age.too_young',
  'age.too_old',
] as const;

export type ValidationCode = (typeof VALIDATION_CODES)[number];

export type FieldResult<T> = { ok: true; value: T } | { ok: false; code: ValidationCode };

export interface FieldError {
  /** Path relative to the validated object, e.g. `documentNumber`; see prefixErrors for nesting. */
  field: string;
  code: ValidationCode;
}

export type ObjectResult<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function fail(code: ValidationCode): { ok: false; code: ValidationCode } {
  return { ok: false, code };
}

/** Nests errors under a JSON path, e.g. prefixErrors(errors, 'travellers[1]') -> `travellers[1].birthDate`. */
export function prefixErrors(errors: readonly FieldError[], prefix: string): FieldError[] {
  return errors.map((e) => ({ field: `${prefix}.${e.field}`, code: e.code }));
}

/**
 * Collects field results in form order: the first error is the one a form focuses and the API names in
 * `details.field`.
 */
export class ErrorList {
  readonly errors: FieldError[] = [];

  /** Records a failed result under `field`; returns the value when it passed, undefined otherwise. */
  take<T>(field: string, result: FieldResult<T>): T | undefined {
    if (result.ok) return result.value;
    this.errors.push({ field, code: result.code });
    return undefined;
  }

  add(field: string, code: ValidationCode): void {
    this.errors.push({ field, code });
  }
}
