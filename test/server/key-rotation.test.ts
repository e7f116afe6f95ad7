// WeChat Pay rotates its key. A server that knows only the old key refuses what the new key signs — answers (the
// payment answers 503; asking again later pays the same WeChat Pay order) and notifications (WeChat Pay keeps
// resending them) — and works again once its configuration lists the new key beside the old one (README).
import { WeChatPayClient } from '../../server/wechat/pay-client';
import { NOTIFY_PATH } from '../../server/wechat/pay-config';
import { buildNotification } from '../../simulator/notifier';
import { Clock, orderBody, shopper } from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now });

test('a rotated key is refused until it is configured, then both keys work', async () => {
  const alice = await shopper(server, 'alice');
  const order = (await alice.createOrder(orderBody([{ quantity: 1 }]))).body;
  const config = server.app.wayfarer.deps.pay!.config;
  const rotated = await fetch(`${server.sim.origin}/sim/rotate-key`, { method: 'POST' });
  const { serial } = (await rotated.json()) as { serial: string };
  expect(Object.keys(config.platformKeys)).not.toContain(serial);

  const refused = await alice.post<Schemas['Error']>(`/v1/orders/${order.id}/payment`);
  expect([refused.status, refused.body.code]).toEqual([503, 'PAYMENT_UNAVAILABLE']);
  const merchant = server.sim.merchants.get(server.mchid)!;
  const notification = buildNotification(
    server.sim.signingKeys,
    {
      eventType: 'TRANSACTION.SUCCESS',
      summary: '支付成功',
      originalType: 'transaction',
      resource: { out_trade_no: order.id, trade_state: 'SUCCESS', transaction_id: '4200000000000000009' },
      apiV3Key: merchant.apiV3Key,
    },
    'EV-rotated',
    clock.ms,
  );
  const sent = await fetch(server.baseUrl + NOTIFY_PATH, {
    method: 'POST',
    body: notification.body,
    headers: notification.headers,
  });
  expect(sent.status).toBe(401);
  expect((await alice.get<Schemas['Order']>(`/v1/orders/${order.id}`)).body.status).toBe('PENDING_PAYMENT');

  // The operator adds the new key (keeping the old one): WeChat Pay's answers verify again.
  const newKey = server.sim.signingKeys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const updated = new WeChatPayClient({
    ...config,
    platformKeys: { ...config.platformKeys, [serial]: newKey },
  });
  const held = await updated.query(order.id);
  // The refused prepay did reach WeChat Pay; its answer now verifies.
  expect([held?.outTradeNo, held?.state, held?.total]).toEqual([order.id, 'NOTPAY', order.total.amount]);
});
