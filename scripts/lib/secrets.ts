import fs from 'node:fs';
import path from 'node:path';
import { listFiles } from './files';

/**
 * Finds credentials that must never ship in the bundle (or, applied to a file list, be committed): PEM blocks
 * (upload keys, merchant private keys), AppSecret-like 32-hex strings and merchant API v3-like 32-character keys
 * next to words that name them, upload-key files and key assignments in env style.
 */

export interface SecretFinding {
  file: string;
  line: number;
  kind: string;
}

interface Rule {
  kind: string;
  token: RegExp;
  /** When set, the token counts only with one of these words within `window` characters of it. */
  near?: RegExp;
}

const window = 48;

const rules: Rule[] = [
  { kind: 'PEM block (private key or certificate)', token: /-----BEGIN [A-Z0-9 ]+-----/g },
  {
    kind: 'AppSecret-like 32-hex string',
    token: /(?<![0-9A-Za-z])[0-9a-fA-F]{32}(?![0-9A-Za-z])/g,
    near: /app_?secret|secret|appkey|app_key/i,
  },
  {
    kind: 'merchant API v3 key-like string',
    token: /(?<![0-9A-Za-z])[0-9A-Za-z]{32}(?![0-9A-Za-z])/g,
    near: /api_?v3|apiv3key|mch_?key|merchant_?key|pay_?key/i,
  },
  { kind: 'miniprogram-ci upload key file name', token: /private\.wx[0-9a-f]{16}\.key/g },
  { kind: 'upload key assignment', token: /MP_UPLOAD_KEY\s*[=:]\s*['"]?[A-Za-z0-9+/-]{16,}/g },
];

const secretFileName = /(^|\/)(private\.[^/]*\.key|apiclient_key\.pem|[^/]*\.(pem|key|p12|pfx))$/i;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** Scans the given files (paths relative to baseDir); binary files are checked by name only. */
export function scanSecrets(files: string[], baseDir: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  for (const file of files) {
    if (secretFileName.test(file)) findings.push({ file, line: 1, kind: 'key or certificate file' });
    const data = fs.readFileSync(path.join(baseDir, file));
    if (data.subarray(0, 8192).includes(0)) continue;
    const text = data.toString('utf8');
    for (const rule of rules) {
      for (const match of text.matchAll(rule.token)) {
        const at = match.index ?? 0;
        if (rule.near) {
          const around = text.slice(Math.max(0, at - window), at + match[0].length + window);
          if (!rule.near.test(around)) continue;
        }
        findings.push({ file, line: lineOf(text, at), kind: rule.kind });
      }
    }
  }
  return findings;
}

export function scanSecretsInDir(dir: string): SecretFinding[] {
  return scanSecrets(listFiles(dir), dir);
}

export function formatFinding(finding: SecretFinding): string {
  return `${finding.file}:${finding.line}: ${finding.kind}`;
}
