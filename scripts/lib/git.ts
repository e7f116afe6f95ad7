import { execFileSync } from 'node:child_process';

/** A git command's trimmed output, or undefined when it fails: not a checkout, no such ref, or no git installed. */
export function gitOutput(cwd: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd, stdio: ['ignore', 'pipe', 'ignore'] })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}
