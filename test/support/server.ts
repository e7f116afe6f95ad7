// The real dev API on a loopback port, with the fake wx routing the app's requests to it.
import type { FastifyInstance } from 'fastify';
import { developmentLogin } from '../../server/accounts/login';
import { buildServer, type BuildServerOptions } from '../../server/app';
import type { FakeWx } from './fake-wx';

export interface RunningServer {
  app: FastifyInstance;
  origin: string;
  close(): Promise<void>;
}

export async function startApiServer(options: BuildServerOptions = {}): Promise<RunningServer> {
  const app = buildServer({
    notifyDelayMs: 20,
    demoContent: true,
    login: developmentLogin,
    validateResponses: true,
    ...options,
  });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, origin, close: () => app.close() };
}

/** Routes every request the app makes (whatever its base URL) to the running dev API. */
export function connect(fake: FakeWx, api: RunningServer): void {
  fake.net.handler = undefined;
  fake.net.server = api.origin;
}
