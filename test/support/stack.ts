// The server and the WeChat simulator it logs in and pays through, both on loopback ports: what every test over
// real HTTP runs against. The simulator's scenario clock is the server's, its notifications go out at once (a
// payment returns after the server answered its notification) and its retries are compressed.
import type { FastifyInstance } from 'fastify';
import { buildServer, type BuildServerOptions } from '../../server/app';
import { isDatabase } from '../../server/db/database';
import { NOTIFY_PATH, type PayRegion } from '../../server/wechat/pay-config';
import { DEMO_REMINDER, simulatedApp } from '../../simulator/app-account';
import { simulatedMerchant } from '../../simulator/merchant';
import { WeChatSimulator, type SimulatorOptions } from '../../simulator/simulator';

export interface StackOptions extends BuildServerOptions {
  region?: PayRegion;
  simulator?: SimulatorOptions;
}

export interface Stack {
  /** The running server (a new instance after each restart). */
  readonly app: FastifyInstance;
  origin: string;
  sim: WeChatSimulator;
  /** The merchant id the server pays as (the simulator's control routes take it). */
  mchid: string;
  /**
   * Stops the server gracefully (requests under way finish; new ones are refused until it is back) and starts a
   * new instance on the same port and database. Needs an open `database` in the options: else nothing survives.
   */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const { region, simulator, ...serverOptions } = options;
  const sim = new WeChatSimulator({
    notifyDelayMs: 0,
    refundDelayMs: 0,
    timeScale: 0.001,
    clock: serverOptions.now,
    ...simulator,
  });
  await sim.listen();
  let origin = '';
  const wechatPay = simulatedMerchant(sim, {
    region,
    notifyUrl: () => `${origin}${NOTIFY_PATH}`,
    timeoutMs: 2000,
  });
  const build = () =>
    buildServer({
      demoContent: true,
      validateResponses: true,
      wechatApi: simulatedApp(sim),
      reminder: DEMO_REMINDER,
      paymentCheckMs: 200,
      wechatPay,
      ...serverOptions,
    });
  let app = build();
  origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const port = Number(new URL(origin).port);
  return {
    get app() {
      return app;
    },
    origin,
    sim,
    mchid: wechatPay.mchid,
    restart: async () => {
      if (!isDatabase(serverOptions.database))
        throw new Error('restart needs an open database in the options');
      await app.close();
      app = build();
      await app.listen({ port, host: '127.0.0.1' });
    },
    close: async () => {
      await app.close();
      await sim.close();
    },
  };
}

/** The payer's choice in the sandbox sheet, sent where the payment parameters say; the simulator's answer. */
export async function decideAtSimulator(
  sandboxUrl: string | undefined,
  outcome: 'pay' | 'cancel' | 'fail' = 'pay',
): Promise<{ status: number; result?: string }> {
  if (!sandboxUrl) throw new Error('no sandboxUrl in the payment parameters');
  const response = await fetch(sandboxUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ outcome }),
  });
  const body = (await response.json()) as { result?: string };
  return { status: response.status, result: body.result };
}

/** WeChat Pay sends an order's payment notification again, now (a retry or a duplicate). */
export async function resendNotification(
  stack: Pick<Stack, 'sim' | 'mchid'>,
  orderId: string,
): Promise<number> {
  const response = await fetch(
    `${stack.sim.origin}/sim/notify/${stack.mchid}/${encodeURIComponent(orderId)}`,
    {
      method: 'POST',
    },
  );
  return response.status;
}
