// The server's logs while it does everything that touches a secret — logins (good and refused), payments and their
// notifications (genuine, forged, after WeChat Pay failed), refunds, shipping, reminders — written to a file and put
// through the repository's secret scanner, and searched for the very secrets this run used: none may appear.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { formatFinding, scanSecretsInDir } from '../../scripts/lib/secrets';
import { NOTIFY_PATH } from '../../server/wechat/pay-config';
import { Clock, orderBody, shopper } from '../server/commerce';
import { useServer } from '../server/helpers';

const lines: string[] = [];
const clock = new Clock();
const server = useServer({
  now: clock.now,
  logger: {
    level: 'debug',
    stream: new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString('utf8'));
        done();
      },
    }),
  },
});

test('no log line holds the AppSecret, a private key, the APIv3 key or a session_key', async () => {
  server.sim.faults.login.push(40029);
  expect((await server.api('/v1/auth/session', { body: { code: 'user-refused-1' } })).status).toBe(401);
  const alice = await shopper(server, 'alice');
  const order = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
  server.sim.faults.api.push({ fault: '5xx', on: '/jsapi' });
  expect((await alice.post(`/v1/orders/${order.id}/payment`)).status).toBe(503);
  expect(await alice.pay(order.id)).toBe('paid');
  await alice.post(`/v1/orders/${order.id}/reminder`);
  const forged = await fetch(server.baseUrl + NOTIFY_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'wechatpay-signature': 'forged' },
    body: '{"id":"EV-forged"}',
  });
  expect(forged.status).toBe(401);
  expect((await alice.post(`/v1/orders/${order.id}/refund`, { reason: 'plans changed' })).status).toBe(200);

  const log = lines.join('');
  expect(log).toContain('WeChat Pay notification refused');
  const merchant = server.sim.merchants.get(server.mchid)!;
  const secrets = [
    merchant.apiV3Key,
    ...server.sim.apps.values(),
    'session_key',
    'PRIVATE KEY',
    String(server.app.wayfarer.deps.pay?.config.merchantPrivateKey.split('\n')[1]),
  ];
  for (const secret of secrets) expect(log.includes(secret) ? secret : '').toBe('');

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wayfarer-logs-'));
  try {
    fs.writeFileSync(path.join(dir, 'server.log'), log);
    expect(scanSecretsInDir(dir).map(formatFinding)).toEqual([]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
