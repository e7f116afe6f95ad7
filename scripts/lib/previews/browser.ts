// The client of browser-child.ts: one headless Chromium (Debian's, never a downloaded one) shared by every page
// the previews and the audits render. `openBrowser()` answers undefined when there is no Chromium to drive.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { tsxCli } from '../compile';
import type { BrowserFindings } from './in-page-audit';

export interface BrowserRequest {
  id: number;
  html: string;
  /** Run the tap target and contrast checks. */
  audit: boolean;
  /** Write a PNG of the page here. */
  screenshot?: string;
  /** Only the first screen (375 x 667) instead of the whole page. */
  clipToScreen?: boolean;
}

export interface BrowserResponse {
  id: number;
  ready?: boolean;
  findings?: BrowserFindings;
  /** The page's height in CSS px. */
  height?: number;
  error?: string;
}

export interface BrowserClient {
  render(req: Omit<BrowserRequest, 'id'>): Promise<BrowserResponse>;
  close(): Promise<void>;
}

const DEFAULT_CHROMIUM = '/usr/bin/chromium';
export const INSTALL_HINT =
  'apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei';

/** CHROMIUM_PATH, else Debian's chromium; undefined when neither exists. */
export function findChromium(): string | undefined {
  const candidate = process.env.CHROMIUM_PATH || DEFAULT_CHROMIUM;
  return fs.existsSync(candidate) ? candidate : undefined;
}

export async function openBrowser(): Promise<BrowserClient | undefined> {
  const executable = findChromium();
  if (!executable) return undefined;
  const child: ChildProcessWithoutNullStreams = spawn(
    process.execPath,
    [tsxCli, path.join(__dirname, 'browser-child.ts'), executable],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting = new Map<number, (res: BrowserResponse) => void>();
  let failed: string | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    readline.createInterface({ input: child.stdout }).on('line', (line) => {
      let res: BrowserResponse;
      try {
        res = JSON.parse(line) as BrowserResponse;
      } catch {
        return; // a stray log line
      }
      if (res.id === 0) {
        if (res.ready) resolve();
        else reject(new Error(`Chromium did not start: ${res.error}\n${stderr}`));
        return;
      }
      waiting.get(res.id)?.(res);
      waiting.delete(res.id);
    });
    child.on('exit', (code) => {
      failed = `the browser process exited (${code}): ${stderr.slice(-2000)}`;
      reject(new Error(failed));
      for (const [id, resolveOne] of waiting) resolveOne({ id, error: failed });
      waiting.clear();
    });
  });
  await ready;
  let seq = 0;
  return {
    render: (req) =>
      new Promise((resolve) => {
        if (failed) return resolve({ id: -1, error: failed });
        const id = ++seq;
        waiting.set(id, resolve);
        child.stdin.write(`${JSON.stringify({ ...req, id })}\n`);
      }),
    close: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}
