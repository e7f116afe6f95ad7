// A server in its own process, for tests that kill it (-9) mid-flight: argv[2] is a PGlite folder or a
// postgres:// URL. Prints its origin on the first line of stdout once it listens.
import { buildServer } from '../../server/app';

async function main(): Promise<void> {
  const where = process.argv[2] ?? '';
  const database = where.startsWith('postgres') ? { url: where } : { dataDir: where };
  const app = buildServer({ database, notifyDelayMs: 60_000, jobPollMs: 60_000 });
  console.log(await app.listen({ port: 0, host: '127.0.0.1' }));
}

void main();
