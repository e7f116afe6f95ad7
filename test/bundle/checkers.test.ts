// The bundle checks must be able to fail: each is fed a deliberately broken bundle and must name file and line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildBundle } from '../../scripts/lib/bundle';
import { checkPages, checkRefs, unreachableNpmFiles } from '../../scripts/lib/bundle-refs';
import { compileBundle } from '../../scripts/lib/compile';
import { PackError, planNpmFiles } from '../../scripts/lib/npm-pack';
import { repoRoot } from '../../scripts/lib/paths';
import { formatFinding, scanSecrets } from '../../scripts/lib/secrets';
import { TypeScriptError } from '../../scripts/lib/typescript';
import { checkWxml, checkWxss } from '../../scripts/lib/wx-compilers';

let dir: string;

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-checkers-'));
});

afterEach(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

test('wcc reports a broken WXML file as file:line:col and passes a good one', () => {
  write({
    'pages/ok/index.wxml': '<view class="{{cls}}">\n  <text>{{title}}</text>\n</view>\n',
    'pages/bad/index.wxml': '<view>\n  <text>unclosed\n</view>\n',
  });
  expect(checkWxml(dir)).toEqual([expect.stringMatching(/^pages\/bad\/index\.wxml:3:\d+: .*text/)]);
});

test('wcsc reports a broken WXSS file as file:line:col, and a missing @import by file', () => {
  write({
    'pages/ok/index.wxss': '.a {\n  color: red;\n}\n',
    'pages/ok/index.json': '{}',
    'pages/bad/index.wxss': '.a {\n  color: red;\n  .b { }\n}\n',
    'pages/bad/index.json': '{}',
    'pages/lost/index.wxss': "@import './missing.wxss';\n",
  });
  expect(checkWxss(dir)).toEqual([
    expect.stringMatching(/^pages\/bad\/index\.wxss:3:\d+: /),
    expect.stringMatching(/^pages\/lost\/index\.wxss: .*missing\.wxss/),
  ]);
});

test('missing pages and unresolvable usingComponents / require() are reported by file and line', () => {
  write({
    'app.json': JSON.stringify({ pages: ['pages/a/index', 'pages/gone/index'] }, null, 2),
    'pages/a/index.js': "const x = require('./helper');\nconst y = require('./data.json');\n",
    'pages/a/helper.js': '',
    'pages/a/data.json': '{}',
    'pages/a/index.wxml': '<view />',
    'pages/a/index.wxss': '',
    'pages/a/index.json':
      '{\n  "usingComponents": {\n    "van-nope": "/miniprogram_npm/@vant/weapp/nope/index"\n  }\n}\n',
  });
  expect(checkPages(dir)).toEqual([
    'app.json: page pages/gone/index has no pages/gone/index.js',
    'app.json: page pages/gone/index has no pages/gone/index.wxml',
    'app.json: page pages/gone/index has no pages/gone/index.wxss',
    'app.json: page pages/gone/index has no pages/gone/index.json',
  ]);
  expect(checkRefs(dir)).toEqual([
    expect.stringMatching(/^pages\/a\/index\.js:2: require "\.\/data\.json"/),
    expect.stringMatching(/^pages\/a\/index\.json:3: usingComponents\.van-nope /),
  ]);
});

test('the packer takes only the Vant files a component needs, and names the file of a bad reference', () => {
  write({
    'pages/a/index.json': '{"usingComponents": {"van-icon": "/miniprogram_npm/@vant/weapp/icon/index"}}',
  });
  const planned = [...planNpmFiles(dir).keys()];
  expect(planned).toContain('miniprogram_npm/@vant/weapp/icon/index.wxss');
  expect(planned).toContain('miniprogram_npm/@vant/weapp/info/index.js');
  expect(planned).toContain('miniprogram_npm/@vant/weapp/wxs/utils.wxs');
  expect(planned.filter((file) => file.includes('/button/'))).toEqual([]);

  write({
    'pages/b/index.json': '{\n  "usingComponents": {\n    "van-x": "@vant/weapp/no-such/index"\n  }\n}',
  });
  expect(() => planNpmFiles(dir)).toThrow(PackError);
  expect(() => planNpmFiles(dir)).toThrow(/pages\/b\/index\.json:3: usingComponents\.van-x/);
});

test('an npm file nothing reaches is reported', () => {
  write({
    'app.json': '{"pages": []}',
    'miniprogram_npm/@vant/weapp/button/index.js': '',
  });
  expect(unreachableNpmFiles(dir)).toEqual(['miniprogram_npm/@vant/weapp/button/index.js']);
});

test('the secret scan finds keys, AppSecrets, API v3 keys and key files, and leaves ordinary hashes alone', () => {
  // Assembled at run time so that this test file itself stays clean for a scan of tracked files.
  const hex = '0123456789abcdef'.repeat(2);
  const apiV3 = 'Zx8Kq2Lm9Np4Rs7T'.repeat(2);
  const keyFile = `private.wx${'0123456789abcdef'}.key`;
  write({
    'config/a.js': `exports.x = {\n  appSecret: "${hex}"\n};\n`,
    'config/b.js': `\nconst apiV3Key = '${apiV3}';\n`,
    'config/c.js': `\n\n${'-----BEGIN'} RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n`,
    [keyFile]: 'x',
    'ok/hash.js': `exports.etag = "${hex}"; // content hash of the banner image\n`,
  });
  const files = ['config/a.js', 'config/b.js', 'config/c.js', keyFile, 'ok/hash.js'];
  expect(scanSecrets(files, dir).map(formatFinding)).toEqual([
    'config/a.js:2: AppSecret-like 32-hex string',
    'config/b.js:2: merchant API v3 key-like string',
    'config/c.js:3: PEM block (private key or certificate)',
    `${keyFile}:1: key or certificate file`,
  ]);
});

test('getCompiledResult rejects a bundle with broken WXSS, naming file and line', async () => {
  write({
    'app.json': '{"pages": ["pages/a/index"]}',
    'app.js': 'App({});\n',
    'pages/a/index.js': 'Component({});\n',
    'pages/a/index.json': '{}',
    'pages/a/index.wxml': '<view />',
    'pages/a/index.wxss': '.a {\n  color: red;\n',
  });
  await expect(compileBundle(dir)).rejects.toThrow(/pages\/a\/index\.wxss:1:1: Unclosed block/);
}, 60_000);

test('a TypeScript error fails the build with file:line:col', () => {
  write({
    'src/tsconfig.json': JSON.stringify({
      extends: path.join(repoRoot, 'tsconfig.base.json'),
      compilerOptions: { rootDir: '.', types: [] },
      include: ['./**/*.ts'],
    }),
    'src/app.json': '{"pages": []}',
    'src/pages/x/index.ts': "export const n: number = 'text';\n",
  });
  let error: unknown;
  try {
    buildBundle({
      srcDir: path.join(dir, 'src'),
      outDir: path.join(dir, 'out'),
      info: { version: '0', commit: 'x' },
    });
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(TypeScriptError);
  expect((error as TypeScriptError).diagnostics).toEqual([
    expect.stringMatching(/src\/pages\/x\/index\.ts:1:14 - error TS2322: /),
  ]);
});
