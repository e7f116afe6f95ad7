// A real dev API on a loopback port for one test file, and a small fetch client for it.
import type { FastifyInstance } from 'fastify';
import type { WeChatSimulator } from '../../simulator/simulator';
import type { components } from '../../typings/api';
import { startStack, type StackOptions } from '../support/stack';

export type Schemas = components['schemas'];
export type ErrorBody = Schemas['Error'];

export interface ApiOptions {
  method?: string;
  body?: unknown;
  token?: string;
  headers?: Record<string, string>;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  headers: Headers;
}

export interface TestServer {
  app: FastifyInstance;
  baseUrl: string;
  /** The WeChat simulator the server pays through, and the merchant id it pays as. */
  sim: WeChatSimulator;
  mchid: string;
  /** Calls the API; the body is parsed JSON when the response is JSON (typed by the caller), else the text. */
  api<T = unknown>(path: string, options?: ApiOptions): Promise<ApiResponse<T>>;
  /** A fresh session for a person; the same name is the same user on every login. */
  login(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function startServer(options: StackOptions = {}): Promise<TestServer> {
  const stack = await startStack(options);
  const { app, sim, mchid } = stack;
  const baseUrl = stack.origin;
  const logins = new Map<string, number>();

  async function api<T>(
    path: string,
    { method, body, token, headers }: ApiOptions = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(baseUrl + path, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(body !== undefined && { 'content-type': 'application/json' }),
        ...(token !== undefined && { authorization: `Bearer ${token}` }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const json = response.headers.get('content-type')?.includes('application/json') && text !== '';
    return {
      status: response.status,
      body: (json ? JSON.parse(text) : text) as T,
      headers: response.headers,
    };
  }

  async function login(name: string): Promise<string> {
    const n = (logins.get(name) ?? 0) + 1;
    logins.set(name, n);
    const { status, body } = await api<Schemas['Session']>('/v1/auth/session', {
      body: { code: `user-${name}-${n}` },
    });
    if (status !== 200) throw new Error(`login of ${name} failed with ${status}`);
    return body.token;
  }

  return { app, baseUrl, sim, mchid, api, login, close: () => stack.close() };
}

/**
 * One server for the whole test file, started in beforeAll and closed in afterAll. Use the returned handle's
 * methods inside tests (it is filled in by beforeAll).
 */
export function useServer(options: StackOptions = {}): TestServer {
  let server: TestServer | undefined;
  const live = (): TestServer => {
    if (!server) throw new Error('useServer: the server is not started (use it inside a test)');
    return server;
  };
  beforeAll(async () => {
    server = await startServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get app() {
      return live().app;
    },
    get baseUrl() {
      return live().baseUrl;
    },
    get sim() {
      return live().sim;
    },
    get mchid() {
      return live().mchid;
    },
    api: <T>(path: string, opts?: ApiOptions) => live().api<T>(path, opts),
    login: (name) => live().login(name),
    close: () => live().close(),
  };
}
