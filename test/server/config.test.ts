// The production configuration: every missing or bad variable named on its own line, all at once.
import { readConfig, type ConfigResult } from '../../server/config';

const GOOD = {
  DATABASE_URL: 'postgres://wayfarer:secret@db.internal:5432/wayfarer',
  PUBLIC_ORIGIN: 'https://api.example.com',
};

function problemsOf(result: ConfigResult): string[] {
  if (result.ok) throw new Error('expected problems, got a config');
  return result.problems;
}

describe('readConfig', () => {
  it('reads a minimal production environment with its defaults', () => {
    expect(readConfig(GOOD)).toEqual({
      ok: true,
      config: {
        databaseUrl: GOOD.DATABASE_URL,
        publicOrigin: 'https://api.example.com',
        port: 3000,
        host: '0.0.0.0',
        logLevel: 'info',
        trustProxy: undefined,
      },
    });
  });

  it('reads every variable', () => {
    const result = readConfig({
      ...GOOD,
      PUBLIC_ORIGIN: 'https://api.example.com:8443/',
      PORT: '8080',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DEV_OPERATIONS: '0',
      TRUST_PROXY: '10.0.0.0/8, loopback',
    });
    expect(result).toEqual({
      ok: true,
      config: {
        databaseUrl: GOOD.DATABASE_URL,
        publicOrigin: 'https://api.example.com:8443',
        port: 8080,
        host: '127.0.0.1',
        logLevel: 'warn',
        trustProxy: ['10.0.0.0/8', 'loopback'],
      },
    });
  });

  it('names each missing variable on its own line', () => {
    const problems = problemsOf(readConfig({}));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^DATABASE_URL is required/);
    expect(problems[1]).toMatch(/^PUBLIC_ORIGIN is required/);
  });

  it('treats an empty variable as unset', () => {
    const problems = problemsOf(readConfig({ ...GOOD, DATABASE_URL: '' }));
    expect(problems).toEqual([expect.stringMatching(/^DATABASE_URL is required/)]);
    expect(readConfig({ ...GOOD, PORT: '', HOST: '' })).toMatchObject({
      config: { port: 3000, host: '0.0.0.0' },
    });
  });

  it('reports every bad variable at once, one line each, never echoing the database URL', () => {
    const problems = problemsOf(
      readConfig({
        DATABASE_URL: 'mysql://root:hunter2@db/wayfarer',
        PUBLIC_ORIGIN: 'http://api.example.com',
        PORT: '80a',
        LOG_LEVEL: 'verbose',
        DEV_OPERATIONS: 'yes',
        TRUST_PROXY: '2',
      }),
    );
    expect(problems.map((line) => line.split(/[ =]/)[0])).toEqual([
      'DATABASE_URL',
      'PUBLIC_ORIGIN',
      'PORT',
      'LOG_LEVEL',
      'DEV_OPERATIONS',
      'TRUST_PROXY',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
    for (const line of problems) expect(line).not.toContain('\n');
  });

  it.each([
    ['https://api.example.com/v1', 'a path'],
    ['https://api.example.com?x=1', 'a query'],
    ['https://api.example.com#top', 'a fragment'],
    ['https://user:pw@api.example.com', 'credentials'],
    ['api.example.com', 'no scheme'],
  ])('refuses PUBLIC_ORIGIN %s (%s)', (origin) => {
    expect(problemsOf(readConfig({ ...GOOD, PUBLIC_ORIGIN: origin }))).toEqual([
      expect.stringMatching(/^PUBLIC_ORIGIN must be an https:\/\/ origin/),
    ]);
  });

  it.each(['0', '65536', '-1', '3000.5'])('refuses PORT %p', (port) => {
    expect(problemsOf(readConfig({ ...GOOD, PORT: port }))).toEqual([expect.stringMatching(/^PORT must be/)]);
  });

  it('accepts a postgresql:// URL and a Unix socket', () => {
    expect(readConfig({ ...GOOD, DATABASE_URL: 'postgresql://db/wayfarer' }).ok).toBe(true);
    expect(readConfig({ ...GOOD, DATABASE_URL: 'postgres:///wayfarer?host=/run/postgresql' }).ok).toBe(true);
    expect(readConfig({ ...GOOD, DATABASE_URL: 'postgres://app@/wayfarer?host=/run/postgresql' }).ok).toBe(
      true,
    );
    expect(readConfig({ ...GOOD, DATABASE_URL: 'postgres:///wayfarer' }).ok).toBe(false);
  });

  it.each(['1', 'true'])('refuses DEV_OPERATIONS=%s with a production config', (value) => {
    const problems = problemsOf(readConfig({ ...GOOD, DEV_OPERATIONS: value }));
    expect(problems).toEqual([expect.stringMatching(/^DEV_OPERATIONS must be off/)]);
  });

  it('refuses DEV_OPERATIONS=1 with the rest missing too, listing all of it', () => {
    const problems = problemsOf(readConfig({ DEV_OPERATIONS: '1' }));
    expect(problems.map((line) => line.split(/[ =]/)[0])).toEqual([
      'DATABASE_URL',
      'PUBLIC_ORIGIN',
      'DEV_OPERATIONS',
    ]);
  });

  it('reads TRUST_PROXY as true, false or addresses', () => {
    expect(readConfig({ ...GOOD, TRUST_PROXY: 'true' })).toMatchObject({ config: { trustProxy: true } });
    expect(readConfig({ ...GOOD, TRUST_PROXY: 'false' })).toMatchObject({ config: { trustProxy: false } });
    expect(readConfig({ ...GOOD, TRUST_PROXY: '::1,192.168.0.1' })).toMatchObject({
      config: { trustProxy: ['::1', '192.168.0.1'] },
    });
    expect(problemsOf(readConfig({ ...GOOD, TRUST_PROXY: '10.0.0.0/8/1' }))[0]).toMatch(/^TRUST_PROXY/);
  });
});
