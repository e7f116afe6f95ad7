// The version a release gives WeChat and what it says about it. The version comes from --version, else from the tag
// being released (GitHub's tag ref, or the tag at HEAD), not from package.json, which nobody bumps for a release
// (pushing v2.0.0 once uploaded 0.1.0). The description is the annotated tag's message, else the commit's subject.
import semver from 'semver';
import { gitOutput } from './git';
import { ReleaseConfigError } from './release-config';

export interface ReleaseVersion {
  version: string;
  desc: string;
}

export interface VersionSources {
  /** --version's value. */
  explicit?: string;
  env: NodeJS.ProcessEnv;
  /** The checkout whose tag and commit are read. */
  cwd: string;
  /** The version when nothing else gives one (previews of untagged work); none: a tag or --version is required. */
  untagged?: string;
}

export function releaseVersion({ explicit, env, cwd, untagged }: VersionSources): ReleaseVersion {
  const tag =
    env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME
      ? env.GITHUB_REF_NAME
      : gitOutput(cwd, ['describe', '--exact-match', '--tags', 'HEAD']);
  const given = explicit ?? tag ?? untagged;
  if (given === undefined) {
    throw new ReleaseConfigError(
      'no version: HEAD has no tag; tag the release (git tag -a v1.2.3 -m "what changed") or pass --version 1.2.3',
    );
  }
  // clean() strips the leading v of a tag and surrounding spaces, and answers null for anything not semver.
  const version = semver.clean(given);
  if (version === null) {
    const what = explicit !== undefined ? '--version' : tag !== undefined ? 'the tag' : 'the version';
    throw new ReleaseConfigError(
      `${what} "${given}" is not a semantic version: use MAJOR.MINOR.PATCH such as 1.2.3 (a leading v is fine)`,
    );
  }
  const desc = (tag && tagMessage(cwd, tag)) || gitOutput(cwd, ['log', '-1', '--format=%s']) || `v${version}`;
  return { version, desc };
}

/** The message of an annotated tag (subject, then body), or undefined for a lightweight tag, which has none. */
function tagMessage(cwd: string, tag: string): string | undefined {
  const out = gitOutput(cwd, [
    'for-each-ref',
    '--format=%(objecttype)%00%(contents:subject)%0a%0a%(contents:body)',
    `refs/tags/${tag}`,
  ]);
  const [type, message] = out?.split('\0') ?? [];
  return type === 'tag' ? message?.trim() : undefined;
}
