// Handlers are plain functions of a contract operation, typed from the operations generated out of
// api/openapi.yaml (typings/api.d.ts): params, query and body arrive already checked against the contract.
import type { operations } from '../../typings/api';
import type { Deps } from '../context';

export type OperationId = keyof operations;

type Part<T> = [T] extends [never] ? Record<string, never> : T;
type Parameters<K extends OperationId> = operations[K]['parameters'];

export type PathOf<K extends OperationId> = Part<NonNullable<Parameters<K>['path']>>;
export type QueryOf<K extends OperationId> = Part<NonNullable<Parameters<K>['query']>>;
export type BodyOf<K extends OperationId> =
  NonNullable<operations[K]['requestBody']> extends { content: { 'application/json': infer B } }
    ? B
    : undefined;

export interface HandlerRequest<K extends OperationId = OperationId> {
  params: PathOf<K>;
  query: QueryOf<K>;
  body: BodyOf<K>;
  headers: Record<string, string | undefined>;
  /** Set when a valid bearer token came with the request. */
  userId?: string;
  /** The configured public origin: links the server returns start with it, never with the Host header. */
  origin: string;
}

export interface HandlerResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export type Handler<K extends OperationId = OperationId> = (
  req: HandlerRequest<K>,
  deps: Deps,
) => HandlerResult | Promise<HandlerResult>;

export type Handlers = { [K in OperationId]?: Handler<K> };
