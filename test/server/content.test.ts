// A destination's content in the database: imported in one transaction (a bad file changes nothing and every
// problem names file, record and field), exported back as the same files, and live without a restart.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildServer } from '../../server/app';
import { readContentFolder, writeContentFolder } from '../../server/content/folder';
import { readAssets, readFiles, replaceContent } from '../../server/content/records';
import { ContentError, DATA_DIR } from '../../server/content/seed';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { databaseTargets } from '../support/databases';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'wayfarer-content-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe.each(databaseTargets())('on $name', ({ open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
    await migrate(db);
  });
  afterAll(() => db.close());

  test('an import is all or nothing, and names every problem by file, record and field', async () => {
    const version = await replaceContent(db, readContentFolder(DATA_DIR), Date.now());
    const broken = tempDir();
    cpSync(DATA_DIR, broken, { recursive: true });
    const pois = JSON.parse(readFileSync(join(broken, 'pois.json'), 'utf8')) as Record<string, unknown>[];
    pois[0]!.name = { 'zh-CN': '改过的名字', en: 'Changed' };
    delete pois[1]!.location;
    writeFileSync(join(broken, 'pois.json'), JSON.stringify(pois));
    const offers = JSON.parse(readFileSync(join(broken, 'offers.json'), 'utf8')) as Record<string, unknown>[];
    offers[0]!.perUserLimit = -1;
    writeFileSync(join(broken, 'offers.json'), JSON.stringify(offers));
    const events = JSON.parse(readFileSync(join(broken, 'events.json'), 'utf8')) as Record<string, unknown>[];
    writeFileSync(join(broken, 'events.json'), JSON.stringify([...events, { id: 'half-written' }]));

    const refused = await replaceContent(db, readContentFolder(broken), Date.now()).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ContentError);
    const problems = (refused as ContentError).problems.join('\n');
    expect(problems).toContain(`pois.json ${pois[1]!.id as string}: location is required`);
    expect(problems).toContain(`offers.json ${offers[0]!.id as string}: perUserLimit must be >= 1`);
    expect(problems).toContain(
      'events.json half-written: malformed: a field is missing or of the wrong type',
    );
    // Nothing changed: the first POI keeps its name and the version did not move.
    const files = await readFiles(db);
    expect(files.pois[0]!.name.en).not.toBe('Changed');
    expect((await db.query<{ version: number }>('SELECT version FROM content_state'))[0]!.version).toBe(
      version,
    );
  });

  test('an export gives back the files and assets that were imported', async () => {
    await replaceContent(db, readContentFolder(DATA_DIR), Date.now());
    const out = tempDir();
    writeContentFolder(out, { files: await readFiles(db), assets: await readAssets(db) });
    const again = readContentFolder(out);
    const original = readContentFolder(DATA_DIR);
    expect(again.files).toEqual(original.files);
    expect([...again.assets.keys()]).toEqual([...original.assets.keys()]);
    expect(
      again.assets
        .get('/assets/images/sky-tower-1.svg')!
        .bytes.equals(original.assets.get('/assets/images/sky-tower-1.svg')!.bytes),
    ).toBe(true);
  });
});

test('a published change is live on a running server without a restart', async () => {
  const app = buildServer({ demoContent: true });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  try {
    const folder = readContentFolder(DATA_DIR);
    const changed = structuredClone(folder.files);
    changed.destination.name = { 'zh-CN': '新奥克兰', en: 'New Auckland' };
    await replaceContent(app.wayfarer.deps.db, { files: changed, assets: folder.assets }, Date.now());
    let name = '';
    for (let i = 0; i < 500 && name !== 'New Auckland'; i++) {
      const res = await fetch(`${origin}/v1/destination`);
      name = ((await res.json()) as { name: { en: string } }).name.en;
    }
    expect(name).toBe('New Auckland');
  } finally {
    await app.close();
  }
});
