// Signs and verifies the QR codes gates and merchants scan (format.ts) with Ed25519 keys kept in the database, so
// every instance signs and verifies alike and a restart changes nothing. The newest key not retired signs; a retired
// key verifies for GRACE_MS more, long enough for a wallet synced before a rotation to be refreshed. Keys are
// re-read at most every REFRESH_MS, and at once for a key id not seen yet, through the caller's transaction (on
// PGlite's one connection, a query beside it would wait for it forever).
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, sign, verify } from 'crypto';
import type { KeyObject } from 'crypto';
import { parseSignedCode, signedMessage, withSignature, type CodeKind, type SignedCode } from './format';
import type { Database, Queryable } from '../db/database';

export const GRACE_MS = 30 * 24 * 60 * 60 * 1000;
const REFRESH_MS = 60 * 1000;

interface KeyRow {
  kid: string;
  private_key: string;
  public_key: string;
  created_at: Date;
  retired_at: Date | null;
}

interface Key {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  retiredAt?: number;
}

export type Verdict =
  | { ok: true; code: SignedCode }
  | { ok: false; reason: 'malformed' | 'unknown-key' | 'retired-key' | 'forged' };

export class CodeSigner {
  private keys: Key[] = [];
  private loadedAt = -Infinity;

  constructor(private readonly now: () => number) {}

  async sign(q: Queryable, kind: CodeKind, fields: readonly string[]): Promise<string> {
    if (this.now() - this.loadedAt > REFRESH_MS) await this.load(q);
    const key = this.keys.find((k) => k.retiredAt === undefined);
    if (!key) throw new Error('no signing key: the server makes one at start (ensureSigningKey)');
    const message = signedMessage(kind, key.kid, fields);
    return withSignature(message, sign(null, Buffer.from(message), key.privateKey).toString('base64url'));
  }

  async verify(q: Queryable, text: string): Promise<Verdict> {
    const code = parseSignedCode(text);
    if (!code) return { ok: false, reason: 'malformed' };
    let key = this.keys.find((k) => k.kid === code.keyId);
    if (!key) {
      await this.load(q);
      key = this.keys.find((k) => k.kid === code.keyId);
    }
    if (!key) return { ok: false, reason: 'unknown-key' };
    if (key.retiredAt !== undefined && this.now() > key.retiredAt + GRACE_MS) {
      return { ok: false, reason: 'retired-key' };
    }
    const signature = Buffer.from(code.signature, 'base64url');
    // The last base64 character carries 2 bits and 4 the decoder ignores: only the one canonical spelling passes,
    // so no character of a code can change without it being refused.
    const canonical = signature.toString('base64url') === code.signature;
    const genuine = canonical && verify(null, Buffer.from(code.message), key.publicKey, signature);
    return genuine ? { ok: true, code } : { ok: false, reason: 'forged' };
  }

  private async load(q: Queryable): Promise<void> {
    const rows = await q.query<KeyRow & Record<string, unknown>>(
      'SELECT * FROM signing_keys ORDER BY created_at DESC, kid DESC',
    );
    this.keys = rows.map((r) => ({
      kid: r.kid,
      privateKey: createPrivateKey(r.private_key),
      publicKey: createPublicKey(r.public_key),
      ...(r.retired_at && { retiredAt: r.retired_at.getTime() }),
    }));
    this.loadedAt = this.now();
  }
}

/** Makes a signing key unless one is in use; instances starting together agree on one. */
export function ensureSigningKey(db: Database, now: number): Promise<void> {
  return underKeyLock(db, async (tx) => {
    const active = await tx.query('SELECT kid FROM signing_keys WHERE retired_at IS NULL LIMIT 1');
    if (active.length === 0) await insertKey(tx, now);
  });
}

/** A new signing key; the others retire (they verify for GRACE_MS more). Returns the new key id. */
export function rotateSigningKey(db: Database, now: number): Promise<string> {
  return underKeyLock(db, async (tx) => {
    await tx.query('UPDATE signing_keys SET retired_at = $1 WHERE retired_at IS NULL', [new Date(now)]);
    return insertKey(tx, now);
  });
}

/** One transaction at a time changes the keys, on any instance (an advisory lock held until it ends). */
function underKeyLock<T>(db: Database, work: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('signing_keys'))`);
    return work(tx);
  });
}

async function insertKey(tx: Queryable, now: number): Promise<string> {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const kid = `k${new Date(now).toISOString().slice(0, 10).replace(/-/g, '')}${randomBytes(3).toString('hex')}`;
  await tx.query(
    'INSERT INTO signing_keys (kid, private_key, public_key, created_at) VALUES ($1, $2, $3, $4)',
    [
      kid,
      privateKey.export({ type: 'pkcs8', format: 'pem' }),
      publicKey.export({ type: 'spki', format: 'pem' }),
      new Date(now),
    ],
  );
  return kid;
}
