// Renders pages and components with miniprogram-simulate from the TypeScript sources. Vant is reachable at
// /miniprogram_npm/@vant/weapp as in the bundle, through a scratch root of links (nothing is copied into src).
import fs from 'fs';
import path from 'path';
import simulate from 'miniprogram-simulate';

const repo = path.resolve(__dirname, '../..');
const source = path.join(repo, 'miniprogram');
export const simRoot = path.join(repo, '.tmp', 'sim-root');

function link(target: string, at: string): void {
  if (fs.existsSync(at)) return;
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.symlinkSync(target, at, 'dir');
}

function ensureRoot(): void {
  for (const entry of fs.readdirSync(source, { withFileTypes: true })) {
    if (entry.isDirectory()) link(path.join(source, entry.name), path.join(simRoot, entry.name));
  }
  link(path.join(repo, 'node_modules/@vant/weapp/lib'), path.join(simRoot, 'miniprogram_npm/@vant/weapp'));
}

/** Relative paths of files with an extension under the root, following the links (glob would not). */
function listFiles(ext: string, dir = simRoot, out: string[] = []): string[] {
  for (const name of fs.readdirSync(dir)) {
    const full = path.join(dir, name);
    if (fs.statSync(full).isDirectory()) listFiles(ext, full, out);
    else if (name.endsWith(ext)) out.push(path.relative(simRoot, full));
  }
  return out;
}

let compilerOptions: { wxmlList: string[]; wxsList: string[]; maxBuffer: number } | undefined;

export type Rendered = ReturnType<typeof simulate.render>;

/** Loads and attaches a page (a Component()) by its route, e.g. 'pages/home/index'. */
export function renderPage(route: string): Rendered {
  ensureRoot();
  compilerOptions = compilerOptions ?? {
    wxmlList: listFiles('.wxml'),
    wxsList: listFiles('.wxs'),
    maxBuffer: 64 * 1024 * 1024,
  };
  const id = simulate.load(path.join(simRoot, route), { rootPath: simRoot, compilerOptions });
  const page = simulate.render(id);
  page.attach(document.createElement('parent-wrapper'));
  return page;
}

/** The visible text of a rendered tree (or of the first element matching a class/id selector). */
export function textOf(page: Rendered, selector?: string): string {
  const root = (selector ? page.querySelector(selector) : page)?.dom;
  if (!root) return '';
  // Separate text nodes the way separate elements read on screen.
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const parts: string[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

export const settle = (ms = 20) => simulate.sleep(ms);

/** Polls until the condition holds: pages settle after real or faked network round trips, never after a fixed sleep. */
export async function waitFor(
  condition: () => boolean,
  describe: () => string,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting: ${describe()}`);
    await simulate.sleep(5);
  }
}

/** Waits until the page (or the element matching selector) shows the text. */
export function waitForText(
  page: Rendered,
  text: string,
  selector?: string,
  timeoutMs = 5000,
): Promise<void> {
  return waitFor(
    () => textOf(page, selector).includes(text),
    () => `"${text}" never showed; the page shows: ${textOf(page).slice(0, 300)}`,
    timeoutMs,
  );
}
