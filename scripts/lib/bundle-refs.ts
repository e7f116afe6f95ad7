import fs from 'node:fs';
import path from 'node:path';
import { allPages, readAppJson } from './app-json';
import { isFile, listFiles } from './files';
import { findRefs, type Ref } from './refs';

/**
 * Checks on a built bundle directory, resolving paths the way the mini program runtime does: relative to the
 * referencing file, "/x" from the bundle root, and bare "pkg/x" in miniprogram_npm directories from the file's
 * directory up to the root (then, legacy, relative to the file).
 */

const NPM_DIR = 'miniprogram_npm';

function baseCandidates(from: string, spec: string): string[] {
  const dir = path.posix.dirname(from);
  if (spec.startsWith('/')) return [path.posix.normalize(spec.slice(1))];
  if (spec.startsWith('.')) return [path.posix.join(dir, spec)];
  const out: string[] = [];
  for (let d = dir; ; d = path.posix.dirname(d)) {
    out.push(path.posix.join(d, NPM_DIR, spec));
    if (d === '.') break;
  }
  out.push(path.posix.join(dir, spec));
  return out;
}

const componentRequired = ['.json', '.js', '.wxml'];
const componentAll = [...componentRequired, '.wxss'];

/** The bundle files a reference stands for (all files of a component), or null when it does not resolve. */
export function resolveInBundle(root: string, from: string, ref: Ref): string[] | null {
  const exists = (rel: string): boolean => !rel.startsWith('..') && isFile(path.join(root, rel));
  for (const base of baseCandidates(from, ref.spec)) {
    if (ref.kind === 'component') {
      for (const target of [base, `${base}/index`]) {
        if (componentRequired.every((ext) => exists(target + ext))) {
          return componentAll.map((ext) => target + ext).filter(exists);
        }
      }
    } else if (ref.kind === 'module') {
      // The runtime's require() loads .js (and .wxs from .wxs); a required .json would not load on a device.
      const exts = from.endsWith('.wxs') || from.endsWith('.wxml') ? [''] : ['', '.js', '/index.js'];
      const hit = exts.map((ext) => base + ext).find((file) => exists(file) && /\.(js|wxs)$/.test(file));
      if (hit) return [hit];
    } else if (exists(base)) {
      return [base];
    }
  }
  return null;
}

/** Every page of dist/app.json (main and subpackages) has its .js, .wxml, .wxss and .json. */
export function checkPages(root: string): string[] {
  if (!isFile(path.join(root, 'app.json'))) return ['app.json: missing'];
  const app = readAppJson(root);
  const errors: string[] = [];
  for (const page of allPages(app)) {
    for (const ext of ['.js', '.wxml', '.wxss', '.json']) {
      if (!isFile(path.join(root, page + ext))) errors.push(`app.json: page ${page} has no ${page}${ext}`);
    }
  }
  for (const item of app.tabBar?.list ?? []) {
    if (!allPages(app).includes(item.pagePath))
      errors.push(`app.json: tabBar page ${item.pagePath} is not a page`);
  }
  return errors;
}

function textFiles(root: string): string[] {
  return listFiles(root).filter((file) => /\.(json|js|wxs|wxml|wxss)$/.test(file));
}

/** Every usingComponents entry, require(), <wxs|import|include src> and @import in the bundle resolves. */
export function checkRefs(root: string): string[] {
  const errors: string[] = [];
  for (const file of textFiles(root)) {
    let refs: Ref[];
    try {
      refs = findRefs(file, fs.readFileSync(path.join(root, file), 'utf8'));
    } catch (error) {
      errors.push(`${file}: ${(error as Error).message}`);
      continue;
    }
    for (const ref of refs) {
      if (!resolveInBundle(root, file, ref)) {
        const what = ref.kind === 'component' ? 'a component (.json, .js, .wxml)' : `a ${ref.kind}`;
        errors.push(
          `${file}:${ref.line}: ${ref.via} "${ref.spec}" does not resolve to ${what} in the bundle`,
        );
      }
    }
  }
  return errors;
}

/**
 * Files under miniprogram_npm that nothing in the bundle reaches (starting from the bundle's own files), i.e. what
 * the build should have pruned. Independent of the packer: it reads only the bundle.
 */
export function unreachableNpmFiles(root: string): string[] {
  const all = textFiles(root);
  // Packed npm files live in the root miniprogram_npm and in subpackages' own (<root>/miniprogram_npm).
  const isNpm = (file: string) => file.split('/').includes(NPM_DIR);
  const reached = new Set<string>();
  const queue = all.filter((file) => !isNpm(file));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    for (const ref of findRefs(file, fs.readFileSync(path.join(root, file), 'utf8'))) {
      for (const target of resolveInBundle(root, file, ref) ?? []) {
        if (!reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
  }
  return all.filter((file) => isNpm(file) && !reached.has(file));
}
