// `npm run content:import -- <dir>` and `npm run content:export -- <dir>`: move a destination's content (the JSON
// files documented in content/demo/README.md and assets/) into or out of the database. An import is one
// transaction: a bad file changes nothing and every problem is printed, naming file, record and field.
// The database: DATABASE_URL when set, else the embedded one in .data/pglite.
import { join, resolve } from 'path';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open';
import { readContentFolder, writeContentFolder } from './folder';
import { readAssets, readFiles, replaceContent } from './records';
import { ContentError } from './seed';

async function main(): Promise<number> {
  const [command, dir] = process.argv.slice(2);
  if ((command !== 'import' && command !== 'export') || dir === undefined) {
    console.error('usage: npm run content:import -- <dir>   |   npm run content:export -- <dir>');
    return 2;
  }
  const folder = resolve(dir);
  const db = await openDatabase({
    url: process.env.DATABASE_URL,
    dataDir: join(__dirname, '..', '..', '.data', 'pglite'),
  });
  try {
    await migrate(db);
    if (command === 'import') {
      const version = await replaceContent(db, readContentFolder(folder), Date.now());
      console.log(`Imported ${folder}: content version ${version} is live.`);
    } else {
      const files = await readFiles(db);
      if (files.destination === undefined) throw new ContentError(['no content is published yet']);
      writeContentFolder(folder, { files, assets: await readAssets(db) });
      console.log(`Exported the published content to ${folder}.`);
    }
    return 0;
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(`Nothing was changed. ${error.message}`);
    return 1;
  } finally {
    await db.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
