// `npm run serve` with no configuration: it names every missing variable on its own line and exits 1 before opening
// anything.
import { spawn } from 'child_process';
import { join } from 'path';

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the production entry with only PATH (to find node) in its environment, until it exits by itself. */
function serveWithEmptyEnv(): Promise<Exit> {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['tsx', 'server/serve.ts'], {
      cwd: join(__dirname, '..', '..'),
      env: { PATH: process.env.PATH },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

it('exits 1 naming each missing variable on its own line', async () => {
  const { code, stdout, stderr } = await serveWithEmptyEnv();
  expect(code).toBe(1);
  expect(stdout).toBe('');
  const lines = stderr.trim().split('\n');
  expect(lines.filter((line) => line.startsWith('DATABASE_URL is required'))).toHaveLength(1);
  expect(lines.filter((line) => line.startsWith('PUBLIC_ORIGIN is required'))).toHaveLength(1);
  expect(lines).toHaveLength(3);
}, 60_000);
