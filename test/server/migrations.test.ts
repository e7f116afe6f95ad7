// Migrations on a database with data in it: the previous release's schema (0001, with the development sandbox's
// payments) upgraded in place keeps every order, its history and sessions, drops what no longer exists, and the
// server then serves the old data. And from an empty database, every migration applies once.
import { copyFileSync, mkdtempSync, readdirSync } from 'fs';
import os from 'os';
import path from 'path';
import { sha256 } from '../../server/accounts/login';
import type { Database } from '../../server/db/database';
import { MIGRATIONS_DIR, migrate } from '../../server/db/migrate';
import { openDatabase } from '../../server/db/open';
import { startStack, type Stack } from '../support/stack';
import { START, contact } from './commerce';

/** A folder holding the migrations up to and including `last`. */
function migrationsUpTo(last: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wayfarer-release-'));
  for (const file of readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql') && f <= last)) {
    copyFileSync(path.join(MIGRATIONS_DIR, file), path.join(dir, file));
  }
  return dir;
}

const allMigrations = readdirSync(MIGRATIONS_DIR)
  .filter((f) => f.endsWith('.sql'))
  .sort();

describe('migrations', () => {
  let db: Database;
  let stack: Stack | undefined;
  beforeEach(async () => {
    db = await openDatabase({});
  });
  afterEach(async () => {
    await stack?.close();
    stack = undefined;
    await db.close();
  });

  it('apply every file once to an empty database', async () => {
    expect(await migrate(db)).toEqual({ applied: allMigrations });
    expect(await migrate(db)).toEqual({ applied: [] });
  });

  it('upgrade the previous release (0001) with data in it, and the server serves that data', async () => {
    await migrate(db, migrationsUpTo('0001_init.sql'));
    const at = new Date(START);
    const later = new Date(START + 60_000);
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO users (id, openid, created_at) VALUES ('u-old', 'o-old', $1)`, [at]);
      await tx.query(
        `INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, 'u-old', $2, $3)`,
        [sha256('old-token'), at, new Date(START + 365 * 86_400_000)],
      );
      await tx.query(
        `INSERT INTO orders (id, user_id, kind, status, items, currency, subtotal, discount, total, cny_currency,
           total_cny, contact, holds_stock, prepay_id, prepay_valid_until, created_at, expires_at)
         VALUES ('ord_old', 'u-old', 'tickets', 'FULFILLED', $1, 'NZD', 4900, 0, 4900, 'CNY', 21000, $2, true,
           'wx-sandbox-prepay', $3, $4, $3)`,
        [
          JSON.stringify([
            {
              productId: 'sky-tower-skydeck',
              ticketTypeId: 'adult',
              date: '2026-12-08',
              quantity: 1,
              title: { 'zh-CN': '天空塔观景台', en: 'Sky Tower SkyDeck' },
              unitPrice: { amount: 4900, currency: 'NZD' },
              subtotal: { amount: 4900, currency: 'NZD' },
            },
          ]),
          JSON.stringify(contact),
          later,
          at,
        ],
      );
      for (const [seq, status] of ['PENDING_PAYMENT', 'PAID', 'FULFILLED'].entries()) {
        await tx.query(
          `INSERT INTO order_history (order_id, seq, status, at) VALUES ('ord_old', $1, $2, $3)`,
          [seq, status, at],
        );
      }
      await tx.query(`INSERT INTO sandbox_payments (order_id, paid_at) VALUES ('ord_old', $1)`, [at]);
      await tx.query(
        `INSERT INTO payment_notifications (id, order_id, received_at) VALUES ('sandbox-ord_old', 'ord_old', $1)`,
        [at],
      );
      await tx.query(`INSERT INTO jobs (kind, key, run_at) VALUES ('payment.notify', 'ord_old', $1)`, [at]);
      // A refund the sandbox would have confirmed at its due time.
      await tx.query(
        `INSERT INTO orders (id, user_id, kind, status, items, currency, subtotal, discount, total, cny_currency,
           total_cny, contact, created_at, expires_at)
         SELECT 'ord_refunding', user_id, kind, 'REFUNDING', items, currency, subtotal, discount, total, cny_currency,
           total_cny, contact, created_at, expires_at FROM orders WHERE id = 'ord_old'`,
      );
      for (const [seq, status] of ['PENDING_PAYMENT', 'PAID', 'FULFILLED', 'REFUNDING'].entries()) {
        await tx.query(
          `INSERT INTO order_history (order_id, seq, status, at) VALUES ('ord_refunding', $1, $2, $3)`,
          [seq, status, at],
        );
      }
      await tx.query(
        `INSERT INTO refunds (id, order_id, amount, currency, status, reason, requested_at, due_at)
         VALUES ('rfd_old', 'ord_refunding', 4900, 'NZD', 'PROCESSING', 'plans changed', $1, $2)`,
        [at, later],
      );
      await tx.query(`INSERT INTO jobs (kind, key, run_at) VALUES ('refund.complete', 'ord_refunding', $1)`, [
        later,
      ]);
    });

    expect(await migrate(db)).toEqual({ applied: allMigrations.filter((f) => f > '0001_init.sql') });
    const tables = await db.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'`,
    );
    expect(tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(['payments', 'orders', 'payment_notifications']),
    );
    expect(tables.map((t) => t.name)).not.toContain('sandbox_payments');
    expect(
      await db.query(`SELECT kind FROM jobs WHERE kind IN ('payment.notify', 'refund.complete')`),
    ).toEqual([]);
    const refunded = await db.query<{ status: string; seq: number; at: Date }>(
      `SELECT h.status, h.seq, h.at FROM order_history h WHERE h.order_id = 'ord_refunding' ORDER BY seq DESC LIMIT 1`,
    );
    expect(refunded).toEqual([{ status: 'REFUNDED', seq: 4, at: later }]);
    expect(await db.query(`SELECT status FROM orders WHERE id = 'ord_refunding'`)).toEqual([
      { status: 'REFUNDED' },
    ]);
    expect(await db.query(`SELECT status FROM refunds WHERE id = 'rfd_old'`)).toEqual([
      { status: 'SUCCESS' },
    ]);

    // The upgraded database under today's server: the old session still works and the old order is intact.
    stack = await startStack({ database: db, now: () => START + 120_000 });
    const response = await fetch(`${stack.origin}/v1/orders/ord_old`, {
      headers: { authorization: 'Bearer old-token' },
    });
    expect(response.status).toBe(200);
    const order = (await response.json()) as {
      status: string;
      total: unknown;
      history: Array<{ status: string }>;
    };
    expect(order.status).toBe('FULFILLED');
    expect(order.total).toEqual({ amount: 4900, currency: 'NZD' });
    expect(order.history.map((h) => h.status)).toEqual(['PENDING_PAYMENT', 'PAID', 'FULFILLED']);
  });
});
