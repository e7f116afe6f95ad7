// No credential in the repository: every file git tracks, and every file it would pick up (untracked, not
// ignored), goes through the bundle's secret scanner (scripts/lib/secrets.ts: PEM blocks and key files, AppSecret-
// and merchant-key-shaped strings next to their names, upload keys). dist/ is scanned by test/bundle.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { formatFinding, scanSecrets } from '../../scripts/lib/secrets';

const repo = path.resolve(__dirname, '../..');

/** Tracked files, and files `git add -A` would track; deleted ones are skipped. */
function repositoryFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: repo,
    maxBuffer: 64 * 1024 * 1024,
  });
  return [...new Set(out.toString('utf8').split('\0'))].filter(
    (file) =>
      file !== '' && fs.existsSync(path.join(repo, file)) && fs.statSync(path.join(repo, file)).isFile(),
  );
}

test('no file of the repository holds an AppSecret, a private key, an upload key or a merchant key', () => {
  const files = repositoryFiles();
  expect(files.length).toBeGreaterThan(100);
  expect(scanSecrets(files, repo).map(formatFinding)).toEqual([]);
});

test('key files are kept out of git by .gitignore', () => {
  const ignored = (file: string) => {
    try {
      execFileSync('git', ['check-ignore', '-q', '--no-index', file], { cwd: repo });
      return true;
    } catch {
      return false;
    }
  };
  // The upload key's file name is pieced together so this file does not match the scan itself.
  const uploadKey = ['private', 'wx0123456789abcdef', 'key'].join('.');
  for (const file of [uploadKey, 'apiclient_key.pem', 'keys/upload.key', '.env'])
    expect([file, ignored(file)]).toEqual([file, true]);
});
