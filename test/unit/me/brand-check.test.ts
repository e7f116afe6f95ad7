// `npm run brand:check`: the demo brand passes; each kind of mistake a DMO can make is named by field.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BrandError, brandProblems, defaultBrandDir, loadBrand } from '../../../scripts/lib/brand';
import { contrastRatio } from '../../../scripts/lib/colour';
import type { BrandFile, BrandLang, BrandText } from '../../../miniprogram/config/brand-model';

let dir: string;

function brandWith(edit: (brand: BrandFile) => void): string {
  const brand = JSON.parse(fs.readFileSync(path.join(dir, 'brand.json'), 'utf8')) as BrandFile;
  edit(brand);
  fs.writeFileSync(path.join(dir, 'brand.json'), JSON.stringify(brand));
  return dir;
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-brand-'));
  fs.cpSync(defaultBrandDir, dir, { recursive: true });
});

afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

test('the demo brand and the second test brand pass', () => {
  expect(brandProblems(defaultBrandDir)).toEqual([]);
  expect(brandProblems(path.join(__dirname, '../../bundle/fixtures/brand-harbour'))).toEqual([]);
});

test('contrast is WCAG’s: black on white is 21, a colour on itself is 1', () => {
  expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrastRatio('#0b6e4f', '#0b6e4f')).toBe(1);
  expect(contrastRatio('#ffffff', '#777777')).toBeCloseTo(4.48, 2);
});

test('missing texts, a bad language and an unknown field are reported by field', () => {
  brandWith((b) => {
    delete (b.name as Partial<BrandText>).en;
    b.customerService.title['zh-CN'] = ' ';
    b.defaultLanguage = 'fr' as BrandLang;
    Object.assign(b, { colour: {} });
  });
  const problems = brandProblems(dir);
  expect(problems).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/: colour: unknown field$/),
      expect.stringMatching(/: name\.en: required text$/),
      expect.stringMatching(/: customerService\.title\.zh-CN: required text$/),
      expect.stringMatching(/: defaultLanguage: must be "zh-CN" or "en"$/),
    ]),
  );
  expect(problems).toHaveLength(4);
});

test('text on the brand colour below 4.5 fails, and so does a navigation bar text that is not white or black', () => {
  brandWith((b) => {
    b.colors.primary = '#5fb392';
    b.colors.onPrimary = '#fafafa';
    b.colors.accent = 'orange';
  });
  expect(brandProblems(dir)).toEqual([expect.stringMatching(/colors\.accent: a colour written #rrggbb/)]);
  brandWith((b) => {
    b.colors.accent = '#f2a541';
  });
  expect(brandProblems(dir)).toEqual([
    expect.stringMatching(/colors\.onPrimary: must be #ffffff or #000000/),
    expect.stringMatching(/colors\.onPrimary: contrast 2\.\d\d on colors\.primary \(#5fb392\), needs 4\.5/),
    expect.stringMatching(/colors\.primary: contrast 2\.\d\d on the light tab bar/),
  ]);
});

test('images: a file beside brand.json, PNG or JPEG as named, under 200 KB', () => {
  fs.writeFileSync(
    path.join(dir, 'big.png'),
    Buffer.concat([fs.readFileSync(path.join(dir, 'logo.png')), Buffer.alloc(205 * 1024)]),
  );
  fs.writeFileSync(path.join(dir, 'fake.jpg'), 'not a jpeg');
  brandWith((b) => {
    b.logo = 'big.png';
    b.officialAccount.qrImage = '../qr.png';
  });
  expect(brandProblems(dir)).toEqual([
    expect.stringMatching(/logo: big\.png is 2\d\d KB \(limit 200 KB\)/),
    expect.stringMatching(/officialAccount\.qrImage: a \.png or \.jpg file name beside brand\.json/),
  ]);
  brandWith((b) => {
    b.logo = 'fake.jpg';
    b.officialAccount.qrImage = 'gone.png';
  });
  expect(brandProblems(dir)).toEqual([
    expect.stringMatching(/logo: fake\.jpg is not a JPEG/),
    expect.stringMatching(/officialAccount\.qrImage: gone\.png does not exist/),
  ]);
  expect(() => loadBrand(dir)).toThrow(BrandError);
});
