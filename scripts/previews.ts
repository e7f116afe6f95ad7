// `npm run previews`: every page of the catalogue (test/audits/catalogue.ts) in each of its states and both
// languages, rendered in headless Chromium at 375 px wide: previews/<page>--<state>--<lang>.png and a contact
// sheet, previews/index.html. It runs the audits' own harness (through jest, which miniprogram-simulate needs),
// so what is shown is what `npm test` measured. `-- --docs` also refreshes the README's first-screen copies in
// docs/previews/. Needs Debian's chromium (apt-get install -y chromium); nothing downloads a browser.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findChromium, INSTALL_HINT, openBrowser } from './lib/previews/browser';
import { contactSheet, figuresTable, type ShotFigures } from './lib/previews/contact-sheet';
import { repoRoot } from './lib/paths';

const OUT = path.join(repoRoot, 'previews');
const DOCS = path.join(repoRoot, 'docs', 'previews');
/** The shots the README shows (first screen only); each copy must stay under DOC_LIMIT. */
const DOC_SHOTS = [
  'home--loaded--zh-CN',
  'guide--loaded--en',
  'tickets-book--loaded--zh-CN',
  'trips--loaded--en',
  'insurance-plans--loaded--zh-CN',
  'orders-list--empty--en',
];
const DOC_LIMIT = 60 * 1024;

async function writeDocs(): Promise<string[]> {
  const browser = await openBrowser();
  if (!browser) return ['no Chromium'];
  const problems: string[] = [];
  fs.mkdirSync(DOCS, { recursive: true });
  try {
    for (const shot of DOC_SHOTS) {
      const source = path.join(OUT, `${shot}.png`);
      if (!fs.existsSync(source)) {
        problems.push(`${shot}: not rendered`);
        continue;
      }
      const target = path.join(DOCS, `${shot}.png`);
      const data = fs.readFileSync(source).toString('base64');
      const res = await browser.render({
        html: `<body style="margin:0"><img style="display:block" src="data:image/png;base64,${data}"></body>`,
        audit: false,
        screenshot: target,
        clipToScreen: true,
      });
      if (res.error) problems.push(`${shot}: ${res.error}`);
      else if (fs.statSync(target).size > DOC_LIMIT)
        problems.push(`${shot}: ${fs.statSync(target).size} bytes > ${DOC_LIMIT}`);
    }
  } finally {
    await browser.close();
  }
  return problems;
}

async function main(): Promise<number> {
  if (!findChromium()) {
    console.error(
      `previews need Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Install it: ${INSTALL_HINT}`,
    );
    return 2;
  }
  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const jest = spawnSync(
    process.execPath,
    [
      createRequire(path.join(repoRoot, 'package.json')).resolve('jest/bin/jest'),
      '--runTestsByPath',
      'test/audits/pages.test.ts',
    ],
    { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, WAYFARER_PREVIEWS: OUT } },
  );
  const resultsFile = path.join(OUT, 'results.json');
  if (!fs.existsSync(resultsFile)) {
    console.error('the audits wrote no results: see the jest output above');
    return 2;
  }
  const shots = JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as ShotFigures[];
  fs.writeFileSync(path.join(OUT, 'index.html'), contactSheet(shots, 'Wayfarer previews'));
  console.log(`\n${figuresTable(shots)}\n`);
  console.log(
    `${shots.filter((s) => s.png).length} PNGs and the contact sheet: ${path.join(OUT, 'index.html')}`,
  );
  if (process.argv.includes('--docs')) {
    const problems = await writeDocs();
    for (const p of problems) console.error(`docs/previews: ${p}`);
    if (problems.length) return 1;
    console.log(`README copies: ${DOCS}`);
  }
  const failures = shots.flatMap((s) => s.failures);
  if (failures.length) console.error(`${failures.length} audit failures (listed in the contact sheet)`);
  return jest.status === 0 && !failures.length ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
