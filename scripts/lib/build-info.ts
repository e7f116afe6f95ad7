import fs from 'node:fs';
import path from 'node:path';
import { gitOutput } from './git';
import { constantModule } from './js-module';
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
export function gitCommit(cwd = repoRoot): string {
  return gitOutput(cwd, ['rev-parse', '--short', 'HEAD']) ?? 'dev';
}

export function currentBuildInfo(): BuildInfo {
  return { version: packageVersion(), commit: gitCommit() };
}

/** The compiled form of miniprogram/config/build-info.ts with the real values (same export, same shape). */
export function buildInfoModule(info: BuildInfo): string {
  return constantModule('buildInfo', info);
}

export const BUILD_INFO_FILE = 'config/build-info.js';
