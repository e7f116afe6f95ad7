// `npm run server`: the server in development mode on loopback (what `npm start` runs beside the watcher): the
// embedded database in .data/pglite, the demo destination seeded on first start, the /dev/ operations on.
// PORT (default 3000); DATABASE_URL to use a PostgreSQL server instead of the embedded database.
import { join } from 'path';
import { buildServer } from './app';
import { loggerOptions } from './http/logging';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const dataDir = join(__dirname, '..', '.data', 'pglite');
  const app = buildServer({
    dev: true,
    logger: loggerOptions('warn'),
    database: { url: process.env.DATABASE_URL, dataDir },
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  const where = process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`;
  console.log(`Wayfarer server on ${url} (development mode, ${where})`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      app.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
