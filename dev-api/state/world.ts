// What every part of the state shares: the seed, the options, the clock and the current (resettable) data.
import { localDateAt } from '../../miniprogram/domain/time';
import type { FieldError as Problem } from '../../miniprogram/domain/validate';
import { validationFailed } from '../contract';
import type { Seed } from '../seed';
import { ApiError, type ServerOptions } from '../types';
import type { Db } from './records';

/**
 * notifyDelayMs is the simulated payment provider's latency: how long after a payment its notification comes,
 * and how long after a refund request it confirms the refund.
 */
export type StateOptions = Pick<ServerOptions, 'orderExpiryMs' | 'notifyDelayMs' | 'now'>;

export interface World {
  readonly seed: Seed;
  readonly options: StateOptions;
  readonly db: Db;
  now(): number;
  /** The destination's today. */
  today(): string;
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export function todayAt(seed: Seed, ms: number): string {
  return localDateAt(ms, seed.destination.timeZone);
}

export function notFound(what: string, id: string): ApiError {
  return new ApiError(404, 'NOT_FOUND', `No ${what} ${id}.`);
}

export type { Problem };

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
