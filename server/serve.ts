// `npm run serve`: the server in production mode, configured by the environment (server/config.ts). A bad
// configuration is reported one line per variable and exits 1 before the database or a port is opened. On SIGTERM or
// SIGINT the server stops accepting connections, finishes the requests in flight, stops the job worker (jobs stay in
// the database for the other instances) and closes the database, within GRACE_MS, or exits 1.
import closeWithGrace from 'close-with-grace';
import { readConfig } from './config';
import { readWeChatApiEnv } from './wechat/api-env';
import { readWeChatPayEnv } from './wechat/pay-env';
import { loggerOptions } from './http/logging';

/** Inside an orchestrator's usual termination grace period (Kubernetes: 30 s). */
const GRACE_MS = 25_000;

async function main(): Promise<void> {
  const result = readConfig(process.env);
  const pay = readWeChatPayEnv(process.env, result.ok ? result.config.publicOrigin : '');
  const api = readWeChatApiEnv(process.env);
  if (!result.ok || !pay.ok || !api.ok) {
    const problems = [result, api, pay].flatMap((r) => (r.ok ? [] : r.problems));
    console.error(`Wayfarer server not started; fix the environment:\n${problems.join('\n')}`);
    process.exitCode = 1;
    return;
  }
  const { config } = result;
  if (!pay.config)
    console.warn('WeChat Pay is not configured (no WECHATPAY_ variables): payments answer 503');
  // Loaded only now: a bad configuration is reported without loading (or failing to load) the server.
  const { buildServer } = await import('./app');
  const app = buildServer({
    dev: false,
    database: { url: config.databaseUrl },
    publicOrigin: config.publicOrigin,
    trustProxy: config.trustProxy,
    logger: loggerOptions(config.logLevel),
    wechatPay: pay.config,
    wechatApi: api.config,
    reminder: api.reminder,
  });
  closeWithGrace(
    { delay: GRACE_MS, logger: { error: (message: unknown) => app.log.error(message) } },
    async (event) => {
      if (event.err) app.log.error({ err: event.err }, 'closing after an unexpected error');
      else app.log.info({ signal: event.signal }, 'closing');
      await app.close();
    },
  );
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
