// Where `npm start` serves and where the develop build looks for it. Loopback by default; with --lan (or
// --host 0.0.0.0) every interface, and the build calls this machine's LAN address, so that a phone previewing the
// build (which cannot reach the computer's 127.0.0.1) finds the server and the WeChat simulator.
import { isIPv6 } from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';

/** A bad `npm start` argument; start.ts prints the message as one line and exits 2. */
export class StartArgsError extends Error {}

export interface DevelopAddress {
  /** What the server and the WeChat simulator listen on. */
  host: string;
  /** The server's origin as the develop build reaches it: its API base URL and the server's PUBLIC_ORIGIN. */
  origin: string;
  /** This machine's other LAN addresses, when one was picked among several (--public-url chooses another). */
  otherAddresses: string[];
}

const USAGE = 'usage: npm start [-- --lan | --host <address>] [--public-url http://<address>:<port>]';
const ALL_INTERFACES = new Set(['0.0.0.0', '::']);

/** Non-internal IPv4 addresses, in the order the system lists its interfaces. */
export function lanAddresses(interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]>): string[] {
  return Object.values(interfaces).flatMap((infos) =>
    (infos ?? []).filter((info) => info.family === 'IPv4' && !info.internal).map((info) => info.address),
  );
}

export function developAddress(
  argv: string[],
  port: number,
  interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces(),
): DevelopAddress {
  const options = parseStartArgs(argv);
  const host = options.lan ? '0.0.0.0' : (options.host ?? '127.0.0.1');
  if (options.publicUrl !== undefined) {
    return { host, origin: httpOrigin(options.publicUrl), otherAddresses: [] };
  }
  if (!ALL_INTERFACES.has(host)) {
    return { host, origin: `http://${isIPv6(host) ? `[${host}]` : host}:${port}`, otherAddresses: [] };
  }
  const [address, ...otherAddresses] = lanAddresses(interfaces);
  if (address === undefined) {
    throw new StartArgsError(
      'no LAN IPv4 address on this machine (is it on Wi-Fi?); pass --public-url http://<address>:<port>',
    );
  }
  return { host, origin: `http://${address}:${port}`, otherAddresses };
}

function parseStartArgs(argv: string[]): { lan: boolean; host?: string; publicUrl?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        lan: { type: 'boolean', default: false },
        host: { type: 'string' },
        'public-url': { type: 'string' },
      },
    });
    return { lan: values.lan, host: values.host, publicUrl: values['public-url'] };
  } catch (error) {
    throw new StartArgsError(`${(error as Error).message}; ${USAGE}`);
  }
}

function httpOrigin(text: string): string {
  const url = URL.canParse(text) ? new URL(text) : undefined;
  const bare = url && url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
  if (!url || !bare || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new StartArgsError(
      `--public-url must be an origin such as http://192.168.1.20:3000 (got "${text}")`,
    );
  }
  return url.origin;
}
