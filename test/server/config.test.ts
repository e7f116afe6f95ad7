// The production configuration: every missing or bad variable named on its own line, all at once.
import { generateKeyPairSync, randomBytes } from 'crypto';
import { readConfig, type ConfigResult } from '../../server/config';
import { readWeChatApiEnv } from '../../server/wechat/api-env';
import { readWeChatPayEnv } from '../../server/wechat/pay-env';

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

describe('readWeChatPayEnv', () => {
  const merchant = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const files: Record<string, string> = {
    '/keys/apiclient_key.pem': merchant.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    '/keys/pub_key.pem': platform.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    '/keys/garbage.pem': 'not a key',
  };
  const read = (file: string): string => {
    const text = files[file];
    if (text === undefined) throw new Error('ENOENT');
    return text;
  };
  const APIV3 = 'a'.repeat(32);
  const PAY = {
    WECHATPAY_REGION: 'global',
    WECHAT_APPID: 'wx0123456789abcdef',
    WECHATPAY_MCHID: '1900000109',
    WECHATPAY_MERCHANT_SERIAL: '3775B6A45ACD588826D15E583A95F5DD12345678',
    WECHATPAY_PRIVATE_KEY_FILE: '/keys/apiclient_key.pem',
    WECHATPAY_PLATFORM_KEYS: 'PUB_KEY_ID_0114232134912410000000000000=/keys/pub_key.pem',
    WECHATPAY_APIV3_KEY: APIV3,
  };

  it('leaves payments off when no WECHATPAY_ variable is set', () => {
    expect(readWeChatPayEnv({ ...GOOD }, 'https://api.example.com', read)).toEqual({
      ok: true,
      config: undefined,
    });
  });

  it('reads a Global merchant, with its host, and notifications at the public origin', () => {
    const result = readWeChatPayEnv(PAY, 'https://api.example.com', read);
    if (!result.ok || !result.config) throw new Error(JSON.stringify(result));
    expect(result.config).toMatchObject({
      region: 'global',
      baseUrl: 'https://apihk.mch.weixin.qq.com',
      mchid: '1900000109',
      apiV3Key: APIV3,
    });
    expect(Object.keys(result.config.platformKeys)).toEqual(['PUB_KEY_ID_0114232134912410000000000000']);
    expect(result.config.notifyUrl()).toBe('https://api.example.com/wechatpay/notify');
    const domestic = readWeChatPayEnv({ ...PAY, WECHATPAY_REGION: 'domestic' }, 'https://a.example', read);
    expect(domestic.ok && domestic.config?.baseUrl).toBe('https://api.mch.weixin.qq.com');
  });

  it('names every missing or bad variable on its own line, never quoting a secret', () => {
    const problems = readWeChatPayEnv(
      {
        WECHATPAY_REGION: 'mainland',
        WECHAT_APPID: 'my-app',
        WECHATPAY_PRIVATE_KEY_FILE: '/keys/garbage.pem',
        WECHATPAY_PLATFORM_KEYS: 'PUB_KEY_ID_1=/keys/missing.pem',
        WECHATPAY_APIV3_KEY: 'secret-but-short',
      },
      'https://api.example.com',
      read,
    );
    if (problems.ok) throw new Error('expected problems');
    expect(problems.problems).toEqual([
      'WECHATPAY_REGION must be global or domestic (got "mainland")',
      'WECHAT_APPID must look like wx + 16 hex digits',
      'WECHATPAY_MCHID is required with WeChat Pay: the merchant id',
      "WECHATPAY_MERCHANT_SERIAL is required with WeChat Pay: the merchant API certificate's serial number",
      'WECHATPAY_PRIVATE_KEY_FILE must name a readable file holding the merchant API private key (apiclient_key.pem)',
      'WECHATPAY_PLATFORM_KEYS: the file for PUB_KEY_ID_1 is not a readable public key or certificate',
      'the APIv3 key must be exactly 32 bytes',
    ]);
    expect(problems.problems.join('\n')).not.toContain('secret-but-short');
  });
});

describe('readWeChatApiEnv', () => {
  // Made at test time: a fixed 32-hex string here would read as a leaked AppSecret (test/security/secrets).
  const SECRET = randomBytes(16).toString('hex');

  it('leaves login off when nothing is set, and reads the AppID, the secret and the reminder template', () => {
    expect(readWeChatApiEnv({})).toEqual({ ok: true, config: undefined, reminder: undefined });
    const result = readWeChatApiEnv({
      WECHAT_APPID: 'wx0123456789abcdef',
      WECHAT_SECRET: SECRET,
      WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-visit',
      WECHAT_REMINDER_FIELDS: 'thing1=product, date2=visitDate',
    });
    expect(result).toEqual({
      ok: true,
      config: { baseUrl: 'https://api.weixin.qq.com', appid: 'wx0123456789abcdef', secret: SECRET },
      reminder: { templateId: 'tmpl-visit', fields: { thing1: 'product', date2: 'visitDate' }, hour: 18 },
    });
  });

  it('names each problem without quoting the secret', () => {
    const result = readWeChatApiEnv({
      WECHAT_APPID: 'wx-nope',
      WECHAT_SECRET: 'not-hex-secret',
      WECHAT_REMINDER_TEMPLATE_ID: 'tmpl-visit',
      WECHAT_REMINDER_FIELDS: 'thing1=price',
    });
    if (result.ok) throw new Error('expected problems');
    expect(result.problems).toEqual([
      'WECHAT_REMINDER_FIELDS must be key=value pairs, the values from product, visitDate, destination, orderId',
      'WECHAT_APPID must look like wx + 16 hex digits',
      'the AppSecret must be 32 hex digits',
    ]);
    expect(result.problems.join('\n')).not.toContain('not-hex-secret');
  });
});
