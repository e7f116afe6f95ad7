// Release settings are checked before any work: a clear one-line error and exit code 2 when something is missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { tsxCli } from '../../scripts/lib/compile';
import { repoRoot } from '../../scripts/lib/paths';
import { readReleaseConfig, ReleaseConfigError, withKeyFile } from '../../scripts/lib/release-config';

// Assembled at run time so that no key-shaped text sits in the repository.
const pem = (body: string, nl = '\n'): string =>
  [`${'-----BEGIN'} RSA PRIVATE KEY-----`, body, `${'-----END'} RSA PRIVATE KEY-----`].join(nl);
const appid = 'wx0123456789abcdef';

test.each([
  ['an unknown mode', 'deploy', {}, /usage: .*upload\|preview/],
  ['no MP_APPID', 'upload', {}, /MP_APPID is not set/],
  ['a malformed MP_APPID', 'upload', { MP_APPID: 'touristappid' }, /MP_APPID "touristappid" is not an AppID/],
  ['no key', 'upload', { MP_APPID: appid }, /no upload key: set MP_UPLOAD_KEY .* or MP_UPLOAD_KEY_PATH/],
  [
    'two keys',
    'upload',
    { MP_APPID: appid, MP_UPLOAD_KEY: pem('x'), MP_UPLOAD_KEY_PATH: '/k' },
    /set only one/,
  ],
  ['a missing key file', 'preview', { MP_APPID: appid, MP_UPLOAD_KEY_PATH: '/no/such/key' }, /no such file/],
  ['key text that is no PEM key', 'upload', { MP_APPID: appid, MP_UPLOAD_KEY: 'hunter2' }, /not hold a PEM/],
  [
    'robot 31',
    'upload',
    { MP_APPID: appid, MP_UPLOAD_KEY: pem('x'), MP_ROBOT: '31' },
    /MP_ROBOT "31" must be/,
  ],
  [
    'a robot that is no number',
    'upload',
    { MP_APPID: appid, MP_UPLOAD_KEY: pem('x'), MP_ROBOT: 'two' },
    /MP_ROBOT/,
  ],
])('%s is refused before any work', (_case, mode, env, message) => {
  expect(() => readReleaseConfig(mode, env)).toThrow(ReleaseConfigError);
  expect(() => readReleaseConfig(mode, env)).toThrow(message);
});

test('a complete environment gives the config, with robot 1 by default and escaped newlines restored', () => {
  const config = readReleaseConfig('preview', { MP_APPID: appid, MP_UPLOAD_KEY: pem('abc', '\\n') });
  expect(config).toMatchObject({ mode: 'preview', appid, robot: 1, keyText: pem('abc') });
  expect(config.keyPath).toBeUndefined();
  expect(path.isAbsolute(config.qrcodePath)).toBe(true);
  expect(
    readReleaseConfig('upload', { MP_APPID: appid, MP_UPLOAD_KEY: pem('x'), MP_ROBOT: '30' }).robot,
  ).toBe(30);
});

test('the key text goes to a 0600 temp file that is removed afterwards, even when the release fails', async () => {
  const config = readReleaseConfig('upload', { MP_APPID: appid, MP_UPLOAD_KEY: pem('secret-body') });
  let seen = '';
  await expect(
    withKeyFile(config, async (keyPath) => {
      seen = keyPath;
      expect(fs.statSync(keyPath).mode & 0o777).toBe(0o600);
      expect(fs.readFileSync(keyPath, 'utf8')).toBe(pem('secret-body'));
      expect(keyPath.startsWith(repoRoot)).toBe(false);
      throw new Error('upload failed');
    }),
  ).rejects.toThrow('upload failed');
  expect(seen).not.toBe('');
  expect(fs.existsSync(seen)).toBe(false);
  expect(fs.existsSync(path.dirname(seen))).toBe(false);
});

test.each([
  ['upload', 'MP_APPID', {}],
  ['preview', 'MP_UPLOAD_KEY', { MP_APPID: appid }],
])('`release.ts %s` without %s exits 2 with one line naming it', (mode, name, env) => {
  const result = spawnSync(process.execPath, [tsxCli, path.join(repoRoot, 'scripts/release.ts'), mode], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH, ...env },
    encoding: 'utf8',
  });
  expect(result.status).toBe(2);
  expect(result.stdout).toBe('');
  const lines = result.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^release: .*${name}`));
});
