// `npm run serve`'s configuration, read from the environment and checked before anything opens. Every problem is one
// line naming its variable, all of them reported at once, so a deploy is fixed in one round. A small check by hand
// rather than env-schema: the rules are URL shapes and one rule across variables, and ajv's messages
// ("must match format") would not say what the operator should set.
//
// The rule for DEV_OPERATIONS: `npm run serve` is production, always (DATABASE_URL and PUBLIC_ORIGIN required), and
// the /dev/ operations (simulated payments, reset) are never served with a production config, so DEV_OPERATIONS=1
// is refused here rather than ignored: someone meant to turn them on. They exist only in `npm run server`
// (development, on loopback). NODE_ENV plays no part: serve never guesses its mode.
import { isIP } from 'net';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * Fastify's trustProxy: true (believe every X-Forwarded-For hop) or the proxies' addresses (IPs, CIDRs, or proxy-addr's
 * loopback, linklocal, uniquelocal). Not a hop count: this Fastify trusts no hop for a number.
 */
export type TrustProxy = boolean | string[];

export interface Config {
  databaseUrl: string;
  /** An https origin without a trailing slash: every link the server returns starts with it. */
  publicOrigin: string;
  port: number;
  host: string;
  logLevel: LogLevel;
  trustProxy?: TrustProxy;
}

export type ConfigResult = { ok: true; config: Config } | { ok: false; problems: string[] };

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

export function readConfig(env: NodeJS.ProcessEnv): ConfigResult {
  const problems: string[] = [];
  const value = (name: string): string | undefined => (env[name] === '' ? undefined : env[name]);

  const databaseUrl = value('DATABASE_URL');
  if (databaseUrl === undefined) {
    problems.push(
      'DATABASE_URL is required: the PostgreSQL server, postgres://user:password@host:5432/database',
    );
  } else if (!isPostgresUrl(databaseUrl)) {
    // Never echoed: it holds the database password.
    problems.push('DATABASE_URL must be a postgres:// (or postgresql://) URL naming a host');
  }

  const origin = value('PUBLIC_ORIGIN');
  const publicOrigin = origin === undefined ? undefined : httpsOrigin(origin);
  if (origin === undefined) {
    problems.push(
      'PUBLIC_ORIGIN is required: the https origin clients reach the server at, e.g. https://api.example.com',
    );
  } else if (publicOrigin === undefined) {
    problems.push(
      `PUBLIC_ORIGIN must be an https:// origin with no path, query or credentials (got "${origin}")`,
    );
  }

  const portText = value('PORT') ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    problems.push(`PORT must be a whole number from 1 to 65535 (got "${portText}")`);
  }

  const logLevel = value('LOG_LEVEL') ?? 'info';
  if (!isLogLevel(logLevel)) {
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }

  const devOperations = flag(value('DEV_OPERATIONS'));
  if (devOperations === undefined) {
    problems.push(`DEV_OPERATIONS must be 0 or 1 (got "${value('DEV_OPERATIONS')}")`);
  } else if (devOperations) {
    problems.push(
      "DEV_OPERATIONS must be off: the /dev/ operations never run with a production config (they are npm run server's)",
    );
  }

  const proxyText = value('TRUST_PROXY');
  const trustProxy = proxyText === undefined ? undefined : parseTrustProxy(proxyText);
  if (proxyText !== undefined && trustProxy === undefined) {
    problems.push(
      `TRUST_PROXY must be true, false or a comma-separated list of the proxies' addresses (got "${proxyText}")`,
    );
  }

  if (
    problems.length > 0 ||
    databaseUrl === undefined ||
    publicOrigin === undefined ||
    !isLogLevel(logLevel)
  ) {
    return { ok: false, problems };
  }
  const host = value('HOST') ?? '0.0.0.0';
  return { ok: true, config: { databaseUrl, publicOrigin, port, host, logLevel, trustProxy } };
}

/** postgres://[user[:password]@]host[:port]/database, or with ?host=/socket/dir and no host part. */
const POSTGRES_URL = /^postgres(?:ql)?:\/\/(?:[^@/?#]*@)?([^/?#]*)[^?#]*(?:\?([^#]*))?$/;

function isPostgresUrl(text: string): boolean {
  // Not `new URL`: it refuses user@ with an empty host, which pg takes (user@/db?host=/run/postgresql).
  const match = POSTGRES_URL.exec(text);
  return match !== null && (match[1] !== '' || new URLSearchParams(match[2] ?? '').has('host'));
}

/** The origin, or undefined when the text is not exactly an https origin (a trailing slash is allowed). */
function httpsOrigin(text: string): string | undefined {
  try {
    const url = new URL(text);
    const bare = url.username === '' && url.password === '' && url.pathname === '/' && !/[?#]/.test(text);
    return url.protocol === 'https:' && bare ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

function isLogLevel(text: string): text is LogLevel {
  return (LOG_LEVELS as readonly string[]).includes(text);
}

/** Unset is off; anything but 0/1/true/false is undefined (a typo should not silently mean off). */
function flag(text: string | undefined): boolean | undefined {
  if (text === undefined || text === '0' || text === 'false') return false;
  if (text === '1' || text === 'true') return true;
  return undefined;
}

function parseTrustProxy(text: string): TrustProxy | undefined {
  if (text === 'true' || text === 'false') return text === 'true';
  const parts = text.split(',').map((part) => part.trim());
  const valid = (part: string): boolean => {
    const [address = '', bits, extra] = part.split('/');
    if (extra !== undefined || (bits !== undefined && !/^\d{1,3}$/.test(bits))) return false;
    return isIP(address) !== 0 || (bits === undefined && PROXY_NAMES.has(address));
  };
  return parts.every(valid) ? parts : undefined;
}
