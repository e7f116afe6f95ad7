// Package sizes: the budgets, and the packer's placement of npm components where their users are (a Vant
// component one subpackage alone uses goes into that subpackage, with its page's path rewritten to it).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { checkRefs } from '../../scripts/lib/bundle-refs';
import { syncNpmFiles } from '../../scripts/lib/npm-pack';
import { BUDGETS, overBudget } from '../../scripts/lib/sizes';

const KB = 1024;
let dir: string;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-packing-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(files: Record<string, string>): void {
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
}

const page = (using: Record<string, string>) => JSON.stringify({ usingComponents: using });
const exists = (file: string) => fs.existsSync(path.join(dir, file));
const read = (file: string) => fs.readFileSync(path.join(dir, file), 'utf8');

test('the budgets: main 300 KB, each subpackage 400 KB, 1.5 MB in all; each overrun is named', () => {
  expect(BUDGETS).toEqual({ main: 300 * KB, subpackage: 400 * KB, total: 1536 * KB });
  expect(overBudget({ main: 300 * KB, subpackages: { 'packages/a': 400 * KB }, total: 700 * KB })).toEqual(
    [],
  );
  expect(
    overBudget({ main: 300 * KB + 1, subpackages: { 'packages/a': 400 * KB + 1 }, total: 1536 * KB + 1 }),
  ).toEqual([
    `main package: ${300 * KB + 1} bytes > budget ${300 * KB} bytes`,
    `subpackage packages/a: ${400 * KB + 1} bytes > budget ${400 * KB} bytes`,
    `total: ${1536 * KB + 1} bytes > budget ${1536 * KB} bytes`,
  ]);
});

test('a component one subpackage alone uses is packed into it; shared ones stay at the root', () => {
  const root = '../../../../miniprogram_npm/@vant/weapp';
  write({
    'app.json': JSON.stringify({
      pages: ['pages/m/index'],
      subpackages: [
        { root: 'packages/a', pages: ['pages/x/index', 'pages/y/index'] },
        { root: 'packages/b', pages: ['pages/z/index'] },
      ],
    }),
    'pages/m/index.json': page({ 'van-button': '../../miniprogram_npm/@vant/weapp/button/index' }),
    'packages/a/pages/x/index.json': page({
      'van-calendar': `${root}/calendar/index`,
      'van-button': `${root}/button/index`,
    }),
    'packages/a/pages/y/index.json': page({ 'van-calendar': `${root}/calendar/index` }),
    'packages/b/pages/z/index.json': page({ 'van-loading': `${root}/loading/index` }),
    'packages/a/pages/x/index.js': "require('dayjs');",
  });
  syncNpmFiles(dir);

  expect(exists('packages/a/miniprogram_npm/@vant/weapp/calendar/index.js')).toBe(true);
  // What the moved component needs travels with it, even where the root has its own copy.
  expect(exists('packages/a/miniprogram_npm/@vant/weapp/common/component.js')).toBe(true);
  expect(exists('miniprogram_npm/@vant/weapp/calendar/index.js')).toBe(false);
  expect(JSON.parse(read('packages/a/pages/x/index.json')).usingComponents).toEqual({
    'van-calendar': '../../miniprogram_npm/@vant/weapp/calendar/index',
    'van-button': `${root}/button/index`,
  });
  expect(exists('packages/b/miniprogram_npm/@vant/weapp/loading/index.js')).toBe(true);
  // Used by the main package (and another subpackage): the root copy serves all.
  expect(exists('miniprogram_npm/@vant/weapp/button/index.js')).toBe(true);
  // ...and the calendar's own footer button travels with the calendar.
  expect(exists('packages/a/miniprogram_npm/@vant/weapp/button/index.js')).toBe(true);
  // A bare require from one subpackage: the runtime finds the package in that subpackage's miniprogram_npm.
  expect(exists('packages/a/miniprogram_npm/dayjs/index.js')).toBe(true);
  expect(checkRefs(dir)).toEqual([]);

  // A second sync changes nothing (watch mode re-syncs after every change).
  expect(syncNpmFiles(dir).changed).toEqual([]);
});

test('when a second package starts using a component, it moves back to the root', () => {
  write({
    'app.json': JSON.stringify({
      pages: ['pages/m/index'],
      subpackages: [{ root: 'packages/a', pages: ['p/index'] }],
    }),
    'pages/m/index.json': page({}),
    'packages/a/p/index.json': page({ 'van-loading': '../../../miniprogram_npm/@vant/weapp/loading/index' }),
  });
  syncNpmFiles(dir);
  expect(read('packages/a/p/index.json')).toContain('"../miniprogram_npm/@vant/weapp/loading/index"');
  write({ 'pages/m/index.json': page({ 'van-loading': '../../miniprogram_npm/@vant/weapp/loading/index' }) });
  const { changed } = syncNpmFiles(dir);
  expect(read('packages/a/p/index.json')).toContain('"../../../miniprogram_npm/@vant/weapp/loading/index"');
  expect(changed).toContain('packages/a/miniprogram_npm/@vant/weapp/loading/index.js');
  expect(exists('packages/a/miniprogram_npm')).toBe(false);
  expect(checkRefs(dir)).toEqual([]);
});
