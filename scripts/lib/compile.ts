import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { distDir, repoRoot } from './paths';
import { stageProject } from './stage';

export interface CompiledFile {
  path: string;
  bytes: number;
}

export type CompileChildResult = { files: CompiledFile[] } | { error: string };

export interface CompiledBundle {
  /** Every file getCompiledResult emits (what an upload would contain), sorted by path. */
  files: CompiledFile[];
  ms: number;
}

export class CompileError extends Error {}

// The tsx CLI rather than `node --import tsx`: the compiler forks a plain node process, which inherits execArgv
// and would then fail to start under the loader.
export const tsxCli = createRequire(path.join(repoRoot, 'package.json')).resolve('tsx/cli');

function runChild(projectPath: string, resultFile: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [tsxCli, path.join(__dirname, 'compile-child.ts'), projectPath, resultFile],
      {
        cwd: repoRoot,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let log = '';
    child.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (log += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(log) : reject(new CompileError(`compiler exited ${code}:\n${log}`)),
    );
  });
}

/**
 * Compiles a built bundle with WeChat's own pipeline (miniprogram-ci getCompiledResult), fully offline, under the
 * repo's project.config.json settings with minifyWXSS forced on (so WXSS errors surface), and returns every
 * emitted file with its size. It runs in a child process (see compile-child.ts).
 */
export async function compileBundle(bundleDir: string = distDir): Promise<CompiledBundle> {
  const started = Date.now();
  const staged = stageProject(bundleDir);
  try {
    const resultFile = path.join(staged.dir, 'result.json');
    const log = await runChild(staged.dir, resultFile);
    if (!fs.existsSync(resultFile)) throw new CompileError(`compiler gave no result:\n${log}`);
    const result = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as CompileChildResult;
    if ('error' in result) throw new CompileError(`getCompiledResult failed: ${result.error}`);
    return { files: result.files, ms: Date.now() - started };
  } finally {
    staged.cleanup();
  }
}
