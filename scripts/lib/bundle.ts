import fs from 'node:fs';
import path from 'node:path';
import { BRAND_MODULE, applyBrand, brandModule, loadBrand } from './brand';
import { BUILD_INFO_FILE, buildInfoModule, currentBuildInfo, type BuildInfo } from './build-info';
import { listFiles, writeFileMkdir, writeIfChanged } from './files';
import { constantModule } from './js-module';
import { syncNpmFiles } from './npm-pack';
import { distDir, srcDir } from './paths';
import { compileProject } from './typescript';

/** Files copied from miniprogram/ unchanged (TS is compiled; anything else is reported and left out). */
export const COPIED_EXTENSIONS = new Set([
  '.wxml',
  '.wxss',
  '.json',
  '.wxs',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.webp',
  '.mp3',
  '.m4a',
  '.aac',
  '.wav',
  '.mp4',
  '.ttf',
  '.woff',
  '.woff2',
]);

export interface BuildOptions {
  srcDir?: string;
  outDir?: string;
  /** Defaults to <srcDir>/tsconfig.json. */
  tsconfig?: string;
  info?: BuildInfo;
  /** The directory holding brand.json and its images; defaults to <srcDir>/brand. */
  brandDir?: string;
  /** The API origin of the develop build; default miniprogram/config/develop-api.ts's (loopback, port 3000). */
  developApiUrl?: string;
}

export interface BuildResult {
  outDir: string;
  files: string[];
  /** Source files that are neither TS nor copied (e.g. a stray .js or .md), relative to srcDir. */
  skipped: string[];
}

export type SourceAction = 'compile' | 'copy' | 'ignore' | 'skip';

/** What the build does with a file of miniprogram/ (relative POSIX path). */
export function sourceAction(rel: string): SourceAction {
  // brand/ goes in through applyBrand (inlined JSON, only the images it names).
  if (rel === 'tsconfig.json' || rel.endsWith('.d.ts') || rel.startsWith('brand/')) return 'ignore';
  if (rel.endsWith('.ts')) return 'compile';
  return COPIED_EXTENSIONS.has(path.extname(rel).toLowerCase()) ? 'copy' : 'skip';
}

const DEVELOP_API_FILE = 'config/develop-api.js';

/**
 * Modules the build writes itself in place of their placeholders' compiled output, by bundle path: the real
 * version and commit, and the develop build's API origin when it is not the placeholder's.
 */
export function generatedModules(info: BuildInfo, developApiUrl?: string): Record<string, string> {
  return {
    [BUILD_INFO_FILE]: buildInfoModule(info),
    ...(developApiUrl !== undefined && {
      [DEVELOP_API_FILE]: constantModule('DEVELOP_API_URL', developApiUrl),
    }),
  };
}

/**
 * Emitted JS goes to outDir as is, except the generated modules, and the brand file module, which gets the brand
 * inlined (the emitted copy of brand.json is dropped).
 * Returns the bundle-relative path when the file changed (watch mode reports those), else null.
 */
export function emittedFileWriter(
  outDir: string,
  generated: Record<string, string>,
  brandDir: string,
): (fileName: string, text: string) => string | null {
  return (fileName, text) => {
    const rel = path.relative(outDir, fileName).split(path.sep).join('/');
    if (rel.startsWith('..')) throw new Error(`TypeScript emitted outside ${outDir}: ${fileName}`);
    if (rel.startsWith('brand/')) return null;
    const out = generated[rel] ?? (rel === BRAND_MODULE ? brandModule(loadBrand(brandDir)) : text);
    return writeIfChanged(fileName, out) ? rel : null;
  };
}

/** Clean build of miniprogram/ into dist/ (or the given dirs). Same sources -> byte-identical output. */
export function buildBundle(options: BuildOptions = {}): BuildResult {
  const src = options.srcDir ?? srcDir;
  const outDir = options.outDir ?? distDir;
  const generated = generatedModules(options.info ?? currentBuildInfo(), options.developApiUrl);
  const brandDir = options.brandDir ?? path.join(src, 'brand');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });

  const write = emittedFileWriter(outDir, generated, brandDir);
  compileProject(options.tsconfig ?? path.join(src, 'tsconfig.json'), outDir, (fileName, text) => {
    write(fileName, text);
  });
  const skipped: string[] = [];
  for (const rel of listFiles(src)) {
    const action = sourceAction(rel);
    if (action === 'copy') writeFileMkdir(path.join(outDir, rel), fs.readFileSync(path.join(src, rel)));
    if (action === 'skip') skipped.push(rel);
  }
  for (const [rel, text] of Object.entries(generated)) writeFileMkdir(path.join(outDir, rel), text);
  // A source tree without a brand (the checkers' small fixtures) builds as it is.
  if (options.brandDir || fs.existsSync(brandDir)) applyBrand(outDir, brandDir, src);
  syncNpmFiles(outDir);
  return { outDir, files: listFiles(outDir), skipped };
}
