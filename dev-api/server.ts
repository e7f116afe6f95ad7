// The dev API: one Fastify route per contract operation. Every request is checked against api/openapi.yaml before
// its handler runs, and every response after, so the dev API can neither accept nor say what the contract forbids.
import { readdirSync } from 'fs';
import { readFile } from 'fs/promises';
import { extname, join, resolve, sep } from 'path';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { DEFAULT_SESSION_TTL_MS, SessionStore } from './auth';
import { loadContract, validationFailed, type FieldError, type Operation } from './contract';
import { loadSeed } from './seed';
import { createState } from './state';
import {
  ApiError,
  type Handler,
  type HandlerRequest,
  type HandlerResult,
  type ServerContext,
  type ServerOptions,
} from './types';

export interface BuildServerOptions {
  /** Registers the /dev/ operations (default true). */
  dev?: boolean;
  orderExpiryMs?: number;
  notifyDelayMs?: number;
  now?: () => number;
  /** Fastify's logger at level warn: contract violations and unexpected errors. */
  logger?: boolean;
  sessionTtlMs?: number;
  /** Handlers that replace or add to those of dev-api/handlers (tests use it to break the contract on purpose). */
  handlers?: Record<string, Handler>;
}

const handlersDir = join(__dirname, 'handlers');
const assetsDir = join(__dirname, 'data', 'assets');

export function buildServer(opts: BuildServerOptions = {}): FastifyInstance {
  const options: ServerOptions = {
    dev: opts.dev ?? true,
    orderExpiryMs: opts.orderExpiryMs ?? 15 * 60 * 1000,
    notifyDelayMs: opts.notifyDelayMs ?? 500,
    now: opts.now ?? Date.now,
  };
  const seed = loadSeed(options.now());
  const state = createState(seed, options);
  const ctx: ServerContext = { seed, state, options, now: () => options.now() };
  const sessions = new SessionStore(opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS, ctx.now);
  const contract = loadContract();

  const app = Fastify({ logger: opts.logger ? { level: 'warn' } : false });
  acceptEmptyJson(app);
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(errorBody(error));
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error(error);
    return reply.code(status).send(frameworkError(status, error.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}` });
  });
  app.get('/assets/*', (request, reply) => sendAsset(request, reply));
  app.addHook('onClose', async () => state.close());

  app.register(async (instance) => {
    const handlers: Record<string, Handler> = {
      ...(await loadAreaHandlers(contract.operations)),
      createSession: (req) => ({ status: 200, body: sessions.create((req.body as { code: string }).code) }),
      ...opts.handlers,
    };
    for (const op of contract.operations) {
      if (op.tags.includes('dev') && !options.dev) continue;
      const handler = handlers[op.operationId];
      instance.route({
        method: op.method as 'GET' | 'POST',
        url: op.path.replace(/\{(\w+)\}/g, ':$1'),
        handler: async (request, reply) => {
          const result = await run(op, handler, request, ctx, sessions);
          return send(op, request, reply, result);
        },
      });
    }
  });
  return app;
}

/** Auth, then the request against the contract, then the handler; every failure becomes an Error result. */
async function run(
  op: Operation,
  handler: Handler | undefined,
  request: FastifyRequest,
  ctx: ServerContext,
  sessions: SessionStore,
): Promise<HandlerResult> {
  try {
    const userId = sessions.userOf(request.headers.authorization);
    if (op.secured && userId === undefined) {
      throw new ApiError(401, 'UNAUTHORIZED', 'A valid session token is required.');
    }
    const req: HandlerRequest = {
      params: { ...(request.params as Record<string, string>) },
      query: { ...(request.query as Record<string, unknown>) },
      headers: flatHeaders(request.headers),
      body: request.body,
      userId,
    };
    const errors = [
      ...op.checkParams(req.params),
      ...op.checkQuery(req.query),
      ...op.checkHeaders(req.headers),
      ...(op.checkBody?.(req.body) ?? []),
    ];
    if (errors.length > 0) throw validationFailed(errors);
    if (!handler) throw new ApiError(501, 'NOT_IMPLEMENTED', `${op.operationId} has no dev API handler yet.`);
    return await handler(req, ctx);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: errorBody(error) };
    request.log.error(error);
    return { status: 500, body: { code: 'INTERNAL', message: 'Unexpected error in the dev API.' } };
  }
}

function errorBody(error: ApiError): Record<string, unknown> {
  return { code: error.code, message: error.message, ...(error.details && { details: error.details }) };
}

/** Sends the result if the contract allows it for this operation and status, else 500 RESPONSE_CONTRACT_VIOLATION. */
function send(
  op: Operation,
  request: FastifyRequest,
  reply: FastifyReply,
  result: HandlerResult,
): FastifyReply {
  const body = absoluteAssetUrls(result.body, `${request.protocol}://${request.host}`);
  const problem = responseProblem(op, result.status, body);
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
 * Each dev-api/handlers/<area> module exports `handlers` keyed by operationId. Discovered rather than listed so an
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

function flatHeaders(headers: FastifyRequest['headers']): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers))
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  return out;
}

/** wx.request sends `content-type: application/json` with an empty body on a bare POST: that is no body. */
function acceptEmptyJson(app: FastifyInstance): void {
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

function frameworkError(status: number, message: string): Record<string, unknown> {
  if (status === 415) return { code: 'UNSUPPORTED_MEDIA_TYPE', message };
  if (status === 413) return { code: 'PAYLOAD_TOO_LARGE', message };
  if (status >= 500) return { code: 'INTERNAL', message: 'Unexpected error in the dev API.' };
  return { code: 'BAD_REQUEST', message };
}

/**
 * Demo data names its files `/assets/...`; the contract wants absolute URLs and only the request knows the host
 * (tests listen on a random port), so they are completed here.
 */
function absoluteAssetUrls(value: unknown, origin: string): unknown {
  if (typeof value === 'string') return value.startsWith('/assets/') ? origin + value : value;
  if (Array.isArray(value)) return value.map((v) => absoluteAssetUrls(v, origin));
  if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, absoluteAssetUrls(v, origin)]));
  }
  return value;
}

const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf',
};

async function sendAsset(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const relative = decodeURIComponent((request.params as { '*': string })['*']);
  const file = resolve(assetsDir, relative);
  const type = MEDIA_TYPES[extname(file).toLowerCase()];
  if (!file.startsWith(assetsDir + sep) || type === undefined) {
    return reply.code(404).send({ code: 'NOT_FOUND', message: 'No such asset.' });
  }
  try {
    const data = await readFile(file);
    return reply
      .code(200)
      .header('content-type', type)
      .header('cache-control', 'public, max-age=3600')
      .send(data);
  } catch {
    return reply.code(404).send({ code: 'NOT_FOUND', message: 'No such asset.' });
  }
}
