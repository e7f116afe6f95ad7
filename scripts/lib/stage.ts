import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repoRoot } from './paths';

/**
 * A throwaway miniprogram-ci project: a copy of the bundle plus the repo's project.config.json pointed at it.
 * miniprogram-ci then sees only the bundle (never node_modules or the rest of the repo), and any bundle
 * directory can be compiled, not only dist/.
 */
export function stageProject(bundleDir: string): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-project-'));
  fs.cpSync(bundleDir, path.join(dir, 'bundle'), { recursive: true });
  const repoConfig = JSON.parse(
    fs.readFileSync(path.join(repoRoot, 'project.config.json'), 'utf8'),
  ) as object;
  const config = { ...repoConfig, miniprogramRoot: 'bundle/' };
  fs.writeFileSync(path.join(dir, 'project.config.json'), JSON.stringify(config, null, 2));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
