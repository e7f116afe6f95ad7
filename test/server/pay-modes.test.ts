// WeChat Pay's other configurations, end to end through the simulator: a merchant holding a platform certificate
// (the older certificate mode) instead of the WeChat Pay public key, and a domestic merchant charging CNY.
import { Clock, orderBody, shopper } from './commerce';
import { startServer, type Schemas, type TestServer } from './helpers';

const clock = new Clock();
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function buyAndPay(s: TestServer): Promise<Schemas['Order']> {
  const alice = await shopper(s, 'alice');
  const order = (await alice.createOrder(orderBody([{ quantity: 2 }]))).body;
  expect(await alice.pay(order.id)).toBe('paid');
  return (await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body;
}

test('certificate mode: answers and notifications verify with the platform certificate', async () => {
  server = await startServer({ now: clock.now, simulator: { platformMode: 'certificate' } });
  const keys = Object.values(server.app.wayfarer.deps.pay!.config.platformKeys);
  expect(keys.every((pem) => pem.includes('BEGIN CERTIFICATE'))).toBe(true);
  const paid = await buyAndPay(server);
  expect(paid.status).toBe('FULFILLED');
});

test('a domestic merchant charges the CNY amount fixed on the order, on the domestic host', async () => {
  server = await startServer({ now: clock.now, region: 'domestic' });
  const paid = await buyAndPay(server);
  expect(paid.status).toBe('FULFILLED');
  const held = server.sim.transactions.get(`${server.mchid}:${paid.id}`)!;
  expect([held.region, held.total, held.currency]).toEqual(['domestic', paid.totalCny.amount, 'CNY']);
  expect(server.sim.calls).toContain('POST /v3/pay/transactions/jsapi');
});
