// `npm run upload` / `npm run preview`: build dist/ and hand it to miniprogram-ci. Settings come from the
// environment (MP_APPID, MP_UPLOAD_KEY or MP_UPLOAD_KEY_PATH, MP_ROBOT, MP_PREVIEW_QR); the version from the tag at
// HEAD (GITHUB_REF_NAME in GitHub Actions) or `-- --version 1.2.3`. Anything missing or malformed is one line on
// stderr and exit code 2, before any work starts.
import { buildBundle } from './lib/bundle';
import { packageVersion } from './lib/build-info';
import { repoRoot } from './lib/paths';
import { ReleaseConfigError } from './lib/release-config';
import { runRelease } from './lib/release';

// miniprogram-ci leaves its compiler process running; exit explicitly either way.
runRelease(process.argv.slice(2), process.env, {
  cwd: repoRoot,
  untaggedPreviewVersion: packageVersion(),
  build: (info) => buildBundle({ info }).outDir,
  loadCi: () => import('miniprogram-ci'),
  log: (line) => console.log(line),
}).then(
  () => process.exit(0),
  (error: unknown) => {
    if (error instanceof ReleaseConfigError) {
      console.error(`release: ${error.message}`);
      process.exit(2);
    }
    const e = error as { message?: string; code?: number };
    console.error(`release: failed${e.code ? ` (code ${e.code})` : ''}: ${e.message ?? String(error)}`);
    process.exit(1);
  },
);
