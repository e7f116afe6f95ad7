import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A missing or malformed release setting; release.ts prints the message as one line and exits 2. */
export class ReleaseConfigError extends Error {}

export type ReleaseMode = 'upload' | 'preview';

export interface ReleaseConfig {
  mode: ReleaseMode;
  appid: string;
  /** Exactly one of the two: the key text (MP_UPLOAD_KEY) or a path to the key file (MP_UPLOAD_KEY_PATH). */
  keyText?: string;
  keyPath?: string;
  robot: number;
  /** Preview only: where the QR code image goes. */
  qrcodePath: string;
}

const APPID = /^wx[0-9a-f]{16}$/;

export const RELEASE_USAGE =
  'usage: tsx scripts/release.ts upload|preview [--version 1.2.3] (npm run upload -- --version 1.2.3)';

/** Reads and validates everything a release needs from argv mode and the environment, before any work starts. */
export function readReleaseConfig(mode: string | undefined, env: NodeJS.ProcessEnv): ReleaseConfig {
  if (mode !== 'upload' && mode !== 'preview') {
    throw new ReleaseConfigError(RELEASE_USAGE);
  }
  const appid = env.MP_APPID?.trim();
  if (!appid)
    throw new ReleaseConfigError('MP_APPID is not set: the mini program AppID (wx + 16 hex characters)');
  if (!APPID.test(appid))
    throw new ReleaseConfigError(`MP_APPID "${appid}" is not an AppID (wx + 16 hex characters)`);

  const keyText = env.MP_UPLOAD_KEY?.trim();
  const keyPath = env.MP_UPLOAD_KEY_PATH?.trim();
  if (keyText && keyPath)
    throw new ReleaseConfigError('set only one of MP_UPLOAD_KEY and MP_UPLOAD_KEY_PATH');
  if (!keyText && !keyPath) {
    throw new ReleaseConfigError(
      'no upload key: set MP_UPLOAD_KEY (the key text) or MP_UPLOAD_KEY_PATH (the key file) from the console (Development settings -> upload key)',
    );
  }
  if (keyPath && !fs.existsSync(keyPath))
    throw new ReleaseConfigError(`MP_UPLOAD_KEY_PATH: no such file ${keyPath}`);
  // CI secrets sometimes arrive with literal "\n" instead of line breaks.
  const text = keyText && !keyText.includes('\n') ? keyText.replace(/\\n/g, '\n') : keyText;
  if (text && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(text)) {
    throw new ReleaseConfigError(
      'MP_UPLOAD_KEY does not hold a PEM private key (-----BEGIN ... PRIVATE KEY-----)',
    );
  }

  const robotText = env.MP_ROBOT?.trim() || '1';
  const robot = Number(robotText);
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) {
    throw new ReleaseConfigError(`MP_ROBOT "${robotText}" must be an integer from 1 to 30`);
  }
  const qrcodePath = path.resolve(env.MP_PREVIEW_QR?.trim() || path.join('previews', 'preview-qrcode.jpg'));
  return { mode, appid, ...(text ? { keyText: text } : { keyPath: keyPath! }), robot, qrcodePath };
}

/**
 * Runs `fn` with a path to the upload key: MP_UPLOAD_KEY_PATH as given, or the key text written to a fresh temp
 * directory with mode 0600 and removed afterwards, whatever happens.
 */
export async function withKeyFile<T>(config: ReleaseConfig, fn: (keyPath: string) => Promise<T>): Promise<T> {
  if (config.keyPath) return fn(config.keyPath);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-key-'));
  const file = path.join(dir, 'upload.key');
  try {
    fs.writeFileSync(file, config.keyText ?? '', { mode: 0o600 });
    return await fn(file);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
