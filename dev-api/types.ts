// Shared shapes of the dev API: handlers are plain functions over these, so they stay testable without Fastify.
import type { Seed } from './seed';
import type { State } from './state';

export interface HandlerRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  headers: Record<string, string | undefined>;
  /** Set when a valid bearer token came with the request. */
  userId?: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler = (req: HandlerRequest, ctx: ServerContext) => HandlerResult | Promise<HandlerResult>;

/** Thrown by handlers; the server turns it into the contract's Error body with this status. */
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

export interface ServerOptions {
  dev: boolean;
  orderExpiryMs: number;
  notifyDelayMs: number;
  now: () => number;
}

export interface ServerContext {
  seed: Seed;
  state: State;
  options: ServerOptions;
  now(): number;
}
