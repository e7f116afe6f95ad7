// A destination's content as a folder: the JSON files (see content/demo/README.md) and assets/ beside them.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { dirname, extname, join, relative, sep } from 'path';
import type { Asset } from './records';
import { CONTENT_FILES, ContentError, DATA_DIR, type ContentFiles } from './seed';

/** What the server serves and an import accepts (an upload of another type is refused by name). */
export const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.pdf': 'application/pdf',
};

export interface ContentFolder {
  files: ContentFiles;
  /** By URL path, `/assets/images/x.svg`. */
  assets: Map<string, Asset>;
}

export function readContentFolder(dir: string): ContentFolder {
  const problems: string[] = [];
  const files = {} as Record<keyof ContentFiles, unknown>;
  for (const [part, file] of Object.entries(CONTENT_FILES) as [keyof ContentFiles, string][]) {
    try {
      files[part] = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const assets = new Map<string, Asset>();
  for (const path of walk(join(dir, 'assets'))) {
    const url = `/${relative(dir, path).split(sep).join('/')}`;
    const mediaType = MEDIA_TYPES[extname(path).toLowerCase()];
    if (mediaType === undefined) problems.push(`${url}: not an image, audio or PDF file`);
    else assets.set(url, { mediaType, bytes: readFileSync(path) });
  }
  if (problems.length > 0) throw new ContentError(problems);
  return { files: files as unknown as ContentFiles, assets };
}

let demo: ContentFolder | undefined;

/** The demo destination, read once per process (never modified: callers only read it). */
export function demoContent(): ContentFolder {
  demo ??= readContentFolder(DATA_DIR);
  return demo;
}

export function writeContentFolder(dir: string, { files, assets }: ContentFolder): void {
  mkdirSync(dir, { recursive: true });
  for (const [part, file] of Object.entries(CONTENT_FILES) as [keyof ContentFiles, string][]) {
    writeFileSync(join(dir, file), `${JSON.stringify(files[part], null, 2)}\n`);
  }
  for (const [url, asset] of assets) {
    const path = join(dir, ...url.split('/').filter(Boolean));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, asset.bytes);
  }
}

function walk(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}
