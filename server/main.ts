// `npm run server`: the server in development mode on loopback (what `npm start` runs beside the watcher): the
// embedded database in .data/pglite, the demo destination seeded on first start, the /dev/ operations on, and the
// WeChat simulator on its own port standing in for WeChat login and WeChat Pay (the same client code as production
// talks to it).
// PORT (default 3000), SIMULATOR_PORT (default 3001); DATABASE_URL to use a PostgreSQL server instead of the
// embedded database; WECHATPAY_REGION=domestic to pay as a mainland merchant (CNY) instead of Global.
import { join } from 'path';
import { DEMO_REMINDER, simulatedApp } from '../simulator/app-account';
import { simulatedMerchant } from '../simulator/merchant';
import { WeChatSimulator } from '../simulator/simulator';
import { buildServer } from './app';
import { loggerOptions } from './http/logging';
import { NOTIFY_PATH } from './wechat/pay-config';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const simulator = new WeChatSimulator();
  const simulatorUrl = await simulator.listen(Number(process.env.SIMULATOR_PORT ?? 3001));
  const dataDir = join(__dirname, '..', '.data', 'pglite');
  const app = buildServer({
    dev: true,
    logger: loggerOptions('warn'),
    database: { url: process.env.DATABASE_URL, dataDir },
    wechatApi: simulatedApp(simulator),
    reminder: DEMO_REMINDER,
    wechatPay: simulatedMerchant(simulator, {
      region: process.env.WECHATPAY_REGION === 'domestic' ? 'domestic' : 'global',
      notifyUrl: () => `http://127.0.0.1:${port}${NOTIFY_PATH}`,
    }),
  });
  const url = await app.listen({ port, host: '127.0.0.1' });
  const where = process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`;
  console.log(`Wayfarer server on ${url} (development mode, ${where}); WeChat simulator on ${simulatorUrl}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Promise.all([app.close(), simulator.close()]).then(
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
