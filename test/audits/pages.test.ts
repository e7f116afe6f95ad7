/**
 * @jest-environment jsdom
 */
// The Audits budgets for every page of the catalogue, in every state and language (see test/support/audits.ts).
// `npm run previews` runs this same file with WAYFARER_PREVIEWS set: the renders are then also written as PNGs.
import fs from 'fs';
import path from 'path';
import { findChromium, INSTALL_HINT } from '../../scripts/lib/previews/browser';
import { AuditHarness, statesOf } from '../support/audits';
import { catalogue } from './catalogue';

jest.setTimeout(60000);

const previewsDir = process.env.WAYFARER_PREVIEWS || undefined;
const harness = new AuditHarness({ previewsDir });

beforeAll(() => harness.start());
afterAll(async () => {
  await harness.stop();
  if (previewsDir) {
    fs.mkdirSync(previewsDir, { recursive: true });
    fs.writeFileSync(path.join(previewsDir, 'results.json'), JSON.stringify(harness.results, null, 2));
  }
});

test('every page of app.json has a catalogue entry, and every entry is a page of app.json', () => {
  const app = JSON.parse(fs.readFileSync(path.join(__dirname, '../../miniprogram/app.json'), 'utf8')) as {
    pages: string[];
    subpackages?: Array<{ root: string; pages: string[] }>;
  };
  const pages = [
    ...app.pages,
    ...(app.subpackages ?? []).flatMap((sub) => sub.pages.map((p) => `${sub.root.replace(/\/$/, '')}/${p}`)),
  ].sort();
  expect(catalogue.map((entry) => entry.route).sort()).toEqual(pages);
});

// Without Chromium the tap target and contrast checks cannot run: the suite says so rather than passing quietly.
const browserCheck = findChromium()
  ? 'tap targets and contrast are checked in Chromium'
  : `SKIPPED: tap target and contrast audits need Chromium (${INSTALL_HINT})`;
(findChromium() ? test : test.skip)(browserCheck, () => {
  expect(harness.hasBrowser).toBe(true);
});

describe.each(catalogue)('$route', (entry) => {
  test.each(statesOf(entry))('%s', async (state) => {
    const shots = await harness.run(entry, state);
    expect(shots.flatMap((shot) => shot.failures)).toEqual([]);
  });
});
