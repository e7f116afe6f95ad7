// The simulator against an implementation of WeChat Pay API v3 that no one here wrote (wechatpay-axios-plugin):
// requests the SDK signs are accepted and answers it verifies pass; a request signed with another key is refused
// with 401 SIGN_ERROR; notifications verify and decrypt with the SDK's own RSA and AES-GCM; both regions' rules.
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { Aes, Formatter, Rsa, Wechatpay } from 'wechatpay-axios-plugin';
import { newMerchantKeys } from '../../simulator/keys';
import { simulatedMerchant } from '../../simulator/merchant';
import { WeChatSimulator } from '../../simulator/simulator';
import type { WeChatPayConfig } from '../../server/wechat/pay-config';

interface Received {
  headers: Record<string, string>;
  body: string;
}

let sim: WeChatSimulator;
let receiver: Server;
let notifyUrl = '';
const received: Received[] = [];
let global: WeChatPayConfig;
let domestic: WeChatPayConfig;

beforeAll(async () => {
  sim = new WeChatSimulator({ notifyDelayMs: 0, timeScale: 0.001 });
  await sim.listen();
  receiver = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (c: Buffer) => chunks.push(c));
    request.on('end', () => {
      received.push({
        headers: Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/notify`;
  global = simulatedMerchant(sim, { region: 'global', notifyUrl: () => notifyUrl });
  domestic = simulatedMerchant(sim, { region: 'domestic', notifyUrl: () => notifyUrl });
});

afterAll(async () => {
  await sim.close();
  await new Promise((resolve) => receiver.close(resolve));
});

function sdk(config: WeChatPayConfig, privateKey = config.merchantPrivateKey): Wechatpay {
  return new Wechatpay({
    mchid: config.mchid,
    serial: config.merchantSerial,
    privateKey,
    certs: config.platformKeys,
    baseURL: `${sim.origin}/`,
  });
}

/** The SDK types an answer as its request body; the prepay answer is {prepay_id}. */
const prepayId = (data: unknown): string => (data as { prepay_id: string }).prepay_id;

const order = (config: WeChatPayConfig, outTradeNo: string, currency: string) => ({
  appid: config.appid,
  mchid: config.mchid,
  description: 'Auckland-门票',
  out_trade_no: outTradeNo,
  notify_url: notifyUrl,
  amount: { total: 4900, currency },
  payer: { openid: 'o-fidelity' },
  ...(config.region === 'global' && { trade_type: 'JSAPI', merchant_category_code: '4722' }),
});

describe('requests signed by wechatpay-axios-plugin', () => {
  it('are accepted, and the simulator answers with signatures the SDK verifies (Global)', async () => {
    const client = sdk(global);
    const prepay = await client
      .chain('v3/global/transactions/jsapi')
      .post(order(global, 'fid_global_1', 'NZD'));
    expect(prepay.status).toBe(200);
    expect(prepayId(prepay.data)).toMatch(/^wx[0-9a-f]+$/);
    const query = await client
      .chain('v3/global/transactions/out-trade-no/{out_trade_no}')
      .get({ out_trade_no: 'fid_global_1', params: { mchid: global.mchid } });
    expect(query.data).toMatchObject({ out_trade_no: 'fid_global_1', trade_state: 'NOTPAY' });
    const closed = await client
      .chain('v3/global/transactions/out-trade-no/{out_trade_no}/close')
      .post({ mchid: global.mchid }, { out_trade_no: 'fid_global_1' });
    expect(closed.status).toBe(204);
  });

  it('are accepted on the domestic host in CNY; a foreign currency there, or a Global merchant, is refused', async () => {
    const client = sdk(domestic);
    const prepay = await client
      .chain('v3/pay/transactions/jsapi')
      .post(order(domestic, 'fid_domestic_1', 'CNY'));
    expect(prepayId(prepay.data)).toMatch(/^wx/);
    await expect(
      client.chain('v3/pay/transactions/jsapi').post(order(domestic, 'fid_domestic_2', 'NZD')),
    ).rejects.toMatchObject({ response: { status: 400 } });
    const overseas = await sdk(global)
      .chain('v3/pay/transactions/jsapi')
      .post(order(global, 'fid_global_2', 'CNY'))
      .catch((error: { response: { status: number; data: unknown } }) => error.response);
    expect(overseas.status).toBe(400);
    expect(JSON.stringify(overseas.data)).toContain('暂不支持境外支付');
  });

  it('signed with a key the simulator does not know are refused with 401 SIGN_ERROR', async () => {
    const stranger = newMerchantKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const refused = await sdk(global, stranger)
      .chain('v3/global/transactions/jsapi')
      .post(order(global, 'fid_forged_1', 'NZD'))
      .catch((error: { response: { status: number; data: unknown } }) => error.response);
    expect(refused.status).toBe(401);
    expect(refused.data).toMatchObject({ code: 'SIGN_ERROR' });
    expect(sim.transactions.has(`${global.mchid}:fid_forged_1`)).toBe(false);
  });
});

describe('notifications', () => {
  it('verify with the SDK over the raw body and decrypt with the APIv3 key to the paid transaction', async () => {
    const client = sdk(global);
    const prepay = await client
      .chain('v3/global/transactions/jsapi')
      .post(order(global, 'fid_paid_1', 'NZD'));
    const answer = await fetch(`${sim.origin}/sim/pay/${prepayId(prepay.data)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ outcome: 'pay' }),
    });
    expect(await answer.json()).toEqual({ result: 'paid' });
    const notification = received.at(-1)!;
    const { headers, body } = notification;
    const publicKey = Rsa.from(global.platformKeys[headers['wechatpay-serial']!]!, Rsa.KEY_TYPE_PUBLIC);
    const message = Formatter.response(headers['wechatpay-timestamp']!, headers['wechatpay-nonce']!, body);
    expect(Rsa.verify(message, headers['wechatpay-signature']!, publicKey)).toBe(true);
    expect(Rsa.verify(`${message} `, headers['wechatpay-signature']!, publicKey)).toBe(false);
    const envelope = JSON.parse(body) as {
      event_type: string;
      resource: { ciphertext: string; nonce: string; associated_data: string };
    };
    expect(envelope.event_type).toBe('TRANSACTION.SUCCESS');
    const { ciphertext, nonce, associated_data } = envelope.resource;
    const resource = JSON.parse(Aes.AesGcm.decrypt(ciphertext, global.apiV3Key, nonce, associated_data)) as {
      out_trade_no: string;
      trade_state: string;
      amount: { total: number; currency: string; payer_total: number; payer_currency: string };
    };
    expect(resource).toMatchObject({ out_trade_no: 'fid_paid_1', trade_state: 'SUCCESS' });
    expect(resource.amount).toMatchObject({ total: 4900, currency: 'NZD', payer_currency: 'CNY' });
    expect(resource.amount.payer_total).toBeGreaterThan(0);
    // Another APIv3 key does not open it.
    expect(() => Aes.AesGcm.decrypt(ciphertext, domestic.apiV3Key, nonce, associated_data)).toThrow();
  });
});
