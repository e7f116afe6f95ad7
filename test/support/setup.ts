import http from 'http';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'util';

// Pages and components read getApp/getCurrentPages, which miniprogram-simulate does not provide.
const g = globalThis as unknown as Record<string, unknown>;
const app: Record<string, unknown> = { globalData: {} };
g.getApp = () => app;
g.getCurrentPages = () => [];

/**
 * jsdom's global has no fetch; these tests use one to ask the dev API what it holds (and to script downloads):
 * a minimal one over node:http (status, headers, text/json/arrayBuffer) is installed when missing.
 */
function ensureFetch(): void {
  const g = globalThis as unknown as { fetch?: unknown };
  if (typeof g.fetch === 'function') return;
  g.fetch = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}) =>
    new Promise((resolve, reject) => {
      const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({
            status: res.statusCode ?? 0,
            ok: (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300,
            headers: { get: (name: string) => res.headers[name.toLowerCase()] ?? null },
            text: async () => body.toString('utf8'),
            json: async () => JSON.parse(body.toString('utf8')) as unknown,
            arrayBuffer: async () => body.buffer.slice(body.byteOffset, body.byteOffset + body.byteLength),
          });
        });
      });
      req.on('error', reject);
      if (init.body !== undefined) req.write(init.body);
      req.end();
    });
}

ensureFetch();

/**
 * Page tests run the real server (and its embedded PGlite) inside jsdom's global, which lacks Node's text codecs;
 * PGlite needs them. Installed when missing, from Node's own.
 */
function ensureNodeGlobals(): void {
  const g = globalThis as unknown as Record<string, unknown>;
  g.TextEncoder ??= NodeTextEncoder;
  g.TextDecoder ??= NodeTextDecoder;
}

ensureNodeGlobals();
