// The database layer on both drivers: types, transactions, migrations, notifications; and on PostgreSQL what only a
// real server shows (concurrent instances, retried conflicts, a dropped LISTEN connection).
import { mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync } from 'fs';
import os from 'os';
import path from 'path';
import type { Database } from '../../server/db/database';
import { migrate } from '../../server/db/migrate';
import { openPostgres } from '../../server/db/postgres';
import { databaseTargets, describeOnPostgres, freshPostgresUrl } from '../support/databases';

const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function migrationsFolder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wayfarer-migrations-'));
  folders.push(dir);
  for (const [name, sql] of Object.entries(files)) writeFileSync(path.join(dir, name), sql);
  return dir;
}

/** A promise and the function that settles it, for waiting on a callback without sleeping. */
function signal<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

describe.each(databaseTargets())('$name', ({ name, open }) => {
  let db: Database;
  beforeAll(async () => {
    db = await open();
  });
  afterAll(() => db.close());

  test('runs a statement with parameters', async () => {
    const rows = await db.query('SELECT $1::int + $2::int AS sum, $3::text AS word', [2, 3, 'kia ora']);
    expect(rows).toEqual([{ sum: 5, word: 'kia ora' }]);
  });

  test('returns jsonb, date, timestamptz, int8 and numeric columns the same way', async () => {
    await db.exec('CREATE TABLE typed (data jsonb, day date, at timestamptz, big bigint, amount numeric)');
    const data = { name: 'Sky Tower', tags: ['view'], price: { amount: 3200, currency: 'NZD' } };
    const at = new Date('2025-03-01T23:30:00.000Z');
    await db.query('INSERT INTO typed VALUES ($1, $2, $3, $4, $5)', [
      JSON.stringify(data),
      '2025-03-02',
      at,
      Number.MAX_SAFE_INTEGER,
      '12.50',
    ]);
    const rows = await db.query(
      'SELECT data, day, at, big, amount, ARRAY[day, NULL] AS days, ARRAY[big, 7] AS bigs, count(*) OVER () AS n FROM typed',
    );
    expect(rows).toEqual([
      {
        data,
        day: '2025-03-02',
        at,
        big: Number.MAX_SAFE_INTEGER,
        amount: '12.50',
        days: ['2025-03-02', null],
        bigs: [Number.MAX_SAFE_INTEGER, 7],
        n: 1,
      },
    ]);
    expect(rows[0]?.at).toBeInstanceOf(Date);
  });

  test('returns an int8 beyond 2^53 as an exact bigint, and runs sessions in UTC', async () => {
    const rows = await db.query("SELECT 9007199254740993::int8 AS big, current_setting('TimeZone') AS zone");
    expect(rows).toEqual([{ big: BigInt('9007199254740993'), zone: 'UTC' }]);
  });

  describe('transactions', () => {
    beforeAll(() => db.exec('CREATE TABLE notes (id int PRIMARY KEY, body text NOT NULL)'));

    test('commit and return what the work returns', async () => {
      const result = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (1, $1)', ['one']);
        await tx.query('INSERT INTO notes VALUES (2, $1)', ['two']);
        return 'done';
      });
      expect(result).toBe('done');
      expect(await db.query('SELECT id FROM notes ORDER BY id')).toEqual([{ id: 1 }, { id: 2 }]);
    });

    test('roll back when the work throws', async () => {
      const failing = db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (3, $1)', ['three']);
        throw new Error('changed my mind');
      });
      await expect(failing).rejects.toThrow('changed my mind');
      expect(await db.query('SELECT id FROM notes WHERE id = 3')).toEqual([]);
    });

    test('roll back, and reject, when the work caught a failed statement', async () => {
      const failing = db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (4, $1)', ['four']);
        await tx.query('INSERT INTO notes VALUES (1, $1)', ['duplicate']).catch(() => undefined);
      });
      await expect(failing).rejects.toThrow();
      expect(await db.query('SELECT id FROM notes WHERE id = 4')).toEqual([]);
    });

    test('a query waits for a running transaction instead of joining it', async () => {
      const inserted = signal();
      const gate = signal();
      const running = db.transaction(async (tx) => {
        await tx.query('INSERT INTO notes VALUES (5, $1)', ['five']);
        inserted.resolve();
        await gate.promise;
        throw new Error('undo');
      });
      await inserted.promise;
      const outside = db.query('SELECT count(*) AS n FROM notes WHERE id = 5');
      gate.resolve();
      await expect(running).rejects.toThrow('undo');
      expect(await outside).toEqual([{ n: 0 }]);
    });

    test('20 concurrent read-then-write transactions all count', async () => {
      await db.exec(
        'CREATE TABLE counter (id int PRIMARY KEY, n int NOT NULL); INSERT INTO counter VALUES (1, 0);',
      );
      // PGlite has one connection, where FOR UPDATE locks nothing: only its queue keeps transactions apart.
      const read = `SELECT n FROM counter WHERE id = 1${name === 'postgres' ? ' FOR UPDATE' : ''}`;
      const increment = () =>
        db.transaction(async (tx) => {
          const [row] = await tx.query<{ n: number }>(read);
          await new Promise((resolve) => setImmediate(resolve));
          await tx.query('UPDATE counter SET n = $1 WHERE id = 1', [(row?.n ?? 0) + 1]);
        });
      await Promise.all(Array.from({ length: 20 }, increment));
      expect(await db.query('SELECT n FROM counter')).toEqual([{ n: 20 }]);
    });

    if (name === 'pglite') {
      test('the database itself refuses calls from inside a transaction (they would wait for ever)', async () => {
        const misuse = db.transaction(() => db.query('SELECT 1'));
        await expect(misuse).rejects.toThrow('use the tx handle');
      });
    }
  });

  describe('migrate', () => {
    let dir: string;
    beforeAll(() => {
      dir = migrationsFolder({
        '0002_visits.sql': 'ALTER TABLE places ADD COLUMN visits int NOT NULL DEFAULT 0;',
        '0001_places.sql':
          "CREATE TABLE places (id text PRIMARY KEY);\nINSERT INTO places VALUES ('devonport');",
        'README.md': 'not a migration',
      });
    });
    const recorded = () => db.query('SELECT version, name FROM schema_migrations ORDER BY version');

    test('applies the files in order, once', async () => {
      expect(await migrate(db, dir)).toEqual({ applied: ['0001_places.sql', '0002_visits.sql'] });
      expect(await migrate(db, dir)).toEqual({ applied: [] });
      expect(await db.query('SELECT id, visits FROM places')).toEqual([{ id: 'devonport', visits: 0 }]);
      writeFileSync(path.join(dir, '0003_names.sql'), 'ALTER TABLE places ADD COLUMN name text;');
      expect(await migrate(db, dir)).toEqual({ applied: ['0003_names.sql'] });
      expect(await recorded()).toEqual([
        { version: 1, name: 'places' },
        { version: 2, name: 'visits' },
        { version: 3, name: 'names' },
      ]);
    });

    test('a failing migration changes nothing and is not recorded', async () => {
      const broken = path.join(dir, '0004_broken.sql');
      writeFileSync(broken, 'CREATE TABLE half (id int);\nSELECT no_such_column FROM places;');
      await expect(migrate(db, dir)).rejects.toThrow('no_such_column');
      unlinkSync(broken);
      expect(await db.query("SELECT to_regclass('half') AS half")).toEqual([{ half: null }]);
      expect(await recorded()).toHaveLength(3);
    });

    test('refuses when an applied file is gone, renamed, or a new one is numbered before it', async () => {
      const file = path.join(dir, '0002_visits.sql');
      const renamed = path.join(dir, '0002_visit_counts.sql');
      renameSync(file, renamed);
      await expect(migrate(db, dir)).rejects.toThrow('0002_visits was applied but its file is now');
      unlinkSync(renamed);
      await expect(migrate(db, dir)).rejects.toThrow(/0002_visits was applied .* file is gone/);
      writeFileSync(file, 'ALTER TABLE places ADD COLUMN visits int NOT NULL DEFAULT 0;');
      writeFileSync(path.join(dir, '0000_early.sql'), 'SELECT 1;');
      await expect(migrate(db, dir)).rejects.toThrow('0000_early.sql is numbered before 0003_names');
    });
  });

  test('listen hears a notify', async () => {
    const heard = signal<string>();
    await db.listen('db_test', heard.resolve);
    await db.notify('db_test', 'content version 7');
    await expect(heard.promise).resolves.toBe('content version 7');
    await expect(db.listen('Mixed-Case', () => undefined)).rejects.toThrow('lower case');
  });

  test('a listener that throws is reported and the others still hear', async () => {
    const reported = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const heard = signal<string>();
    await db.listen('db_throwing', () => {
      throw new Error('listener bug');
    });
    await db.listen('db_throwing', heard.resolve);
    await db.notify('db_throwing', 'still here');
    await expect(heard.promise).resolves.toBe('still here');
    expect(reported).toHaveBeenCalled();
    reported.mockRestore();
  });
});

describeOnPostgres('postgres only', () => {
  const opened: Database[] = [];
  const openFresh = async (url?: string): Promise<Database> => {
    const db = await openPostgres(url ?? (await freshPostgresUrl()), { onError: () => undefined });
    opened.push(db);
    return db;
  };
  afterAll(() => Promise.all(opened.map((db) => db.close())));

  test('two instances migrating at once apply each file once', async () => {
    const url = await freshPostgresUrl();
    const [a, b] = await Promise.all([openFresh(url), openFresh(url)]);
    const dir = migrationsFolder({
      '0001_a.sql': 'CREATE TABLE a (id int); SELECT pg_sleep(0.05);',
      '0002_b.sql': 'CREATE TABLE b (id int);',
      '0003_c.sql': 'CREATE TABLE c (id int);',
    });
    const results = await Promise.all([migrate(a, dir), migrate(b, dir)]);
    expect(results.flatMap((result) => result.applied).sort()).toEqual([
      '0001_a.sql',
      '0002_b.sql',
      '0003_c.sql',
    ]);
    expect(await a.query('SELECT count(*) AS n FROM schema_migrations')).toEqual([{ n: 3 }]);
  });

  test('a serialization failure is retried, then given up after 5 retries', async () => {
    const db = await openFresh();
    await db.exec('CREATE TABLE attempts (n int)');
    const conflict = "DO $$ BEGIN RAISE EXCEPTION 'conflict' USING ERRCODE = 'serialization_failure'; END $$";
    let attempts = 0;
    const result = await db.transaction(async (tx) => {
      attempts += 1;
      await tx.query('INSERT INTO attempts VALUES ($1)', [attempts]);
      if (attempts < 3) await tx.query(conflict);
      return attempts;
    });
    expect(result).toBe(3);
    expect(await db.query('SELECT n FROM attempts')).toEqual([{ n: 3 }]);

    attempts = 0;
    const hopeless = db.transaction(async (tx) => {
      attempts += 1;
      await tx.query(conflict);
    });
    await expect(hopeless).rejects.toMatchObject({ code: '40001' });
    expect(attempts).toBe(6);
  });

  test('a deadlocked transaction is retried and both succeed', async () => {
    const db = await openFresh();
    await db.exec(
      'CREATE TABLE accounts (id int PRIMARY KEY, n int NOT NULL); INSERT INTO accounts VALUES (1, 0), (2, 0);',
    );
    // Each first attempt holds its first row until the other holds its own: then each waits for the other.
    const bothHold = signal();
    let holding = 0;
    let attempts = 0;
    const transfer = (first: number, second: number) =>
      db.transaction(async (tx) => {
        attempts += 1;
        await tx.query('UPDATE accounts SET n = n + 1 WHERE id = $1', [first]);
        if (++holding === 2) bothHold.resolve();
        await bothHold.promise;
        await tx.query('UPDATE accounts SET n = n + 1 WHERE id = $1', [second]);
      });
    await Promise.all([transfer(1, 2), transfer(2, 1)]);
    expect(attempts).toBe(3);
    expect(await db.query('SELECT id, n FROM accounts ORDER BY id')).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });

  test('listening resumes after its connection is killed', async () => {
    const db = await openFresh();
    const heard = signal<string>();
    await db.listen('db_reconnect', heard.resolve);
    const killed = await db.query(
      "SELECT pg_terminate_backend(pid) AS ok FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%'",
    );
    expect(killed).toEqual([{ ok: true }]);
    // Notifications sent before the new connection listens are lost: repeat until one arrives.
    let arrived = false;
    void heard.promise.then(() => (arrived = true));
    while (!arrived) {
      await db.notify('db_reconnect', 'again');
      await Promise.race([heard.promise, new Promise((resolve) => setTimeout(resolve, 50))]);
    }
    await expect(heard.promise).resolves.toBe('again');
  });
});
