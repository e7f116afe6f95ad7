// The contract's error answers, raised anywhere below http/ and turned into the Error body there.
import type { FieldError as Problem } from '../../miniprogram/domain/validate';

export type { Problem };

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Thrown by domain code; the HTTP layer answers with this status and the contract's Error body. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** At most this many fields are reported: a hostile body with thousands of errors costs no more than this. */
export const MAX_REPORTED_FIELDS = 20;

/** 400 VALIDATION_FAILED naming the first bad field in `details.field` and (some of) them in `details.fields`. */
export function validationFailed(fields: readonly FieldError[]): ApiError {
  const first = fields[0];
  return new ApiError(400, 'VALIDATION_FAILED', first?.message ?? 'Invalid request.', {
    field: first?.field,
    fields: fields.slice(0, MAX_REPORTED_FIELDS),
  });
}

/**
 * 400 VALIDATION_FAILED naming the fields, e.g. {field: 'items[0].date', code: 'date.past'}. Codes come from the
 * shared VALIDATION_CODES, the vocabulary the client has messages for (the contract check uses it too).
 */
export function invalid(errors: readonly Problem[]): ApiError {
  return validationFailed(errors.map((e) => ({ ...e, message: `${e.field} is invalid (${e.code})` })));
}

/** Errors of a shared validator, nested under a JSON path (`contact`, `travellers[1]`). */
export function nested(prefix: string, errors: readonly Problem[]): Problem[] {
  return errors.map((e) => ({ field: `${prefix}.${e.field}`, code: e.code }));
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `No ${what} ${id}.`);
}
