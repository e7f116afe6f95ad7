// `npm start -- --lan`: the address a phone previewing the develop build can reach, and a bundle whose develop
// config calls it (a phone cannot reach the computer's 127.0.0.1).
import fs from 'node:fs';
import type { NetworkInterfaceInfo } from 'node:os';
import os from 'node:os';
import path from 'node:path';
import { buildBundle, emittedFileWriter, generatedModules } from '../../scripts/lib/bundle';
import { developAddress, lanAddresses, StartArgsError } from '../../scripts/lib/develop-address';
import type { EnvConfig } from '../../miniprogram/config/env';

function nic(address: string, internal = false): NetworkInterfaceInfo {
  const common = { address, internal, mac: '02:00:00:00:00:01', netmask: '255.255.255.0', cidr: null };
  return address.includes(':')
    ? { ...common, family: 'IPv6', scopeid: 0, netmask: 'ffff:ffff:ffff:ffff::' }
    : { ...common, family: 'IPv4' };
}

const laptop = {
  lo: [nic('127.0.0.1', true), nic('::1', true)],
  wlan0: [nic('fe80::1c2b:3aff:fe4d:5e6f'), nic('192.168.1.20')],
  eth1: [nic('10.0.0.5')],
};

test('the LAN addresses are the non-internal IPv4 ones, in the order the system lists them', () => {
  expect(lanAddresses(laptop)).toEqual(['192.168.1.20', '10.0.0.5']);
  expect(lanAddresses({ lo: [nic('127.0.0.1', true)], wlan0: undefined })).toEqual([]);
});

test('by default the server stays on loopback and the develop build calls it there, on its port', () => {
  expect(developAddress([], 3000, laptop)).toEqual({
    host: '127.0.0.1',
    origin: 'http://127.0.0.1:3000',
    otherAddresses: [],
  });
  expect(developAddress([], 4100, laptop).origin).toBe('http://127.0.0.1:4100');
});

test.each(['--lan', '--host 0.0.0.0'])(
  '%s listens everywhere and picks the first LAN address, naming the others',
  (args) => {
    expect(developAddress(args.split(' '), 3000, laptop)).toEqual({
      host: '0.0.0.0',
      origin: 'http://192.168.1.20:3000',
      otherAddresses: ['10.0.0.5'],
    });
  },
);

test('--public-url chooses the address when there are several; --host a single interface', () => {
  expect(developAddress(['--lan', '--public-url', 'http://10.0.0.5:3000/'], 3000, laptop)).toEqual({
    host: '0.0.0.0',
    origin: 'http://10.0.0.5:3000',
    otherAddresses: [],
  });
  expect(developAddress(['--host', '10.0.0.5'], 3000, laptop)).toMatchObject({
    host: '10.0.0.5',
    origin: 'http://10.0.0.5:3000',
  });
  expect(developAddress(['--host', '::1'], 3000, laptop).origin).toBe('http://[::1]:3000');
});

test.each([
  ['--lan without any LAN address', ['--lan'], /no LAN IPv4 address on this machine/],
  ['a public URL with a path', ['--public-url', 'http://10.0.0.5:3000/v1'], /--public-url must be an origin/],
  ['a public URL that is no URL', ['--public-url', '10.0.0.5'], /--public-url must be an origin/],
  ['an unknown option', ['--lna'], /Unknown option '--lna'.*usage: npm start/],
])('%s is refused with a clear message', (_case, argv, message) => {
  const offline = { lo: [nic('127.0.0.1', true)] };
  expect(() => developAddress(argv, 3000, offline)).toThrow(StartArgsError);
  expect(() => developAddress(argv, 3000, offline)).toThrow(message);
});

describe('a bundle built for the LAN address', () => {
  const lanUrl = 'http://192.168.1.20:3000';
  let out: string;

  beforeAll(() => {
    out = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-lan-'));
    buildBundle({ outDir: out, info: { version: '1.0.0', commit: 'abc1234' }, developApiUrl: lanUrl });
  }, 90_000);
  afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

  /** The built config module, run as WeChat runs it in the given environment. */
  function builtEnvConfig(envVersion: string): EnvConfig {
    const g = globalThis as { wx?: unknown };
    g.wx = { getAccountInfoSync: () => ({ miniProgram: { envVersion } }) };
    try {
      jest.resetModules();
      return jest.requireActual<{ envConfig: () => EnvConfig }>(path.join(out, 'config/env.js')).envConfig();
    } finally {
      delete g.wx;
    }
  }

  test('calls the LAN address in develop (DevTools preview on a phone), the https domains otherwise', () => {
    expect(builtEnvConfig('develop')).toMatchObject({ apiBaseUrl: lanUrl, devTools: true });
    expect(builtEnvConfig('release').apiBaseUrl).toMatch(/^https:\/\//);
    expect(builtEnvConfig('trial').apiBaseUrl).toMatch(/^https:\/\//);
  });

  test('watch-mode rewrites of the config keep the LAN address', () => {
    const write = emittedFileWriter(
      out,
      generatedModules({ version: '1.0.0', commit: 'abc1234' }, 'http://10.0.0.5:3000'),
      path.join(out, 'no-brand'),
    );
    write(path.join(out, 'config/develop-api.js'), 'exports.DEVELOP_API_URL = "http://127.0.0.1:3000";');
    expect(builtEnvConfig('develop').apiBaseUrl).toBe('http://10.0.0.5:3000');
  });
});
