import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isFile, listFiles, pruneEmptyDirs, writeIfChanged } from './files';
import { readAppJson, subpackages } from './app-json';
import { findRefs, type Ref } from './refs';
import { repoRoot } from './paths';

/**
 * Places in miniprogram_npm directories exactly the npm files the bundle reaches: starting from our own output
 * (usingComponents in every .json, require()s in every .js), it follows each packed file's own references
 * (component usingComponents, require() in .js/.wxs, <wxs|import|include src> in .wxml, @import in .wxss) until
 * nothing new turns up. Component packages (package.json "miniprogram", e.g. @vant/weapp -> lib/) are copied from
 * that directory with their layout; plain packages (dayjs) get main -> index.js and subpaths kept as they are, which
 * is how the runtime resolves require('pkg') and require('pkg/sub/path').
 *
 * Where: what only one subpackage's files use is packed into that subpackage (<root>/miniprogram_npm, with what
 * it needs copied beside it) and their relative usingComponents / require paths are rewritten to point there, so
 * a Vant component of one feature never weighs on the main package. The rest goes to the bundle's root
 * miniprogram_npm. Sources keep pointing at the root copy (what tests and DevTools' npm layout expect); the
 * placement is the build's.
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

/** `home`: where an npm directory lives, '' for the bundle root or a subpackage root such as 'packages/tickets'. */
const npmDirOf = (home: string): string => (home ? `${home}/${NPM_DIR}` : NPM_DIR);

/** The npm directory a bundle path lies in and the path inside it; undefined outside any. */
function inNpmDir(dest: string): { home: string; rest: string } | undefined {
  const m = /^(?:(.+)\/)?miniprogram_npm(?:\/(.*))?$/.exec(dest);
  return m ? { home: m[1] ?? '', rest: m[2] ?? '' } : undefined;
}

/** Maps a package specifier (`@vant/weapp/button/index`, `dayjs`, `dayjs/plugin/utc`) to the files to pack. */
function resolvePackage(spec: string, ref: Ref, fromExt: string, home: string): Node[] {
  const { name, sub } = splitSpec(spec);
  const pkg = packageInfo(name);
  if (!pkg) return [];
  const npmDir = npmDirOf(home);
  if (pkg.miniDir) {
    const base = {
      dest: path.posix.join(npmDir, name, sub || 'index'),
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
  return [{ dest: path.posix.join(npmDir, name, rel), src }];
}

/**
 * A packed file's reference: into its own package's files, or (bare) into the npm directory it lives in; null
 * for an absolute path, which a package cannot mean for itself.
 */
function resolveFromPackage(from: Node, ref: Ref): Node[] | null {
  const fromExt = path.extname(from.dest);
  const { spec } = ref;
  if (spec.startsWith('/')) return null;
  if (spec.startsWith('.')) {
    const dest = path.posix.join(path.posix.dirname(from.dest), spec);
    return resolveKind({ dest, src: path.join(path.dirname(from.src), spec) }, ref, fromExt);
  }
  return resolvePackage(spec, ref, fromExt, inNpmDir(from.dest)?.home ?? '');
}

/**
 * The package path (`@vant/weapp/calendar/index`) one of our own files asks for, or undefined when the reference
 * stays in our own tree (the bundle tests check those). Bare paths are looked up in miniprogram_npm by the
 * runtime; a bare path that names no installed package is a legacy relative path in our own tree.
 */
function packageSpecOf(file: string, spec: string): string | undefined {
  if (spec.startsWith('/') || spec.startsWith('.')) {
    const dest = spec.startsWith('/')
      ? path.posix.normalize(spec.slice(1))
      : path.posix.join(path.posix.dirname(file), spec);
    return inNpmDir(dest)?.rest || undefined;
  }
  return packageInfo(splitSpec(spec).name) ? spec : undefined;
}

/** The new text of a path-style reference so that it reaches `target` (a bundle path); bare ones stay. */
function pointAt(file: string, spec: string, target: string): string {
  if (spec.startsWith('/')) return `/${target}`;
  if (!spec.startsWith('.')) return spec;
  const rel = path.posix.relative(path.posix.dirname(file), target);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

interface NpmPlan {
  /** dest -> src of every npm file to place. */
  files: Map<string, string>;
  /** Our own files whose references must change: file -> [old spec, new spec]. */
  rewrites: Map<string, Array<[string, string]>>;
}

interface Entry {
  file: string;
  ref: Ref;
  pkgSpec: string;
  key: string;
}

function planNpm(outDir: string): NpmPlan {
  const roots = isFile(path.join(outDir, 'app.json'))
    ? subpackages(readAppJson(outDir)).map((s) => s.root)
    : [];
  const packageOf = (file: string): string => roots.find((root) => file.startsWith(`${root}/`)) ?? '';
  const files = new Map<string, string>();
  const rewrites = new Map<string, Array<[string, string]>>();
  const queue: Node[] = [];
  const errors: string[] = [];
  const add = (from: string, ref: Ref, nodes: Node[]): void => {
    for (const node of nodes) {
      const known = files.get(node.dest);
      if (known === undefined) {
        files.set(node.dest, node.src);
        queue.push(node);
      } else if (known !== node.src) {
        errors.push(`${from}:${ref.line}: ${node.dest} would come from both ${known} and ${node.src}`);
      }
    }
  };
  const refsOf = (dest: string, text: string): Ref[] => {
    try {
      return findRefs(dest, text);
    } catch (error) {
      errors.push(`${dest}: ${(error as Error).message}`);
      return [];
    }
  };

  // Our own files' references into npm, and which packages (main '' or a subpackage root) use each target.
  const entries: Entry[] = [];
  const users = new Map<string, Set<string>>();
  for (const file of listFiles(outDir)) {
    if (inNpmDir(file)) continue;
    for (const ref of refsOf(file, fs.readFileSync(path.join(outDir, file), 'utf8'))) {
      const pkgSpec = packageSpecOf(file, ref.spec);
      if (pkgSpec === undefined) continue;
      const atRoot = resolvePackage(pkgSpec, ref, path.extname(file), '');
      if (atRoot.length === 0) {
        errors.push(
          `${file}:${ref.line}: ${ref.via} "${ref.spec}" does not resolve to an installed package file`,
        );
        continue;
      }
      const key = atRoot[0]!.dest;
      entries.push({ file, ref, pkgSpec, key });
      users.set(key, (users.get(key) ?? new Set()).add(packageOf(file)));
    }
  }
  for (const { file, ref, pkgSpec, key } of entries) {
    const [only, ...others] = users.get(key)!;
    const home = others.length === 0 ? only! : '';
    add(file, ref, resolvePackage(pkgSpec, ref, path.extname(file), home));
    const next = pointAt(file, ref.spec, `${npmDirOf(home)}/${pkgSpec}`);
    if (next !== ref.spec) rewrites.set(file, [...(rewrites.get(file) ?? []), [ref.spec, next]]);
  }
  for (let node = queue.shift(); node; node = queue.shift()) {
    for (const ref of refsOf(node.dest, fs.readFileSync(node.src, 'utf8'))) {
      const resolved = resolveFromPackage(node, ref);
      if (resolved === null) continue;
      if (resolved.length === 0) {
        errors.push(
          `${node.dest}:${ref.line}: ${ref.via} "${ref.spec}" does not resolve to an installed package file`,
        );
      }
      add(node.dest, ref, resolved);
    }
  }
  if (errors.length) throw new PackError(`npm packing failed:\n${errors.join('\n')}`);
  return { files: new Map([...files].sort(([a], [b]) => (a < b ? -1 : 1))), rewrites };
}

/** dest -> src of every npm file the bundle in `outDir` needs. Throws PackError naming file:line of bad refs. */
export function planNpmFiles(outDir: string): Map<string, string> {
  return planNpm(outDir).files;
}

/**
 * Makes the bundle's miniprogram_npm directories (root and subpackages) hold exactly the planned files and points
 * our own references at where their targets went; returns the files it wrote, changed or removed.
 */
export function syncNpmFiles(outDir: string): { changed: string[]; files: string[] } {
  const plan = planNpm(outDir);
  const changed: string[] = [];
  for (const [file, pairs] of plan.rewrites) {
    let text = fs.readFileSync(path.join(outDir, file), 'utf8');
    for (const [from, to] of pairs)
      text = text.split(JSON.stringify(from)).join(JSON.stringify(to)).split(`'${from}'`).join(`'${to}'`);
    if (writeIfChanged(path.join(outDir, file), text)) changed.push(file);
  }
  const roots = isFile(path.join(outDir, 'app.json'))
    ? subpackages(readAppJson(outDir)).map((s) => s.root)
    : [];
  for (const home of ['', ...roots]) {
    const npmRoot = path.join(outDir, npmDirOf(home));
    for (const file of listFiles(npmRoot)) {
      const dest = `${npmDirOf(home)}/${file}`;
      if (!plan.files.has(dest)) {
        fs.rmSync(path.join(npmRoot, file));
        changed.push(dest);
      }
    }
  }
  for (const [dest, src] of plan.files) {
    if (writeIfChanged(path.join(outDir, dest), fs.readFileSync(src))) changed.push(dest);
  }
  for (const home of ['', ...roots]) {
    const npmRoot = path.join(outDir, npmDirOf(home));
    if (!fs.existsSync(npmRoot)) continue;
    pruneEmptyDirs(npmRoot);
    if (fs.readdirSync(npmRoot).length === 0) fs.rmdirSync(npmRoot);
  }
  return { changed, files: [...plan.files.keys()] };
}
