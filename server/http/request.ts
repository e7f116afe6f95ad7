// What handlers read from a request beyond its (already contract-checked) parts.
import { ApiError } from '../core/errors';
import type { HandlerRequest } from './types';

/** The signed-in user; the router has already answered 401 for secured operations without one. */
export function userOf(req: HandlerRequest): string {
  if (req.userId === undefined) throw new ApiError(401, 'UNAUTHORIZED', 'A valid session token is required.');
  return req.userId;
}

/** The contract makes the header required and checks its form. */
export function idempotencyKey(req: HandlerRequest): string {
  return req.headers['idempotency-key'] ?? '';
}

export const ok = (body: unknown): { status: number; body: unknown } => ({ status: 200, body });
