// The composition root: the database (opened, migrated, seeded in development), the content, the domain services,
// the job worker and the HTTP routes, wired into one Fastify instance. Development and production differ only in
// the options given here (server/main.ts and server/serve.ts read them from the environment).
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { developmentLogin, loginNotConfigured, wechatLogin, type LoginExchange } from './accounts/login';
import { DEFAULT_SESSION_TTL_MS } from './accounts/sessions';
import { demoContent } from './content/folder';
import { seedIfEmpty } from './content/records';
import { ContentStore } from './content/store';
import type { Deps, DomainOptions } from './context';
import { ApiError } from './core/errors';
import { isDatabase, type Database } from './db/database';
import type { ReminderConfig } from './wechat/reminder-config';
import { CodeSigner, ensureSigningKey } from './codes/signer';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open';
import { schedule } from './jobs/queue';
import { JobWorker } from './jobs/worker';
import { loggerOptions } from './http/logging';
import { registerOps } from './http/ops';
import {
  frameworkErrorBody,
  registerProtection,
  serverOptions,
  type ProtectionOptions,
} from './http/protect';
import { registerNotify } from './http/notify';
import { acceptEmptyJson, errorBody, registerRoutes } from './http/server';
import type { Handlers } from './http/types';
import { WeChatApiClient, type WeChatApiConfig } from './wechat/api-client';
import { WeChatPayClient } from './wechat/pay-client';
import type { WeChatPayConfig } from './wechat/pay-config';
import { inTransaction } from './work';

export interface BuildServerOptions extends Partial<DomainOptions>, ProtectionOptions {
  /** Registers the /dev/ operations (default true). */
  dev?: boolean;
  /** Publishes the demo destination into a database without content (default: in dev mode). */
  demoContent?: boolean;
  now?: () => number;
  /** JSON logs (pino): true for the default level, or Fastify's logger options. */
  logger?: boolean | FastifyServerOptions['logger'];
  /** An open database (left open on close), or where to open one; default a fresh in-memory PGlite. */
  database?: Database | { url?: string; dataDir?: string };
  publicOrigin?: string;
  /** Checks every response against the contract (default: in dev mode; see http/server.ts). */
  validateResponses?: boolean;
  /** How often the job worker looks for due jobs, in real milliseconds. */
  jobPollMs?: number;
  /**
   * The login exchange; default: code2Session when `wechatApi` is given, else development's stand-in in dev mode
   * and none otherwise.
   */
  login?: LoginExchange;
  handlers?: Handlers;
  /** WeChat Pay (in development and tests, the simulator's); without it payments answer 503. */
  wechatPay?: WeChatPayConfig;
  /** WeChat's server APIs (login, access token); with it, login is code2Session. */
  wechatApi?: WeChatApiConfig;
  /** The visit-day reminder's subscribe message template (sent through `wechatApi`). */
  reminder?: ReminderConfig;
}

export interface Wayfarer {
  deps: Deps;
  worker: JobWorker;
}

declare module 'fastify' {
  interface FastifyInstance {
    wayfarer: Wayfarer;
  }
}

export function buildServer(opts: BuildServerOptions = {}): FastifyInstance {
  const dev = opts.dev ?? true;
  const app = Fastify({
    logger: opts.logger === true ? loggerOptions('info') : (opts.logger ?? false),
    bodyLimit: 64 * 1024,
    // Opening, migrating and seeding an embedded database takes seconds on a busy machine.
    pluginTimeout: 120_000,
    ...serverOptions(opts),
  });
  acceptEmptyJson(app);
  app.setErrorHandler((error: { statusCode?: number; message: string }, request, reply) => {
    if (error instanceof ApiError) return reply.code(error.status).send(errorBody(error));
    const status = error.statusCode ?? 500;
    if (status >= 500) request.log.error({ err: error }, 'unexpected error');
    return reply.code(status).send(frameworkErrorBody(status, error.message));
  });
  app.setNotFoundHandler((request, reply) => {
    void reply.code(404).send({ code: 'NOT_FOUND', message: `No route ${request.method} ${request.url}` });
  });
  registerProtection(app, { dev, publicOrigin: opts.publicOrigin, rateLimits: opts.rateLimits });
  registerOps(app);

  app.register(async (instance) => {
    const owned = !isDatabase(opts.database);
    const db = isDatabase(opts.database) ? opts.database : await openDatabase(opts.database ?? {});
    await migrate(db);
    const now = opts.now ?? Date.now;
    const content = new ContentStore(db, now);
    const wechat = opts.wechatApi && new WeChatApiClient({ now, ...opts.wechatApi });
    const deps: Deps = {
      db,
      content,
      now,
      options: {
        orderExpiryMs: opts.orderExpiryMs ?? 15 * 60 * 1000,
        paymentCheckMs: opts.paymentCheckMs ?? 30_000,
        sessionTtlMs: opts.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
        maxPendingOrders: opts.maxPendingOrders ?? 5,
        maxHeldPlaces: opts.maxHeldPlaces ?? 40,
      },
      pay: opts.wechatPay && new WeChatPayClient(opts.wechatPay),
      wechat,
      reminder: opts.reminder,
      codes: new CodeSigner(now),
      // The worker is made just below; nothing wakes it before then.
      wake: (delayMs) => worker.wake(delayMs),
    };
    if (opts.demoContent ?? dev) await seedIfEmpty(db, demoContent, now());
    await ensureSigningKey(db, now());
    await content.start();
    const worker = new JobWorker(deps, opts.jobPollMs ?? 1000, app.log);
    if ((await content.version()) > 0) {
      await inTransaction(deps, (w) => schedule(w.tx, 'expire.day', w.today, w.now));
    }
    app.decorate('wayfarer', { deps, worker });
    registerNotify(instance, deps);
    await registerRoutes(instance, deps, {
      dev,
      publicOrigin: opts.publicOrigin,
      validateResponses: opts.validateResponses ?? dev,
      login: opts.login ?? (wechat ? wechatLogin(wechat) : dev ? developmentLogin : loginNotConfigured),
      handlers: opts.handlers,
    });
    instance.addHook('onReady', async () => worker.start());
    instance.addHook('onClose', async () => {
      await worker.stop();
      if (owned) await db.close();
    });
  });
  return app;
}
