// Builds dist/ once (in-process, the same function as `npm run build`) and checks it the way WeChat would read it.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { allPages, readAppJson } from '../../scripts/lib/app-json';
import { buildBundle, type BuildResult } from '../../scripts/lib/bundle';
import { checkPages, checkRefs, unreachableNpmFiles } from '../../scripts/lib/bundle-refs';
import { compileBundle } from '../../scripts/lib/compile';
import { listFiles } from '../../scripts/lib/files';
import { distDir } from '../../scripts/lib/paths';
import { formatFinding, scanSecretsInDir } from '../../scripts/lib/secrets';
import { measurePackages, overBudget } from '../../scripts/lib/sizes';
import { checkWxml, checkWxss } from '../../scripts/lib/wx-compilers';

let build: BuildResult;

beforeAll(() => {
  build = buildBundle();
}, 60_000);

function hashes(dir: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(dir).map((file) => [
      file,
      crypto
        .createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  );
}

test('every page of app.json (main and subpackages) has its .js, .wxml, .wxss and .json', () => {
  expect(allPages(readAppJson(distDir)).length).toBeGreaterThan(0);
  expect(checkPages(distDir)).toEqual([]);
});

test('every usingComponents path, require(), WXML src and WXSS @import resolves inside dist/', () => {
  expect(checkRefs(distDir)).toEqual([]);
});

test('every WXML file compiles with wcc', () => {
  expect(checkWxml(distDir)).toEqual([]);
});

test('every WXSS file compiles with wcsc', () => {
  expect(checkWxss(distDir)).toEqual([]);
});

test('miniprogram_npm holds only what the bundle reaches (used Vant components and what they need)', () => {
  expect(build.files.some((file) => file.startsWith('miniprogram_npm/'))).toBe(true);
  expect(unreachableNpmFiles(distDir)).toEqual([]);
  expect(build.files.filter((file) => file.endsWith('.d.ts') || file.endsWith('.ts'))).toEqual([]);
});

test('no image or audio file above 200 KB (DevTools flags them; they belong on a CDN)', () => {
  const media = build.files.filter((file) => /\.(png|jpe?g|gif|webp|svg|mp3|m4a|aac|wav|mp4)$/i.test(file));
  const large = media.filter((file) => fs.statSync(path.join(distDir, file)).size > 200 * 1024);
  expect(large).toEqual([]);
});

test('no secret in dist/', () => {
  expect(scanSecretsInDir(distDir).map(formatFinding)).toEqual([]);
});

test('the whole bundle compiles with miniprogram-ci getCompiledResult and fits the size budgets', async () => {
  const compiled = await compileBundle(distDir);
  const emitted = new Set(compiled.files.map((file) => file.path));
  const missing = allPages(readAppJson(distDir))
    .flatMap((page) => [`${page}.js`, `${page}.wxml`])
    .filter((file) => !emitted.has(file));
  expect(missing).toEqual([]);
  expect(overBudget(measurePackages(compiled.files, readAppJson(distDir)))).toEqual([]);
}, 60_000);

test('the build is deterministic: two builds give byte-identical output', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-determinism-'));
  try {
    const info = { version: '9.9.9', commit: 'abcdef0' };
    const a = buildBundle({ outDir: path.join(tmp, 'a'), info });
    const b = buildBundle({ outDir: path.join(tmp, 'b'), info });
    expect(b.files).toEqual(a.files);
    expect(hashes(b.outDir)).toEqual(hashes(a.outDir));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}, 60_000);
