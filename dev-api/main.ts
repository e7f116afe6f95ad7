// `npm run dev-api`: the dev API on loopback with the demo destination. PORT (default 3000); DEV_MODE=0 turns the
// /dev/ endpoints off, as a DMO's staging would be.
import { buildServer } from './server';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const dev = process.env.DEV_MODE !== '0';
  const app = buildServer({ dev, logger: true });
  const url = await app.listen({ port, host: '127.0.0.1' });
  console.log(`Wayfarer dev API on ${url} (dev mode ${dev ? 'on' : 'off'})`);
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
