// What the commerce handlers read from a request beyond its (already contract-checked) parts.
import { ApiError, type HandlerRequest } from '../types';

/** The signed-in user; server.ts has already answered 401 for secured operations without one. */
export function userOf(req: HandlerRequest): string {
  if (req.userId === undefined) throw new ApiError(401, 'UNAUTHORIZED', 'A valid session token is required.');
  return req.userId;
}

/** The contract makes the header required and checks its form. */
export function idempotencyKey(req: HandlerRequest): string {
  return req.headers['idempotency-key'] ?? '';
}

/** Where this server was reached, for absolute links to its own endpoints (e.g. a policy document). */
export function originOf(req: HandlerRequest): string {
  return `http://${req.headers.host ?? '127.0.0.1'}`;
}
