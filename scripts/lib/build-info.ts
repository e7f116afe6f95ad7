import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './paths';

export interface BuildInfo {
  version: string;
  commit: string;
}

export function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { version: string })
    .version;
}

/** Short sha of HEAD, or "dev" outside a git checkout (e.g. a source tarball) or without git installed. */
export function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return 'dev';
  }
}

export function currentBuildInfo(): BuildInfo {
  return { version: packageVersion(), commit: gitCommit() };
}

/** The compiled form of miniprogram/config/build-info.ts with the real values (same export, same shape). */
export function buildInfoModule(info: BuildInfo): string {
  return [
    '"use strict";',
    'Object.defineProperty(exports, "__esModule", { value: true });',
    `exports.buildInfo = ${JSON.stringify(info)};`,
    '',
  ].join('\n');
}

export const BUILD_INFO_FILE = 'config/build-info.js';
