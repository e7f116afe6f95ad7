/**
 * @jest-environment jsdom
 */
// The audits must fail a page that breaks a budget, naming the page, the state and the element: a fixture page
// (test/audits/over-budget) breaks all of them at once.
import path from 'path';
import { AuditHarness, loadPageAt, type PageEntry } from '../support/audits';

jest.setTimeout(60000);

const harness = new AuditHarness();
beforeAll(() => harness.start());
afterAll(() => harness.stop());

const entry: PageEntry = {
  route: 'test/audits/over-budget',
  load: () => loadPageAt(path.join(__dirname, 'over-budget')),
  states: ['loaded'],
  actions: [{ name: 'tap the small square', tap: '.tiny' }],
};

test('an over-budget page fails every check, each failure naming page, state and element', async () => {
  const [zh] = await harness.run(entry, 'loaded');
  const failures = zh!.failures;
  const page = 'test-audits-over-budget — loaded (zh-CN)';
  const starts = (rest: string) => new RegExp(`^${page.replace(/[()]/g, '\\$&')}: ${rest}$`);
  expect(failures).toEqual(
    expect.arrayContaining([
      expect.stringMatching(starts('setData of 4\\d{4} bytes \\(> 32768\\) from <main>: blob')),
      `${page}: ${zh!.tree.nodes} WXML nodes (must be < 1000)`,
      expect.stringMatching(starts('WXML depth 3\\d \\(must be < 30\\) at <view>')),
      `${page}: <view class="list"> has 1100 children (at most 60)`,
      `${page}: "tap the small square" made 3 setData calls (at most 2): <main> a | <main> b | <main> c`,
    ]),
  );
  if (harness.hasBrowser) {
    expect(failures).toEqual(
      expect.arrayContaining([
        `${page}: tap target <view class="tiny"> is 10×10 px (at least 20×20)`,
        expect.stringMatching(
          starts(
            'text <text class="faint"> "Faint grey on white" has contrast 1\\.\\d+ \\(#c8c8c8 on #ffffff; needs 4\\.5\\)',
          ),
        ),
      ]),
    );
  }
});
