// Re-branding without code: building with a second brand directory (another name and colours) changes the
// bundle's app name, tab texts, theme, Vant variables, brand module, images and tab icons, with no other edit.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildBundle } from '../../scripts/lib/bundle';
import { defaultBrandDir } from '../../scripts/lib/brand';
import { checkRefs } from '../../scripts/lib/bundle-refs';

const harbourDir = path.join(__dirname, 'fixtures/brand-harbour');
const harbour = JSON.parse(fs.readFileSync(path.join(harbourDir, 'brand.json'), 'utf8'));
const demo = JSON.parse(fs.readFileSync(path.join(defaultBrandDir, 'brand.json'), 'utf8'));

let out: string;
const read = (file: string) => fs.readFileSync(path.join(out, file), 'utf8');

beforeAll(() => {
  out = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-brand-'));
  buildBundle({ outDir: out, info: { version: '1.0.0', commit: 'abc1234' }, brandDir: harbourDir });
}, 60_000);

afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The colour of the most opaque pixel of one of our PNGs (8-bit RGBA, unfiltered rows). */
function inkOf(file: string): string {
  const png = fs.readFileSync(path.join(out, file));
  const width = png.readUInt32BE(16);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  let best = 0;
  for (let i = 0; i < raw.length; i++) {
    const inPixel = (i % (width * 4 + 1)) - 1;
    if (inPixel >= 0 && inPixel % 4 === 3 && raw[i]! > raw[best]!) best = i;
  }
  return `#${raw.subarray(best - 3, best).toString('hex')}`;
}

test('the app name and the tab texts are the second brand’s, in its default language (en)', () => {
  const app = JSON.parse(read('app.json'));
  expect(app.window.navigationBarTitleText).toBe('Harbour Tourism');
  expect(app.tabBar.list.map((t: { text: string }) => t.text)).toEqual(['Home', 'Map', 'Trips', 'Me']);
});

test('the theme, the Vant variables on page and the selected tab icons carry the second brand’s colours', () => {
  const theme = JSON.parse(read('theme.json'));
  expect(theme.light).toMatchObject({
    navBgColor: '#1d4ed8',
    navTextStyle: 'white',
    tabSelectedColor: '#1d4ed8',
  });
  expect(theme.dark).toMatchObject({ tabSelectedColor: '#93b4ff' });
  expect(read('app.wxss')).toMatch(/page \{[^}]*--button-primary-background-color: #1d4ed8;/);
  expect(inkOf(theme.light.tabHomeIconOn)).toBe('#1d4ed8');
  expect(inkOf(theme.dark.tabMeIconOn)).toBe('#93b4ff');
  expect(inkOf(theme.light.tabHomeIcon)).toBe(theme.light.tabColor);
});

test('the app’s brand module is the second brand, as the mini program will require it', () => {
  const { brand, brandStyle } = jest.requireActual(path.join(out, 'config/brand.js'));
  expect(brand.name).toEqual(harbour.name);
  expect(brand.officialAccount.name.en).toBe('Harbour Tourism Board');
  expect(brand.logo).toBe('/brand/logo.png');
  expect(brandStyle).toContain('--button-primary-background-color: #1d4ed8;');
  const logo = fs.readFileSync(path.join(out, 'brand/logo.png'));
  expect(logo.equals(fs.readFileSync(path.join(harbourDir, 'logo.png')))).toBe(true);
  expect(fs.existsSync(path.join(out, 'brand/brand.json'))).toBe(false);
  expect(checkRefs(out)).toEqual([]);
});

test('nothing of the demo brand is left where the brand goes', () => {
  const branded = ['app.json', 'theme.json', 'app.wxss', 'config/brand-file.js'].map(read).join('\n');
  for (const trace of [demo.colors.primary, demo.colors.primaryDark, demo.name['zh-CN'], demo.name.en]) {
    expect(branded).not.toContain(trace);
  }
});
