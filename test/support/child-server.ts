// A server in its own process, for tests that kill it (-9) mid-flight. argv[2] is a ChildServerConfig as JSON: its
// database, the instant its clock stands still at, and the WeChat Pay merchant it pays as (at a simulator the test
// process runs; notifications come to this server). Prints its origin on the first line of stdout once it listens.
import { buildServer } from '../../server/app';
import { NOTIFY_PATH, type WeChatPayConfig } from '../../server/wechat/pay-config';

export interface ChildServerConfig {
  database: { dataDir: string } | { url: string };
  now: number;
  paymentCheckMs: number;
  /** The merchant configuration but its notifyUrl (a function), which the child makes from its own origin. */
  wechatPay: Omit<WeChatPayConfig, 'notifyUrl'>;
}

async function main(): Promise<void> {
  const config = JSON.parse(process.argv[2] ?? '') as ChildServerConfig;
  let origin = '';
  const app = buildServer({
    database: config.database,
    now: () => config.now,
    paymentCheckMs: config.paymentCheckMs,
    jobPollMs: 60_000,
    wechatPay: { ...config.wechatPay, notifyUrl: () => `${origin}${NOTIFY_PATH}` },
  });
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  console.log(origin);
}

void main();
