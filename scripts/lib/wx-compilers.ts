import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { resolveInBundle } from './bundle-refs';
import { listFiles } from './files';
import { findRefs } from './refs';
import { repoRoot } from './paths';

/**
 * WXML and WXSS checked with WeChat's own compilers (wcc / wcsc from miniprogram-compiler), one file at a time
 * with the files it pulls in, so every broken file is reported, each as file:line:col. The binaries are called
 * directly: the package's wxssToJs wrapper swallows WXSS errors.
 */

function compilerBinary(name: 'wcc' | 'wcsc'): string {
  const pkgDir = path.dirname(
    createRequire(path.join(repoRoot, 'package.json')).resolve('miniprogram-compiler/package.json'),
  );
  const platform = { darwin: 'mac', win32: 'windows' }[process.platform as string] ?? 'linux';
  const bin = path.join(pkgDir, 'bin', platform, process.platform === 'win32' ? `${name}.exe` : name);
  // npm does not always keep the executable bit on these (the package's own wrapper sets it the same way).
  try {
    fs.accessSync(bin, fs.constants.X_OK);
  } catch {
    fs.chmodSync(bin, 0o755);
  }
  return bin;
}

/** The file plus everything it transitively pulls in through refs of the given extensions (sorted, file first). */
function withDependencies(root: string, file: string, follow: RegExp): string[] {
  const seen = new Set([file]);
  const queue = [file];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const ref of findRefs(current, fs.readFileSync(path.join(root, current), 'utf8'))) {
      for (const target of resolveInBundle(root, current, ref) ?? []) {
        if (follow.test(target) && !seen.has(target)) {
          seen.add(target);
          queue.push(target);
        }
      }
    }
  }
  return [file, ...[...seen].filter((f) => f !== file).sort()];
}

function run(bin: string, args: string[], cwd: string): { status: number | null; stderr: string } {
  const result = spawnSync(bin, args, { cwd, maxBuffer: 256 * 1024 * 1024 });
  if (result.error) throw result.error;
  return { status: result.status, stderr: `${result.stderr.toString()}\n${result.stdout.toString()}` };
}

function messageLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !/^error file count/i.test(line));
}

/** wcc on each .wxml (default: all under root); returns `file:line:col: message` for every failure. */
export function checkWxml(
  root: string,
  files = listFiles(root).filter((f) => f.endsWith('.wxml')),
): string[] {
  const wcc = compilerBinary('wcc');
  const errors: string[] = [];
  for (const file of files) {
    const inputs = withDependencies(root, file, /\.(wxml|wxs)$/);
    const { status, stderr } = run(wcc, ['-d', ...inputs], root);
    if (status === 0) continue;
    // wcc reports only the first error of the run; its lines are already `file:line:col: message`.
    const lines = messageLines(stderr).filter((line) => !/^\s*(at |\^)/.test(line));
    errors.push(
      ...(lines.length ? lines : [`${file}: wcc exited ${status}`]).map((l) =>
        l.includes(':') ? l : `${file}: ${l}`,
      ),
    );
  }
  return errors;
}

/** wcsc on each .wxss (default: all under root); returns `file:line:col: message` for every failure. */
export function checkWxss(
  root: string,
  files = listFiles(root).filter((f) => f.endsWith('.wxss')),
): string[] {
  const wcsc = compilerBinary('wcsc');
  const errors: string[] = [];
  for (const file of files) {
    const inputs = withDependencies(root, file, /\.wxss$/);
    const { status, stderr } = run(wcsc, ['-db', '-pc', '1', ...inputs], root);
    if (status === 0) continue;
    const lines = messageLines(stderr).map((line) => {
      const located = /^ERR: (.+?)\((\d+):(\d+)\): (.*)$/.exec(line);
      if (located) return `${located[1]}:${located[2]}:${located[3]}: ${located[4]}`;
      return `${file}: ${line.replace(/^ERR: /, '')}`;
    });
    errors.push(...(lines.length ? lines : [`${file}: wcsc exited ${status}`]));
  }
  return errors;
}
