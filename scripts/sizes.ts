// `npm run sizes`: bytes of the main package, each subpackage and the total, measured from what WeChat's compiler
// emits (miniprogram-ci getCompiledResult, offline). `-- --json` prints only the JSON object. Exit 1 above budget.
import path from 'node:path';
import { readAppJson } from './lib/app-json';
import { buildBundle } from './lib/bundle';
import { compileBundle } from './lib/compile';
import { isFile } from './lib/files';
import { distDir } from './lib/paths';
import { formatSizeTable, measurePackages, overBudget } from './lib/sizes';

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  if (!isFile(path.join(distDir, 'app.json'))) {
    if (!json) console.log('dist/ is missing: building it first');
    buildBundle();
  }
  const compiled = await compileBundle(distDir);
  const sizes = measurePackages(compiled.files, readAppJson(distDir));
  const over = overBudget(sizes);
  if (json) console.log(JSON.stringify(sizes));
  else console.log(formatSizeTable(sizes));
  for (const message of over) console.error(`over budget: ${message}`);
  return over.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error((error as Error).message);
    process.exit(2);
  },
);
