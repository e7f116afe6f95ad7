// Release settings are checked before any work: a clear one-line error and exit code 2 when something is missing.
// Then the path to miniprogram-ci, with a stand-in for it and for the build, in throwaway git repositories: the
// version comes from the tag or --version, the description from the tag's message or the commit's subject.
import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { BuildInfo } from '../../scripts/lib/build-info';
import { tsxCli } from '../../scripts/lib/compile';
import { repoRoot } from '../../scripts/lib/paths';
import { runRelease, type MiniprogramCi } from '../../scripts/lib/release';
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

describe('the path to miniprogram-ci', () => {
  const uploadKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs1', format: 'pem' })
    .toString();
  const env = { MP_APPID: appid, MP_UPLOAD_KEY: uploadKey };
  let tmp: string;

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-release-'));
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  /** A git repository with one commit, made without the machine's git config (identity, signing). */
  function repo(subject: string): { dir: string; git: (...args: string[]) => string } {
    const dir = path.join(tmp, 'repo');
    fs.mkdirSync(dir);
    const git = (...args: string[]): string =>
      execFileSync('git', ['-c', 'user.name=Release Test', '-c', 'user.email=release@example.com', ...args], {
        cwd: dir,
        env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
      })
        .toString()
        .trim();
    git('init', '-q');
    git('commit', '-q', '--allow-empty', '-m', subject);
    return { dir, git };
  }

  interface CiCall {
    mode: 'upload' | 'preview';
    options: Record<string, unknown>;
    project: Record<string, unknown>;
    /** What miniprogram-ci would have found at the paths it was given, at the time of the call. */
    keyFile: string;
    projectFiles: string[];
  }

  /** Runs a release with recording stand-ins for the build and miniprogram-ci. */
  function release(argv: string[], releaseEnv: NodeJS.ProcessEnv, cwd: string) {
    const builds: BuildInfo[] = [];
    const calls: CiCall[] = [];
    const logs: string[] = [];
    let ciLoaded = false;
    class Project {
      constructor(readonly options: Record<string, unknown>) {}
    }
    const record =
      (mode: CiCall['mode']) =>
      async (options: Record<string, unknown>): Promise<object> => {
        const project = (options.project as Project).options;
        calls.push({
          mode,
          options,
          project,
          keyFile: fs.readFileSync(project.privateKeyPath as string, 'utf8'),
          projectFiles: fs
            .readdirSync(project.projectPath as string, { recursive: true })
            .map(String)
            .sort(),
        });
        return {};
      };
    const run = runRelease(argv, releaseEnv, {
      cwd,
      untaggedPreviewVersion: '0.1.0',
      build: (info) => {
        builds.push(info);
        const out = fs.mkdtempSync(path.join(tmp, 'bundle-'));
        fs.writeFileSync(path.join(out, 'app.json'), '{"pages":["pages/home/index"]}');
        return out;
      },
      loadCi: async () => {
        ciLoaded = true;
        return { Project, upload: record('upload'), preview: record('preview') } as unknown as MiniprogramCi;
      },
      log: (line) => logs.push(line),
    });
    return { run, builds, calls, logs, ciLoaded: () => ciLoaded };
  }

  test('a pushed tag v2.0.0 uploads version 2.0.0, described by the tag message, with the project and key given', async () => {
    const { dir, git } = repo('Ferry timetable on the map');
    git('tag', '-a', 'v2.0.0', '-m', 'Spring release: ferry tickets');
    const { run, builds, calls, logs } = release(['upload'], { ...env, MP_ROBOT: '3' }, dir);
    await run;

    expect(builds).toEqual([{ version: '2.0.0', commit: git('rev-parse', '--short', 'HEAD') }]);
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(call!.mode).toBe('upload');
    expect(call!.project).toEqual({
      appid,
      type: 'miniProgram',
      projectPath: expect.any(String),
      privateKeyPath: expect.any(String),
    });
    expect(call!.options).toMatchObject({
      version: '2.0.0',
      desc: 'Spring release: ferry tickets',
      robot: 3,
      setting: { useProjectConfig: true },
    });
    expect(call!.keyFile).toBe(uploadKey.trim());
    expect(call!.projectFiles).toEqual(['bundle', 'bundle/app.json', 'project.config.json']);
    // Nothing of the key is left on disk or in the log.
    expect(fs.existsSync(call!.project.privateKeyPath as string)).toBe(false);
    expect(fs.existsSync(call!.project.projectPath as string)).toBe(false);
    expect(logs.join('\n')).not.toContain(uploadKey.split('\n')[1]);
  });

  test('in GitHub Actions the pushed tag (GITHUB_REF_NAME) is the version, even beside another tag on the commit', async () => {
    const { dir, git } = repo('Museum audio guide');
    git('tag', '-a', 'v3.0.0-rc.1', '-m', 'Release candidate');
    git('tag', '-a', 'v3.0.0', '-m', 'Autumn release');
    const ghEnv = { ...env, GITHUB_REF_TYPE: 'tag', GITHUB_REF_NAME: 'v3.0.0-rc.1' };
    const { run, calls } = release(['upload'], ghEnv, dir);
    await run;
    expect(calls[0]!.options).toMatchObject({ version: '3.0.0-rc.1', desc: 'Release candidate' });
  });

  test('--version 2.1.0 overrides the tag; the tag still describes it', async () => {
    const { dir, git } = repo('Ferry timetable on the map');
    git('tag', '-a', 'v2.0.0', '-m', 'Spring release');
    const { run, builds, calls } = release(['upload', '--version', '2.1.0'], env, dir);
    await run;
    expect(builds[0]!.version).toBe('2.1.0');
    expect(calls[0]!.options).toMatchObject({ version: '2.1.0', desc: 'Spring release' });
  });

  test('a lightweight tag has no message: the last commit subject describes the version', async () => {
    const { dir, git } = repo('Zoo opening hours for winter');
    git('tag', 'v2.0.1');
    const { run, calls } = release(['upload'], env, dir);
    await run;
    expect(calls[0]!.options).toMatchObject({ version: '2.0.1', desc: 'Zoo opening hours for winter' });
  });

  test.each([
    [
      'untagged work takes the fallback version and the last commit subject',
      undefined,
      '0.1.0',
      'Try the sheet',
    ],
    ['a tagged commit takes the tag, like an upload', 'v2.2.0-beta.1', '2.2.0-beta.1', 'Beta for the DMO'],
  ])('a preview of %s', async (_case, tag, version, desc) => {
    const { dir, git } = repo('Try the sheet');
    if (tag) git('tag', '-a', tag, '-m', 'Beta for the DMO');
    const { run, calls } = release(['preview'], { ...env, MP_PREVIEW_QR: path.join(tmp, 'qr.jpg') }, dir);
    await run;
    expect(calls[0]!.mode).toBe('preview');
    expect(calls[0]!.options).toMatchObject({ version, desc, qrcodeOutputDest: path.join(tmp, 'qr.jpg') });
  });

  test.each([
    [
      '--version banana',
      ['upload', '--version', 'banana'],
      undefined,
      env,
      /--version "banana" is not a semantic version/,
    ],
    ['a tag that is no version', ['upload'], 'latest', env, /the tag "latest" is not a semantic version/],
    [
      'an upload of untagged work',
      ['upload'],
      undefined,
      env,
      /no version: HEAD has no tag.* or pass --version/,
    ],
    [
      'an unknown option',
      ['upload', '--versoin', '2.0.0'],
      'v2.0.0',
      env,
      /Unknown option '--versoin'.*usage:/,
    ],
    ['no MP_APPID', ['upload'], 'v2.0.0', { MP_UPLOAD_KEY: uploadKey }, /MP_APPID is not set/],
    ['no upload key', ['upload'], 'v2.0.0', { MP_APPID: appid }, /no upload key: set MP_UPLOAD_KEY/],
  ])(
    '%s is refused with a clear message; nothing is built or called',
    async (_case, argv, tag, releaseEnv, message) => {
      const { dir, git } = repo('Ferry timetable on the map');
      if (tag) git('tag', '-a', tag, '-m', 'A release');
      const { run, builds, calls, ciLoaded } = release(argv, releaseEnv, dir);
      await expect(run).rejects.toThrow(ReleaseConfigError);
      await expect(run).rejects.toThrow(message);
      expect(builds).toEqual([]);
      expect(ciLoaded()).toBe(false);
      expect(calls).toEqual([]);
    },
  );
});
