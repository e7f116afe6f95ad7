// A release from its arguments to miniprogram-ci: the mode, settings and version are checked first (a
// ReleaseConfigError before any work), then the bundle is built with that version, staged and handed to
// miniprogram-ci with the upload key in a temp file. The build and miniprogram-ci come in as dependencies so that a
// test can see exactly what would reach WeChat.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gitCommit, type BuildInfo } from './build-info';
import { readReleaseConfig, RELEASE_USAGE, ReleaseConfigError, withKeyFile } from './release-config';
import { releaseVersion } from './release-version';
import { stageProject } from './stage';

export type MiniprogramCi = Pick<typeof import('miniprogram-ci'), 'Project' | 'upload' | 'preview'>;

export interface ReleaseDeps {
  /** The checkout being released: its tag, commit subject and sha. */
  cwd: string;
  /** The version when HEAD has no tag and no --version is given; previews only (an upload needs a real version). */
  untaggedPreviewVersion: string;
  /** Builds the bundle with this build info; returns its directory. */
  build: (info: BuildInfo) => string;
  /** Loaded only once the settings are good: it is slow to load and chatty, and their errors come out alone. */
  loadCi: () => Promise<MiniprogramCi>;
  log: (line: string) => void;
}

export async function runRelease(argv: string[], env: NodeJS.ProcessEnv, deps: ReleaseDeps): Promise<void> {
  const args = parseReleaseArgs(argv);
  const config = readReleaseConfig(args.mode, env);
  const { version, desc } = releaseVersion({
    explicit: args.version,
    env,
    cwd: deps.cwd,
    untagged: config.mode === 'preview' ? deps.untaggedPreviewVersion : undefined,
  });
  const bundleDir = deps.build({ version, commit: gitCommit(deps.cwd) });
  deps.log(`built the bundle; ${config.mode} ${config.appid} v${version} robot ${config.robot}: ${desc}`);
  const ci = await deps.loadCi();
  const staged = stageProject(bundleDir);
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
        deps.log(`uploaded v${version} ${JSON.stringify(result.subPackageInfo ?? [])}`);
      } else {
        fs.mkdirSync(path.dirname(config.qrcodePath), { recursive: true });
        await ci.preview({ ...common, qrcodeFormat: 'image', qrcodeOutputDest: config.qrcodePath });
        deps.log(`preview QR code: ${config.qrcodePath}`);
      }
    });
  } finally {
    staged.cleanup();
  }
}

function parseReleaseArgs(argv: string[]): { mode?: string; version?: string } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { version: { type: 'string' } },
      allowPositionals: true,
    });
    if (positionals.length > 1) throw new Error(`unexpected argument "${positionals[1]}"`);
    return { mode: positionals[0], version: values.version };
  } catch (error) {
    throw new ReleaseConfigError(`${(error as Error).message}; ${RELEASE_USAGE}`);
  }
}
