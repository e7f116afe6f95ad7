// `npm run build`: clean build of miniprogram/ into dist/. `npm run watch` (--watch): build, then rebuild on change.
// `npm run build -- --brand <dir>`: build with another brand directory (brand.json + images) than miniprogram/brand.
import path from 'node:path';
import { buildBundle } from './lib/bundle';
import { repoRoot } from './lib/paths';
import { startWatch } from './lib/watch';

function flag(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
}

function main(): void {
  const started = Date.now();
  const brand = flag('--brand');
  try {
    const result = buildBundle({ brandDir: brand && path.resolve(brand) });
    const npm = result.files.filter((file) => file.startsWith('miniprogram_npm/')).length;
    const out = path.relative(repoRoot, result.outDir);
    console.log(
      `built ${out}/ in ${Date.now() - started} ms: ${result.files.length} files (${npm} from npm)`,
    );
    for (const file of result.skipped) console.warn(`warning: miniprogram/${file} is not part of the bundle`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  if (process.argv.includes('--watch')) {
    const stop = startWatch();
    process.on('SIGINT', () => {
      stop();
      process.exit(0);
    });
  }
}

main();
