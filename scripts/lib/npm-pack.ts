import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isFile, listFiles, pruneEmptyDirs, writeIfChanged } from './files';
import { findRefs, type Ref } from './refs';
import { repoRoot } from './paths';

/**
 * Places in <out>/miniprogram_npm exactly the npm files the bundle reaches: starting from our own output
 * (usingComponents in every .json, bare require()s in every .js), it follows each packed file's own references
 * (component usingComponents, require() in .js/.wxs, <wxs|import|include src> in .wxml, @import in .wxss) until
 * nothing new turns up. Component packages (package.json "miniprogram", e.g. @vant/weapp -> lib/) are copied from
 * that directory with their layout; plain packages (dayjs) get main -> index.js and subpaths kept as they are, which
 * is how the runtime resolves require('pkg') and require('pkg/sub/path').
 */

const NPM_DIR = 'miniprogram_npm';
const nodeRequire = createRequire(path.join(repoRoot, 'package.json'));

export class PackError extends Error {}

interface PackageInfo {
  root: string;
  /** The directory holding mini program files (package.json "miniprogram" or miniprogram_dist), if any. */
  miniDir: string | null;
}

const packageCache = new Map<string, PackageInfo | null>();

function packageInfo(name: string): PackageInfo | null {
  if (!packageCache.has(name)) {
    const root = path.join(repoRoot, 'node_modules', name);
    let info: PackageInfo | null = null;
    if (isFile(path.join(root, 'package.json'))) {
      const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        miniprogram?: string;
      };
      const miniDir = path.join(root, pkg.miniprogram ?? 'miniprogram_dist');
      info = { root, miniDir: fs.existsSync(miniDir) ? miniDir : null };
    }
    packageCache.set(name, info);
  }
  return packageCache.get(name) ?? null;
}

function splitSpec(spec: string): { name: string; sub: string } {
  const parts = spec.split('/');
  const count = spec.startsWith('@') ? 2 : 1;
  return { name: parts.slice(0, count).join('/'), sub: parts.slice(count).join('/') };
}

/** A file to pack: where it goes (relative to the bundle root) and where it comes from. */
interface Node {
  dest: string;
  src: string;
}

const componentExts = ['.json', '.js', '.wxml', '.wxss'];

function withExt(base: Node, candidates: string[]): Node | null {
  for (const ext of candidates) {
    if (isFile(base.src + ext)) return { dest: base.dest + ext, src: base.src + ext };
  }
  return null;
}

/** The files of one component (its .json is required; a directory stands for its index component). */
function componentFiles(base: Node): Node[] {
  const target = isFile(`${base.src}.json`)
    ? base
    : { dest: path.posix.join(base.dest, 'index'), src: path.join(base.src, 'index') };
  if (!isFile(`${target.src}.json`)) return [];
  return componentExts.flatMap((ext) => withExt(target, [ext]) ?? []);
}

function resolveKind(base: Node, ref: Ref, fromExt: string): Node[] {
  if (ref.kind === 'component') return componentFiles(base);
  if (ref.kind === 'file') return withExt(base, ['']) ? [base] : [];
  const exts = fromExt === '.wxs' || ref.spec.endsWith('.wxs') ? [''] : ['', '.js', '/index.js'];
  const found = withExt(base, exts);
  return found ? [found] : [];
}

/** Maps a package specifier (`@vant/weapp/button/index`, `dayjs`, `dayjs/plugin/utc`) to the files to pack. */
function resolvePackage(spec: string, ref: Ref, fromExt: string): Node[] {
  const { name, sub } = splitSpec(spec);
  const pkg = packageInfo(name);
  if (!pkg) return [];
  if (pkg.miniDir) {
    const base = {
      dest: path.posix.join(NPM_DIR, name, sub || 'index'),
      src: path.join(pkg.miniDir, sub || 'index'),
    };
    return resolveKind(base, ref, fromExt);
  }
  if (ref.kind !== 'module') return [];
  let src: string;
  try {
    src = nodeRequire.resolve(spec);
  } catch {
    return [];
  }
  // require.resolve answers with real paths; node_modules itself may be a link.
  const rel = sub ? path.relative(fs.realpathSync(pkg.root), src).split(path.sep).join('/') : 'index.js';
  return [{ dest: path.posix.join(NPM_DIR, name, rel), src }];
}

function isNpmDest(dest: string): boolean {
  return dest === NPM_DIR || dest.startsWith(`${NPM_DIR}/`);
}

/**
 * Resolves one reference. `from.src` is null for our own output files: their relative references stay in our own
 * tree (the bundle tests check those), so only references into miniprogram_npm or to packages are followed.
 */
function resolveRef(from: { dest: string; src: string | null }, ref: Ref): Node[] | 'own' {
  const fromExt = path.extname(from.dest);
  const { spec } = ref;
  if (spec.startsWith('/') || spec.startsWith('.')) {
    const dest = spec.startsWith('/')
      ? path.posix.normalize(spec.slice(1))
      : path.posix.join(path.posix.dirname(from.dest), spec);
    if (from.src && !spec.startsWith('/')) {
      return resolveKind({ dest, src: path.join(path.dirname(from.src), spec) }, ref, fromExt);
    }
    if (!isNpmDest(dest)) return 'own';
    return resolvePackage(dest.slice(NPM_DIR.length + 1), ref, fromExt);
  }
  // Bare paths: the runtime looks for them in miniprogram_npm; a bare path that names no installed package is a
  // legacy relative path in our own tree.
  if (!packageInfo(splitSpec(spec).name)) return from.src ? [] : 'own';
  return resolvePackage(spec, ref, fromExt);
}

/** dest -> src of every npm file the bundle in `outDir` needs. Throws PackError naming file:line of bad refs. */
export function planNpmFiles(outDir: string): Map<string, string> {
  const planned = new Map<string, string>();
  const queue: Node[] = [];
  const errors: string[] = [];
  const visit = (from: { dest: string; src: string | null }, text: string): void => {
    let refs: Ref[];
    try {
      refs = findRefs(from.dest, text);
    } catch (error) {
      errors.push(`${from.dest}: ${(error as Error).message}`);
      return;
    }
    for (const ref of refs) {
      const resolved = resolveRef(from, ref);
      if (resolved === 'own') continue;
      if (resolved.length === 0) {
        errors.push(
          `${from.dest}:${ref.line}: ${ref.via} "${ref.spec}" does not resolve to an installed package file`,
        );
      }
      for (const node of resolved) {
        const known = planned.get(node.dest);
        if (known === undefined) {
          planned.set(node.dest, node.src);
          queue.push(node);
        } else if (known !== node.src) {
          errors.push(`${from.dest}:${ref.line}: ${node.dest} would come from both ${known} and ${node.src}`);
        }
      }
    }
  };
  for (const file of listFiles(outDir)) {
    if (!isNpmDest(file)) visit({ dest: file, src: null }, fs.readFileSync(path.join(outDir, file), 'utf8'));
  }
  for (let node = queue.shift(); node; node = queue.shift()) visit(node, fs.readFileSync(node.src, 'utf8'));
  if (errors.length) throw new PackError(`npm packing failed:\n${errors.join('\n')}`);
  return new Map([...planned].sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Makes <out>/miniprogram_npm hold exactly the planned files; returns the files it wrote or removed. */
export function syncNpmFiles(outDir: string): { changed: string[]; files: string[] } {
  const planned = planNpmFiles(outDir);
  const changed: string[] = [];
  const npmRoot = path.join(outDir, NPM_DIR);
  for (const file of listFiles(npmRoot)) {
    const dest = `${NPM_DIR}/${file}`;
    if (!planned.has(dest)) {
      fs.rmSync(path.join(npmRoot, file));
      changed.push(dest);
    }
  }
  for (const [dest, src] of planned) {
    if (writeIfChanged(path.join(outDir, dest), fs.readFileSync(src))) changed.push(dest);
  }
  if (fs.existsSync(npmRoot)) pruneEmptyDirs(npmRoot);
  return { changed, files: [...planned.keys()] };
}
