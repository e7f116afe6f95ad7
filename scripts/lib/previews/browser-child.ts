// The browser side of the previews and audits, in its own process (started by browser.ts): playwright-core
// cannot load inside jest's jsdom environment. One headless Chromium, a few tabs; requests arrive as JSON lines
// on stdin, answers leave as JSON lines on stdout.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { VIEWPORT } from './document';
import { auditInPage, MIN_CONTRAST, MIN_CONTRAST_LARGE, MIN_TAP_PX } from './in-page-audit';
import type { BrowserRequest, BrowserResponse } from './browser';

const TABS = 2;
/** Chromium's own limit for one screenshot is 16384 px; longer pages are cut there. */
const MAX_HEIGHT = 16000;

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

async function handle(page: Page, req: BrowserRequest): Promise<BrowserResponse> {
  await page.setViewportSize(VIEWPORT);
  await page.setContent(req.html, { waitUntil: 'load' });
  const height = Math.min(
    MAX_HEIGHT,
    await page.evaluate(() => Math.ceil(document.documentElement.scrollHeight)),
  );
  // elementsFromPoint answers only inside the viewport: make it as tall as the page.
  await page.setViewportSize({ width: VIEWPORT.width, height: Math.max(VIEWPORT.height, height) });
  const findings = req.audit
    ? await page.evaluate(auditInPage, { tap: MIN_TAP_PX, contrast: MIN_CONTRAST, large: MIN_CONTRAST_LARGE })
    : undefined;
  if (req.screenshot) {
    fs.mkdirSync(path.dirname(req.screenshot), { recursive: true });
    await page.screenshot({
      path: req.screenshot,
      fullPage: true,
      clip: req.clipToScreen ? { x: 0, y: 0, ...VIEWPORT } : undefined,
    });
  }
  return { id: req.id, findings, height };
}

async function main(): Promise<void> {
  const executablePath = process.argv[2]!;
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-chromium-'));
  let context: BrowserContext | undefined;
  const cleanup = async () => {
    await context?.close().catch(() => undefined);
    fs.rmSync(profile, { recursive: true, force: true });
  };
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath,
      headless: true,
      // The profile directory above is the new, empty --user-data-dir.
      args: CHROMIUM_FLAGS,
      viewport: VIEWPORT,
      deviceScaleFactor: 1,
    });
    // Only the dev API on loopback may answer (images in previews); nothing leaves the machine.
    await context.route(/^(?!https?:\/\/127\.0\.0\.1[:/]|data:)/, (route) => route.abort());
    // Functions handed to evaluate() may carry the bundler's name helper.
    await context.addInitScript('globalThis.__name = (f) => f;');
    const idle: Page[] = [];
    for (let i = 0; i < TABS; i++) idle.push(await context.newPage());
    const waiting: Array<(page: Page) => void> = [];
    const take = () =>
      new Promise<Page>((resolve) => (idle.length ? resolve(idle.pop()!) : waiting.push(resolve)));
    const give = (page: Page) => (waiting.length ? waiting.shift()!(page) : idle.push(page));
    const reply = (res: BrowserResponse) => process.stdout.write(`${JSON.stringify(res)}\n`);
    reply({ id: 0, ready: true });
    const pending: Promise<void>[] = [];
    for await (const line of readline.createInterface({ input: process.stdin })) {
      if (!line.trim()) continue;
      const req = JSON.parse(line) as BrowserRequest;
      pending.push(
        take().then(async (page) => {
          try {
            reply(await handle(page, req));
          } catch (error) {
            reply({ id: req.id, error: (error as Error).message });
          } finally {
            give(page);
          }
        }),
      );
    }
    await Promise.all(pending);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stdout.write(`${JSON.stringify({ id: 0, error: (error as Error).message })}\n`);
    process.exit(1);
  },
);
