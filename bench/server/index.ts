// `npm run bench:server`: the server under load, on the embedded PGlite and on a PostgreSQL server, with the load
// generator on the same machine. Per database: catalogue reads and order creations per second with p50 / p99 at 32
// concurrent clients, and a flash sale (1000 buyers, 50 places; two instances on PostgreSQL, one on PGlite, which
// is a single process). PostgreSQL: BENCH_DATABASE_URL, else a throwaway local cluster (fsync on).
import { spawn, type ChildProcess } from 'child_process';
import { randomUUID } from 'crypto';
import http from 'http';
import { join } from 'path';
import { createInterface } from 'readline';
import pg from 'pg';
import { findPostgresBin, startCluster, stopCluster } from '../../scripts/lib/pg-cluster';

const CLIENTS = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

interface Instance {
  origin: string;
  child: ChildProcess;
}

async function startInstance(url: string): Promise<Instance> {
  // tsx as node's loader, not its CLI (which would put a second process between kill() and the server).
  const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'instance.ts'), url], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const origin = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  return { origin, child };
}

// Kept-alive connections and node's own HTTP client: the load generator shares the two cores with what it
// measures, and fetch() costs it about twice the CPU per request.
const agent = new http.Agent({ keepAlive: true });

/** One real HTTP request; the whole response is read, and parsed as JSON only when `parse` asks for it. */
function call(
  origin: string,
  path: string,
  init: { token?: string; body?: unknown; key?: string; parse?: false } = {},
): Promise<{ status: number; body: Record<string, unknown> | undefined }> {
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      origin + path,
      {
        agent,
        method: payload === undefined ? 'GET' : 'POST',
        headers: {
          ...(payload !== undefined && { 'content-type': 'application/json' }),
          ...(init.token && { authorization: `Bearer ${init.token}` }),
          ...(init.key && { 'idempotency-key': init.key }),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const body =
            init.parse === false || text === '' ? undefined : (JSON.parse(text) as Record<string, unknown>);
          resolve({ status: res.statusCode ?? 0, body });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

async function login(origin: string): Promise<string> {
  const res = await call(origin, '/v1/auth/session', { body: { code: `user-bench${randomUUID()}-1` } });
  return String(res.body?.token);
}

interface Load {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** `CLIENTS` loops calling `once` for SECONDS; latencies of successful calls. */
async function load(once: (client: number, n: number) => Promise<boolean>): Promise<Load> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let n = 0; performance.now() < end; n++) {
        const start = performance.now();
        if (await once(client, n)) latencies.push(performance.now() - start);
        else failed += 1;
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { perSecond: latencies.length / SECONDS, p50: at(0.5), p99: at(0.99), failed };
}

const addDays = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function run(name: string, url: string, instances: number, flashUrl: string): Promise<string[]> {
  const servers = [await startInstance(url)];
  const origin = servers[0]!.origin;
  const products = (await call(origin, '/v1/products')).body!.items as {
    id: string;
    ticketTypes: { id: string; minQty: number }[];
  }[];
  const today = new Date().toISOString().slice(0, 10);
  const paths = ['/v1/products', '/v1/pois?limit=20', '/v1/destination', `/v1/products/${products[0]!.id}`];
  const reads = await load(
    async (_c, n) => (await call(origin, paths[n % paths.length]!, { parse: false })).status === 200,
  );

  // Valid orders only (a day on sale, the type's least quantity): a refused request is not an order creation.
  const offers = await onSale(origin, products, addDays(today, 10), addDays(today, 69));

  const tokens = await Promise.all(Array.from({ length: CLIENTS }, () => login(origin)));
  const orders = await load(async (c, n) => {
    const offer = offers[(c + n) % offers.length]!;
    const res = await call(origin, '/v1/orders', {
      token: tokens[c],
      key: randomUUID(),
      body: {
        items: [{ ...offer.item, date: offer.dates[n % offer.dates.length]! }],
        contact: { name: 'Bench Buyer', mobile: '+8613800138000', email: 'bench@example.com' },
      },
    });
    return res.status === 201 || res.status === 409;
  });
  for (const s of servers) s.child.kill();

  // The flash sale: a fresh database, 50 places left on one day, 1000 buyers at once across the instances.
  const sale = await Promise.all(Array.from({ length: instances }, () => startInstance(flashUrl)));
  const product = 'sky-tower-skydeck';
  const date = addDays(today, 20);
  const calendar = (await call(sale[0]!.origin, `/v1/products/${product}/calendar?from=${date}&to=${date}`))
    .body!;
  const left = (calendar.days as { remaining: number }[])[0]!.remaining;
  const buyers = await Promise.all(
    Array.from({ length: 1000 }, (_, i) => login(sale[i % instances]!.origin)),
  );
  const db = new pg.Client({ connectionString: flashUrl.startsWith('postgres') ? flashUrl : undefined });
  if (flashUrl.startsWith('postgres')) {
    await db.connect();
    await db.query('INSERT INTO stock (product_id, day, held) VALUES ($1, $2, $3)', [
      product,
      date,
      left - 50,
    ]);
    await db.end();
  } else {
    // PGlite lives inside its instance: the other places are taken by real orders first.
    await drain(sale[0]!.origin, product, date, left - 50);
  }
  const started = performance.now();
  const answers = await Promise.all(
    buyers.map((token, i) =>
      call(sale[i % instances]!.origin, '/v1/orders', {
        token,
        key: randomUUID(),
        body: {
          items: [{ productId: product, ticketTypeId: 'adult', date, quantity: 1 }],
          contact: { name: 'Flash Buyer', mobile: '+8613800138000', email: 'flash@example.com' },
        },
      }),
    ),
  );
  const saleMs = performance.now() - started;
  const sold = answers.filter((a) => a.status === 201).length;
  const soldOut = answers.filter((a) => a.status === 409).length;
  const after = (await call(sale[0]!.origin, `/v1/products/${product}/calendar?from=${date}&to=${date}`))
    .body!;
  for (const s of sale) s.child.kill();
  const f = (x: number) => x.toFixed(0);
  return [
    `| ${name} | catalogue reads | ${f(reads.perSecond)}/s | ${f(reads.p50)} ms | ${f(reads.p99)} ms | ${reads.failed} failed |`,
    `| ${name} | order creations | ${f(orders.perSecond)}/s | ${f(orders.p50)} ms | ${f(orders.p99)} ms | ${orders.failed} failed |`,
    `| ${name} | flash sale, ${instances} instance${instances > 1 ? 's' : ''} | sold ${sold} of 50 | ${soldOut} SOLD_OUT | ${f(saleMs)} ms | ${(after.days as { remaining: number }[])[0]!.remaining} left |`,
  ];
}

/** Per product: its first ticket type at its least quantity, and the days from `from` to `to` selling it. */
async function onSale(
  origin: string,
  products: { id: string; ticketTypes: { id: string; minQty: number }[] }[],
  from: string,
  to: string,
): Promise<{ item: { productId: string; ticketTypeId: string; quantity: number }; dates: string[] }[]> {
  const offers = await Promise.all(
    products.map(async (product) => {
      const type = product.ticketTypes[0]!;
      const calendar = (await call(origin, `/v1/products/${product.id}/calendar?from=${from}&to=${to}`))
        .body!;
      const days = calendar.days as { date: string; soldOut: boolean; prices: { ticketTypeId: string }[] }[];
      const dates = days
        .filter((d) => !d.soldOut && d.prices.some((p) => p.ticketTypeId === type.id))
        .map((d) => d.date);
      const item = { productId: product.id, ticketTypeId: type.id, quantity: Math.max(1, type.minQty) };
      return { item, dates };
    }),
  );
  return offers.filter((offer) => offer.dates.length > 0);
}

async function drain(origin: string, product: string, date: string, places: number): Promise<void> {
  const token = await login(origin);
  for (let left = places; left > 0; left -= 10) {
    await call(origin, '/v1/orders', {
      token,
      key: randomUUID(),
      body: {
        items: [{ productId: product, ticketTypeId: 'adult', date, quantity: Math.min(10, left) }],
        contact: { name: 'Drain', mobile: '+8613800138000', email: 'drain@example.com' },
      },
    });
  }
}

async function freshDatabase(url: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const name = `bench_${randomUUID().replace(/-/g, '')}`;
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return url.replace(/\/postgres(\?|$)/, `/${name}$1`);
}

async function main(): Promise<void> {
  const lines = ['| database | what | rate | p50 | p99 | |', '| --- | --- | --- | --- | --- | --- |'];
  lines.push(...(await run('PGlite', '', 1, '')));
  let cluster: ReturnType<typeof startCluster> | undefined;
  let url = process.env.BENCH_DATABASE_URL;
  const bin = findPostgresBin();
  if (!url && bin) {
    cluster = startCluster(bin, true);
    url = cluster.url;
  }
  try {
    if (url) lines.push(...(await run('PostgreSQL', await freshDatabase(url), 2, await freshDatabase(url))));
    else lines.push('| PostgreSQL | skipped: no BENCH_DATABASE_URL and no PostgreSQL installed | | | | |');
  } finally {
    if (cluster) stopCluster(cluster);
  }
  console.log(`${CLIENTS} concurrent clients, ${SECONDS} s per load, load generator on the same machine\n`);
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
