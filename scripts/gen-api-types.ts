// Generates typings/api.d.ts from api/openapi.yaml, so client and dev API code against the contract's own types.
// `--check` only reports (for tests and CI): it fails when the file is stale instead of rewriting it.
import { createHash } from 'crypto';
import { readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { pathToFileURL } from 'url';

const root = join(__dirname, '..');
export const contractPath = join(root, 'api', 'openapi.yaml');
export const typesPath = join(root, 'typings', 'api.d.ts');

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

// The header records what the file was made from and what it says, so freshness is a cheap in-process check
// (openapi-typescript pulls in ES modules that jest's CommonJS runtime cannot load): a contract edited since, or
// a hand edit of the types, both show.
function header(contract: string, types: string): string {
  return (
    `// Generated from api/openapi.yaml by scripts/gen-api-types.ts: do not edit (npm run gen:api). ` +
    `contract:${sha256(contract).slice(0, 16)} types:${sha256(types).slice(0, 16)}\n`
  );
}

export async function generateApiTypes(): Promise<string> {
  const { default: openapiTS, astToString } = await import('openapi-typescript');
  const contract = readFileSync(contractPath, 'utf8');
  const types = astToString(await openapiTS(pathToFileURL(contractPath), { silent: true }));
  return header(contract, types) + types;
}

/** True when typings/api.d.ts was generated from the current contract and not edited since. */
export function apiTypesAreFresh(): boolean {
  let file: string;
  try {
    file = readFileSync(typesPath, 'utf8');
  } catch {
    return false;
  }
  const types = file.slice(file.indexOf('\n') + 1);
  return file === header(readFileSync(contractPath, 'utf8'), types) + types;
}

async function main(): Promise<void> {
  if (process.argv.includes('--check')) {
    if (!apiTypesAreFresh()) {
      console.error('typings/api.d.ts is stale: run npm run gen:api');
      process.exit(1);
    }
    return;
  }
  writeFileSync(typesPath, await generateApiTypes());
  console.log('wrote typings/api.d.ts');
}

// Run as a script (`tsx scripts/gen-api-types.ts`), not when a test imports it. (miniprogram-api-typings
// redeclares `require`, so `require.main` is not typed here.)
if (process.argv[1] !== undefined && resolve(process.argv[1]) === __filename) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
