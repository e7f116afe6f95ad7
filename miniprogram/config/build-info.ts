// Placeholder for tests and type checks: scripts/build.ts replaces dist/config/build-info.js with the real values.
export interface BuildInfo {
  version: string;
  commit: string;
}
export const buildInfo: BuildInfo = { version: '0.0.0-dev', commit: 'dev' };
