// `npm run brand:check [brand-dir]`: checks the brand file (miniprogram/brand/brand.json by default): required
// fields, image sizes under 200 KB, and contrast >= 4.5 for text on the brand colours. Exit 1 with every problem.
import path from 'node:path';
import { BRAND_FILE, brandProblems, defaultBrandDir } from './lib/brand';
import { repoRoot } from './lib/paths';

const dir = process.argv[2] ? path.resolve(process.argv[2]) : defaultBrandDir;
const problems = brandProblems(dir);
const where = path.relative(repoRoot, path.join(dir, BRAND_FILE));
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`brand:check: ${problems.length} problem(s) in ${where}`);
  process.exit(1);
}
console.log(`brand:check: ${where} is fine`);
