// `npm run server`: the server in development mode, on loopback by default (what `npm start` runs beside the watcher): the
// embedded database in .data/pglite, the demo destination seeded on first start, the /dev/ operations on, and the
// WeChat simulator on its own port standing in for WeChat login and WeChat Pay (the same client code as production
// talks to it).
// PORT (default 3000), SIMULATOR_PORT (default 3001); HOST (default 127.0.0.1; 0.0.0.0 for previews on a phone) and
// PUBLIC_ORIGIN (how the mini program reaches this server, e.g. http://192.168.1.20:3000; the simulator is reached on
// the same address at its own port); DATABASE_URL to use a PostgreSQL server instead of the embedded database;
// WECHATPAY_REGION=domestic to pay as a mainland merchant (CNY) instead of Global.
import { join } from 'path';
import { DEMO_REMINDER, simulatedApp } from '../simulator/app-account';
import { simulatedMerchant } from '../simulator/merchant';
import { WeChatSimulator } from '../simulator/simulator';
import { buildServer } from './app';
import { loggerOptions } from './http/logging';
import { NOTIFY_PATH } from './wechat/pay-config';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 3000);
  const simulatorPort = Number(process.env.SIMULATOR_PORT ?? 3001);
  const host = process.env.HOST || '127.0.0.1';
  const publicOrigin = process.env.PUBLIC_ORIGIN || undefined;
  // The sandbox payment sheet's decision goes from the mini program to the simulator, so it needs a public address too.
  const simulator = new WeChatSimulator({
    publicOrigin: publicOrigin && originWithPort(publicOrigin, simulatorPort),
  });
  await simulator.listen(simulatorPort, host);
  // Where the simulator delivers notifications: known once the server listens, long before the first payment.
  let url = '';
  const dataDir = join(__dirname, '..', '.data', 'pglite');
  const app = buildServer({
    dev: true,
    logger: loggerOptions('warn'),
    database: { url: process.env.DATABASE_URL, dataDir },
    publicOrigin,
    wechatApi: simulatedApp(simulator),
    reminder: DEMO_REMINDER,
    wechatPay: simulatedMerchant(simulator, {
      region: process.env.WECHATPAY_REGION === 'domestic' ? 'domestic' : 'global',
      notifyUrl: () => `${url}${NOTIFY_PATH}`,
    }),
  });
  url = await app.listen({ port, host });
  const where = process.env.DATABASE_URL ? 'PostgreSQL at DATABASE_URL' : `embedded PostgreSQL in ${dataDir}`;
  console.log(
    `Wayfarer server on ${publicOrigin ?? url} (development mode, ${where}); WeChat simulator on ${simulator.publicOrigin}`,
  );
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      Promise.all([app.close(), simulator.close()]).then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

function originWithPort(origin: string, port: number): string {
  const url = new URL(origin);
  url.port = String(port);
  return url.origin;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
