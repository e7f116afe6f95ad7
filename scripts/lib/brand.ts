// The brand file: its checks (`npm run brand:check`, and every build) and what the build writes from it into
// the bundle: the app's name and tab texts in app.json, the theme colours, Vant's CSS variables on `page`, the
// brand images and the tab bar icons. Swapping miniprogram/brand/ re-brands the bundle with no other edit.
import fs from 'node:fs';
import path from 'node:path';
import { brandVariables, type BrandFile, type BrandLang } from '../../miniprogram/config/brand-model';
import { TAB_PAGES, tabText } from '../../miniprogram/services/tab-bar';
import { contrastRatio, isHexColour } from './colour';
import { writeFileMkdir, writeIfChanged } from './files';
import { constantModule } from './js-module';
import { isPng } from './png';
import { repoRoot, srcDir } from './paths';
import { TAB_ICONS, drawTabIcon } from './tab-icons';

export const defaultBrandDir = path.join(srcDir, 'brand');
export const BRAND_FILE = 'brand.json';
/** The emitted module that the build replaces with the brand file inlined. */
export const BRAND_MODULE = 'config/brand-file.js';
/** DevTools' advice for images in the package (platform-facts.md). */
const MAX_IMAGE_BYTES = 200 * 1024;
const MIN_CONTRAST = 4.5;

export class BrandError extends Error {
  constructor(readonly problems: string[]) {
    super(`The brand file has problems:\n${problems.join('\n')}`);
  }
}

type Theme = Record<'light' | 'dark', Record<string, string>>;

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function readTheme(dir: string): Theme {
  return readJson<Theme>(path.join(dir, 'theme.json'));
}

const LANGS: BrandLang[] = ['zh-CN', 'en'];
const KNOWN_FIELDS = [
  'name',
  'defaultLanguage',
  'logo',
  'colors',
  'officialAccount',
  'customerService',
  'privacyContact',
];

/** Everything wrong with a brand directory's brand.json and images, one line each (empty when it is fine). */
export function brandProblems(brandDir: string): string[] {
  const where = path.relative(repoRoot, path.join(brandDir, BRAND_FILE));
  let raw: unknown;
  try {
    raw = readJson(path.join(brandDir, BRAND_FILE));
  } catch (error) {
    return [`${where}: cannot read: ${(error as Error).message}`];
  }
  const problems: string[] = [];
  const report = (field: string, message: string): void => {
    problems.push(`${where}: ${field}: ${message}`);
  };
  const get = (field: string): unknown =>
    field
      .split('.')
      .reduce<unknown>(
        (v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined),
        raw,
      );

  if (!raw || typeof raw !== 'object') return [`${where}: must be a JSON object`];
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.includes(key)) report(key, 'unknown field');

  for (const field of ['name', 'officialAccount.name', 'customerService.title']) {
    for (const lang of LANGS) {
      const text = get(`${field}.${lang}`);
      if (typeof text !== 'string' || !text.trim()) report(`${field}.${lang}`, 'required text');
    }
  }
  if (!LANGS.includes(get('defaultLanguage') as BrandLang))
    report('defaultLanguage', 'must be "zh-CN" or "en"');
  const contact = get('privacyContact');
  if (typeof contact !== 'string' || !contact.trim()) report('privacyContact', 'required text');

  for (const field of ['logo', 'officialAccount.qrImage']) {
    const name = get(field);
    if (typeof name !== 'string' || !/^[\w.-]+\.(png|jpe?g)$/i.test(name)) {
      report(field, 'a .png or .jpg file name beside brand.json');
      continue;
    }
    const file = path.join(brandDir, name);
    if (!fs.existsSync(file)) {
      report(field, `${name} does not exist`);
      continue;
    }
    const bytes = fs.readFileSync(file);
    if (bytes.length >= MAX_IMAGE_BYTES)
      report(field, `${name} is ${Math.ceil(bytes.length / 1024)} KB (limit 200 KB)`);
    const png = name.toLowerCase().endsWith('.png');
    if (png ? !isPng(bytes) : bytes[0] !== 0xff || bytes[1] !== 0xd8)
      report(field, `${name} is not a ${png ? 'PNG' : 'JPEG'}`);
  }

  const colours = ['primary', 'onPrimary', 'primaryDark', 'accent', 'onAccent'];
  const bad = colours.filter((c) => !isHexColour(get(`colors.${c}`)));
  for (const c of bad) report(`colors.${c}`, 'a colour written #rrggbb');
  if (bad.length) return problems;
  const c = get('colors') as BrandFile['colors'];
  if (!['#ffffff', '#000000'].includes(c.onPrimary.toLowerCase())) {
    report('colors.onPrimary', 'must be #ffffff or #000000 (the navigation bar text is white or black)');
  }
  const theme = readTheme(srcDir);
  const pairs: Array<[string, string, string, string]> = [
    ['colors.onPrimary', c.onPrimary, c.primary, 'on colors.primary'],
    ['colors.primary', c.primary, theme.light.tabBgColor ?? '#ffffff', 'on the light tab bar'],
    ['colors.primaryDark', c.primaryDark, theme.dark.tabBgColor ?? '#000000', 'on the dark tab bar'],
    ['colors.onAccent', c.onAccent, c.accent, 'on colors.accent'],
  ];
  for (const [field, text, background, what] of pairs) {
    const ratio = contrastRatio(text, background);
    if (ratio < MIN_CONTRAST)
      report(field, `contrast ${ratio.toFixed(2)} ${what} (${background}), needs ${MIN_CONTRAST}`);
  }
  return problems;
}

export function loadBrand(brandDir: string): BrandFile {
  const problems = brandProblems(brandDir);
  if (problems.length) throw new BrandError(problems);
  return readJson<BrandFile>(path.join(brandDir, BRAND_FILE));
}

/** The compiled form of miniprogram/config/brand-file.ts with the brand inlined (same export, same shape). */
export function brandModule(brand: BrandFile): string {
  return constantModule('brandFile', brand);
}

interface AppJson {
  window?: Record<string, unknown>;
  tabBar?: { list?: Array<{ pagePath: string; text?: string }> };
}

/** Theme keys that come from the brand; the rest of theme.json is the source's. */
function brandTheme(theme: Theme, brand: BrandFile): Theme {
  const c = brand.colors;
  const navTextStyle = c.onPrimary.toLowerCase() === '#ffffff' ? 'white' : 'black';
  return {
    light: { ...theme.light, navBgColor: c.primary, navTextStyle, tabSelectedColor: c.primary },
    dark: { ...theme.dark, tabSelectedColor: c.primaryDark },
  };
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * Writes the brand into a built bundle (after the sources were copied): app.json's title and tab texts in the
 * default language, theme.json's brand colours, the Vant variables on `page` in app.wxss, the brand module, the
 * brand images and the tab icons in each theme's colours.
 */
export function applyBrand(outDir: string, brandDir: string, src = srcDir): void {
  const brand = loadBrand(brandDir);
  const lang = brand.defaultLanguage;

  const app = readJson<AppJson>(path.join(src, 'app.json'));
  app.window = { ...app.window, navigationBarTitleText: brand.name[lang] };
  for (const item of app.tabBar?.list ?? []) {
    const page = TAB_PAGES.find((p) => p === item.pagePath);
    if (page) item.text = tabText(page, lang);
  }
  writeFileMkdir(path.join(outDir, 'app.json'), json(app));

  const theme = brandTheme(readTheme(src), brand);
  writeFileMkdir(path.join(outDir, 'theme.json'), json(theme));
  for (const mode of ['light', 'dark'] as const) {
    const t = theme[mode];
    for (const [name, shape] of Object.entries(TAB_ICONS)) {
      const [icon, iconOn] = [t[`tab${name}Icon`], t[`tab${name}IconOn`]];
      if (icon) writeFileMkdir(path.join(outDir, icon), drawTabIcon(shape, t.tabColor ?? '#000000'));
      if (iconOn) writeFileMkdir(path.join(outDir, iconOn), drawTabIcon(shape, t.tabSelectedColor!));
    }
  }

  const wxss = fs.readFileSync(path.join(src, 'app.wxss'), 'utf8');
  const variables = brandVariables(brand.colors)
    .map(([name, value]) => `  ${name}: ${value};`)
    .join('\n');
  writeFileMkdir(path.join(outDir, 'app.wxss'), `/* brand */\npage {\n${variables}\n}\n${wxss}`);

  writeIfChanged(path.join(outDir, BRAND_MODULE), brandModule(brand));
  for (const image of [brand.logo, brand.officialAccount.qrImage]) {
    writeFileMkdir(path.join(outDir, 'brand', image), fs.readFileSync(path.join(brandDir, image)));
  }
}
