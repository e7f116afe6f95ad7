// The HTTP face of the server: one Fastify route per contract operation. Every request is checked against
// api/openapi.yaml before its handler runs, and every response after, so the server can neither accept nor say
// what the contract forbids. Errors of every kind leave in the contract's Error shape.
import { readdirSync } from 'fs';
import { join } from 'path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { LoginExchange } from '../accounts/login';
import { createSession, userOfToken } from '../accounts/sessions';
import type { Deps } from '../context';
import { loadContract, type Operation } from '../core/contract';
import type { FieldError } from '../core/errors';
import { ApiError, validationFailed } from '../core/errors';
import { readAsset } from '../content/records';
import type { Handler, HandlerRequest, HandlerResult, Handlers } from './types';

export interface RouteOptions {
  dev: boolean;
  /** Links the server returns start with this origin; undefined: the loopback address the request came to. */
  publicOrigin?: string;
  /**
   * Checks every response against the contract before it leaves (development and tests: a handler bug is a loud
   * 500). Production skips it: the same code passed those checks, and the check costs a large share of a read.
   */
  validateResponses: boolean;
  /** Who a login code belongs to (WeChat's code2Session, or development's stand-in). */
  login: LoginExchange;
  /** Handlers that replace or add to those of http/handlers (tests use it to break the contract on purpose). */
  handlers?: Handlers;
}

const handlersDir = join(__dirname, 'handlers');

export async function registerRoutes(app: FastifyInstance, deps: Deps, options: RouteOptions): Promise<void> {
  const contract = loadContract();
  const handlers: Record<string, Handler> = {
    ...(await loadAreaHandlers(contract.operations)),
    createSession: async (req, d) => ({
      status: 200,
      body: await createSession(d, options.login, (req.body as { code: string }).code),
    }),
    ...(options.handlers as Record<string, Handler>),
  };
  const originOf = (request: FastifyRequest): string =>
    options.publicOrigin ?? `http://127.0.0.1:${request.socket.localPort ?? 80}`;

  app.get('/assets/*', (request, reply) => sendAsset(deps, request, reply));
  for (const op of contract.operations) {
    if (op.tags.includes('dev') && !options.dev) continue;
    const handler = handlers[op.operationId];
    app.route({
      method: op.method as 'GET' | 'POST',
      url: op.path.replace(/\{(\w+)\}/g, ':$1'),
      handler: async (request, reply) => {
        const origin = originOf(request);
        const result = await run(op, handler, request, deps, origin);
        return send(op, request, reply, result, origin, options.validateResponses);
      },
    });
  }
}

/** Auth, then the request against the contract, then the handler; every failure becomes an Error result. */
async function run(
  op: Operation,
  handler: Handler | undefined,
  request: FastifyRequest,
  deps: Deps,
  origin: string,
): Promise<HandlerResult> {
  try {
    const headers = flatHeaders(request.headers);
    const userId = op.secured ? await userOfToken(deps, headers.authorization) : undefined;
    if (op.secured && userId === undefined) {
      throw new ApiError(401, 'UNAUTHORIZED', 'A valid session token is required.');
    }
    const req = {
      params: { ...(request.params as Record<string, string>) },
      query: { ...(request.query as Record<string, unknown>) },
      headers,
      body: request.body,
      userId,
      origin,
    } as HandlerRequest;
    const errors = [
      ...op.checkParams(req.params),
      ...op.checkQuery(req.query),
      ...op.checkHeaders(req.headers),
      ...(op.checkBody?.(req.body) ?? []),
    ];
    if (errors.length > 0) throw validationFailed(errors);
    // Bodies reach here only within the contract's bounds (a body without a schema is ignored).
    const nul =
      nulPath({ ...req.params, ...req.query }, '') ?? (op.checkBody ? nulPath(req.body, '') : undefined);
    if (nul !== undefined) {
      throw validationFailed([{ field: nul, code: 'bad_chars', message: `${nul} contains a NUL character` }]);
    }
    if (!handler) throw new ApiError(501, 'NOT_IMPLEMENTED', `${op.operationId} has no handler yet.`);
    return await handler(req, deps);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: errorBody(error) };
    request.log.error({ err: error }, 'unexpected error');
    return { status: 500, body: { code: 'INTERNAL', message: 'Unexpected error in the server.' } };
  }
}

export function errorBody(error: ApiError): Record<string, unknown> {
  return { code: error.code, message: error.message, ...(error.details && { details: error.details }) };
}

/** Sends the result if the contract allows it for this operation and status, else 500 RESPONSE_CONTRACT_VIOLATION. */
function send(
  op: Operation,
  request: FastifyRequest,
  reply: FastifyReply,
  result: HandlerResult,
  origin: string,
  validate: boolean,
): FastifyReply {
  const body = absoluteAssetUrls(result.body, origin);
  const problem = validate ? responseProblem(op, result.status, body) : undefined;
  if (problem !== undefined) {
    request.log.error(
      { operationId: op.operationId, status: result.status, problem },
      'response breaks the contract',
    );
    return reply.code(500).send({
      code: 'RESPONSE_CONTRACT_VIOLATION',
      message: `${op.operationId} answered ${result.status} with a response the contract forbids: ${problem.message}`,
      details: {
        operationId: op.operationId,
        status: result.status,
        field: problem.field,
        fields: problem.fields,
      },
    });
  }
  void reply.code(result.status).headers(result.headers ?? {});
  return body === undefined ? reply.send() : reply.send(body);
}

function responseProblem(
  op: Operation,
  status: number,
  body: unknown,
): { message: string; field?: string; fields?: FieldError[] } | undefined {
  const declared = op.response(status);
  if (!declared) return { message: `status ${status} is not declared` };
  if (declared.kind === 'empty')
    return body === undefined ? undefined : { message: 'a body where none is declared' };
  if (declared.kind === 'binary') {
    return Buffer.isBuffer(body) ? undefined : { message: `${declared.contentType} expected as a Buffer` };
  }
  const fields = declared.check(body);
  const first = fields[0];
  return first ? { message: first.message, field: first.field, fields } : undefined;
}

/**
 * Each http/handlers/<area> module exports `handlers` keyed by operationId. Discovered rather than listed so an
 * area can land on its own; a name the contract lacks, or one handled twice, stops the server at start.
 */
async function loadAreaHandlers(operations: Operation[]): Promise<Record<string, Handler>> {
  const known = new Set(operations.map((op) => op.operationId));
  const merged: Record<string, Handler> = {};
  const files = readdirSync(handlersDir)
    .filter((file) => /\.(ts|js)$/.test(file) && !file.endsWith('.d.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(join(handlersDir, file))) as { handlers?: Record<string, Handler> };
    for (const [operationId, handler] of Object.entries(mod.handlers ?? {})) {
      if (!known.has(operationId))
        throw new Error(`handlers/${file}: no operation ${operationId} in the contract`);
      if (merged[operationId]) throw new Error(`handlers/${file}: ${operationId} is handled twice`);
      merged[operationId] = handler;
    }
  }
  return merged;
}

/** PostgreSQL text can not hold U+0000: the path (`contact.email`, `items[0].date`) of a string that has one. */
function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path || 'body' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, child] of Object.entries(value)) {
    const at = Array.isArray(value) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = (key.includes('\u0000') ? at : undefined) ?? nulPath(child, at);
    if (found !== undefined) return found;
  }
  return undefined;
}

function flatHeaders(headers: FastifyRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** wx.request sends `content-type: application/json` with an empty body on a bare POST: that is no body. */
export function acceptEmptyJson(app: FastifyInstance): void {
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, text, done) => {
    if (text === '') return done(null, undefined);
    try {
      done(null, JSON.parse(text as string));
    } catch {
      done(
        validationFailed([{ field: 'body', code: 'invalid', message: 'body is not valid JSON' }]),
        undefined,
      );
    }
  });
}

/**
 * Content names its files `/assets/...`; the contract wants absolute URLs on the configured public origin. Copies
 * only what holds such a URL (a catalogue answer is mostly text that stays as it is): the rest is sent as it is.
 */
function absoluteAssetUrls(value: unknown, origin: string): unknown {
  if (typeof value === 'string') return value.startsWith('/assets/') ? origin + value : value;
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return value;
  let copy: Record<string, unknown> | unknown[] | undefined;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    const absolute = absoluteAssetUrls(child, origin);
    if (absolute === child) continue;
    copy ??= Array.isArray(value) ? [...(value as unknown[])] : { ...value };
    (copy as Record<string, unknown>)[key] = absolute;
  }
  return copy ?? value;
}

/** Fastify has decoded the path once already: decoding again would turn `%25` into a bad escape. */
async function sendAsset(deps: Deps, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const relative = (request.params as { '*': string })['*'];
  const asset = await readAsset(deps.db, `/assets/${relative}`);
  if (!asset) return reply.code(404).send({ code: 'NOT_FOUND', message: 'No such asset.' });
  return reply
    .code(200)
    .header('content-type', asset.mediaType)
    .header('cache-control', 'public, max-age=3600')
    .send(asset.bytes);
}
