// `npm run upload` / `npm run preview`: build dist/ and hand it to miniprogram-ci. Settings come from the
// environment (MP_APPID, MP_UPLOAD_KEY or MP_UPLOAD_KEY_PATH, MP_ROBOT, MP_PREVIEW_QR); anything missing is one
// line on stderr and exit code 2, before any work starts.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildBundle } from './lib/bundle';
import { packageVersion } from './lib/build-info';
import { repoRoot } from './lib/paths';
import { readReleaseConfig, ReleaseConfigError, withKeyFile, type ReleaseConfig } from './lib/release-config';
import { stageProject } from './lib/stage';

function lastCommitSubject(): string | undefined {
  try {
    return execFileSync('git', ['log', '-1', '--format=%s'], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .toString()
      .trim();
  } catch {
    return undefined;
  }
}

async function release(config: ReleaseConfig): Promise<void> {
  const version = packageVersion();
  const desc = lastCommitSubject() ?? `v${version}`;
  const built = buildBundle();
  console.log(
    `built dist/ (${built.files.length} files); ${config.mode} ${config.appid} v${version} robot ${config.robot}`,
  );
  // Loaded only now: it is slow to load and chatty, and config errors must come out first and alone.
  const ci = await import('miniprogram-ci');
  const staged = stageProject(built.outDir);
  try {
    await withKeyFile(config, async (privateKeyPath) => {
      const project = new ci.Project({
        projectPath: staged.dir,
        type: 'miniProgram',
        appid: config.appid,
        privateKeyPath,
      });
      const common = {
        project,
        version,
        desc,
        robot: config.robot,
        setting: { useProjectConfig: true },
        onProgressUpdate: () => undefined,
      };
      if (config.mode === 'upload') {
        const result = await ci.upload(common);
        console.log(`uploaded v${version} (${desc})`, JSON.stringify(result.subPackageInfo ?? []));
      } else {
        fs.mkdirSync(path.dirname(config.qrcodePath), { recursive: true });
        await ci.preview({ ...common, qrcodeFormat: 'image', qrcodeOutputDest: config.qrcodePath });
        console.log(`preview QR code: ${config.qrcodePath}`);
      }
    });
  } finally {
    staged.cleanup();
  }
}

function main(): void {
  let config: ReleaseConfig;
  try {
    config = readReleaseConfig(process.argv[2], process.env);
  } catch (error) {
    if (!(error instanceof ReleaseConfigError)) throw error;
    console.error(`release: ${error.message}`);
    process.exit(2);
  }
  // miniprogram-ci leaves its compiler process running; exit explicitly either way.
  release(config).then(
    () => process.exit(0),
    (error: unknown) => {
      const e = error as { message?: string; code?: number };
      console.error(
        `release: ${config.mode} failed${e.code ? ` (code ${e.code})` : ''}: ${e.message ?? String(error)}`,
      );
      process.exit(1);
    },
  );
}

main();
