// For the platform, not the mini program: liveness, readiness and Prometheus metrics (outside the contract and
// outside /v1), the request id echoed on every answer, and every answer timed.
import { readdirSync } from 'fs';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Deps } from '../context';
import { MIGRATIONS_DIR } from '../db/migrate';
import { createMetrics, type Metrics } from '../metrics';
import { REQUEST_ID_HEADER } from './logging';

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics;
  }
}

/** Call before the routes are registered: the hooks reach only routes added after them. */
export function registerOps(app: FastifyInstance): void {
  const metrics = createMetrics();
  app.decorate('metrics', metrics);
  const latest = latestMigration();

  app.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? 'unmatched';
    const labels = { method: request.method, route, status: String(reply.statusCode) };
    metrics.httpDuration.observe(labels, reply.elapsedTime / 1000);
    done();
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (request, reply) => {
    const reason = await notReady(app.wayfarer.deps, latest, request.log);
    return reason === undefined
      ? { status: 'ready' }
      : reply.code(503).send({ status: 'unavailable', reason });
  });
  app.get('/metrics', async (_request, reply) => reply.type(metrics.contentType).send(await metrics.text()));
}

/** Why this instance should get no traffic, or undefined when it can serve. */
async function notReady(deps: Deps, latest: number, log: FastifyBaseLogger): Promise<string | undefined> {
  try {
    await deps.db.query('SELECT 1');
  } catch (error) {
    log.warn({ err: error }, 'the database does not answer');
    return 'the database does not answer';
  }
  // A database restored from an older backup is behind this release (a newer one ahead is fine: rolling deploys).
  const [row] = await deps.db.query<{ version: number | null }>(
    'SELECT max(version) AS version FROM schema_migrations',
  );
  const version = row?.version ?? 0;
  if (version < latest) return `the database schema is at migration ${version}, this release needs ${latest}`;
  if ((await deps.content.version()) === 0) return 'no content is published yet';
  return undefined;
}

/** The highest migration number this release ships (files NNNN_name.sql). */
function latestMigration(): number {
  const numbers = readdirSync(MIGRATIONS_DIR).map((file) => Number(/^(\d+)_.*\.sql$/.exec(file)?.[1] ?? 0));
  return Math.max(0, ...numbers);
}
