// Content in the database: each record of each authored file is a row (kind, id, position, data), assets are
// rows too, and content_state.version counts the changes. Replacing the content is one transaction.
import type { Database, Tx } from '../db/database';
import { buildSeed, type ContentFiles } from './seed';

/** NOTIFY channel: content changed, every instance drops its cache. */
export const CONTENT_CHANGED = 'content_changed';

export interface Asset {
  mediaType: string;
  bytes: Buffer;
}

type ListKind = Exclude<keyof ContentFiles, 'destination'>;
const LISTS: ListKind[] = ['pois', 'events', 'products', 'offers', 'plans'];

export async function readFiles(db: Database | Tx): Promise<ContentFiles> {
  const rows = await db.query<{ kind: string; data: unknown }>(
    'SELECT kind, data FROM content_records ORDER BY kind, position',
  );
  const of = (kind: string): unknown[] => rows.filter((r) => r.kind === kind).map((r) => r.data);
  const [destination] = of('destination');
  return {
    destination: destination as ContentFiles['destination'],
    pois: of('pois') as ContentFiles['pois'],
    events: of('events') as ContentFiles['events'],
    products: of('products') as ContentFiles['products'],
    offers: of('offers') as ContentFiles['offers'],
    plans: of('plans') as ContentFiles['plans'],
  };
}

export async function readAsset(db: Database, path: string): Promise<Asset | undefined> {
  const [row] = await db.query<{ media_type: string; bytes: Uint8Array }>(
    'SELECT media_type, bytes FROM content_assets WHERE path = $1',
    [path],
  );
  return row && { mediaType: row.media_type, bytes: Buffer.from(row.bytes) };
}

export async function readAssets(db: Database): Promise<Map<string, Asset>> {
  const rows = await db.query<{ path: string; media_type: string; bytes: Uint8Array }>(
    'SELECT path, media_type, bytes FROM content_assets ORDER BY path',
  );
  return new Map(rows.map((r) => [r.path, { mediaType: r.media_type, bytes: Buffer.from(r.bytes) }]));
}

/**
 * Checks the files against each other, the assets and the contract (throws ContentError naming every problem,
 * having written nothing), then replaces the published content and its assets in one transaction.
 */
export async function replaceContent(
  db: Database,
  { files, assets }: { files: ContentFiles; assets: ReadonlyMap<string, Asset> },
  now: number,
): Promise<number> {
  checkOnce(files, assets, now);
  const version = await db.transaction(async (tx) => {
    await writeContent(tx, files, assets);
    const [row] = await tx.query<{ version: number }>(
      `INSERT INTO content_state (singleton, version, updated_at) VALUES (true, 1, $1)
       ON CONFLICT (singleton) DO UPDATE SET version = content_state.version + 1, updated_at = $1
       RETURNING version`,
      [new Date(now)],
    );
    return row!.version;
  });
  await db.notify(CONTENT_CHANGED, String(version));
  return version;
}

/**
 * Publishes `load()`'s content unless some is published already. The first of several instances starting at once
 * publishes; the others wait on its row and find content.
 */
export async function seedIfEmpty(
  db: Database,
  load: () => { files: ContentFiles; assets: ReadonlyMap<string, Asset> },
  now: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query(
      `INSERT INTO content_state (singleton, version, updated_at) VALUES (true, 1, $1)
       ON CONFLICT (singleton) DO NOTHING RETURNING version`,
      [new Date(now)],
    );
    if (claimed.length === 0) return false;
    const { files, assets } = load();
    checkOnce(files, assets, now);
    await writeContent(tx, files, assets);
    return true;
  });
}

/** Content already found valid in this process (tests start many servers on the same demo content). */
const checked = new WeakSet<ContentFiles>();

function checkOnce(files: ContentFiles, assets: ReadonlyMap<string, Asset>, now: number): void {
  if (checked.has(files)) return;
  buildSeed(files, now, { hasAsset: (url) => assets.has(url), checkContract: true });
  checked.add(files);
}

async function writeContent(tx: Tx, files: ContentFiles, assets: ReadonlyMap<string, Asset>): Promise<void> {
  await tx.query('DELETE FROM content_records');
  await tx.query('DELETE FROM content_assets');
  const records: { kind: string; id: string; position: number; data: unknown }[] = [
    { kind: 'destination', id: files.destination.id, position: 0, data: files.destination },
    ...LISTS.flatMap((kind) =>
      (files[kind] as { id: string }[]).map((data, position) => ({ kind, id: data.id, position, data })),
    ),
  ];
  // One statement per kind keeps an import of hundreds of records to a handful of round trips.
  for (const kind of ['destination', ...LISTS]) {
    const own = records.filter((r) => r.kind === kind);
    if (own.length === 0) continue;
    await tx.query(
      `INSERT INTO content_records (kind, id, position, data)
       SELECT $1, r.id, r.position, r.data FROM jsonb_to_recordset($2::jsonb) AS r(id text, position int, data jsonb)`,
      [kind, JSON.stringify(own.map(({ id, position, data }) => ({ id, position, data })))],
    );
  }
  for (const [path, asset] of assets) {
    // A plain Uint8Array of this realm: drivers check the type of a bytea parameter by its constructor.
    await tx.query('INSERT INTO content_assets (path, media_type, bytes) VALUES ($1, $2, $3)', [
      path,
      asset.mediaType,
      new Uint8Array(asset.bytes),
    ]);
  }
}
