// api.weixin.qq.com as the server uses it: code2Session (a code works once; the faults queue can make WeChat answer
// 40029 invalid code, 45011 rate limit, 40226 risky user or -1 busy) and the stable access token. Answers are
// WeChat's {errcode, errmsg} shapes with HTTP 200, as WeChat answers.
import { randomBytes } from 'crypto';
import type { FastifyInstance } from 'fastify';
import { openidOf, personOfCode } from './people';
import type { SimulatorState } from './state';

const TOKEN_TTL_S = 7200;
const ERRMSG: Record<number, string> = {
  40029: 'invalid code',
  40163: 'code been used',
  45011: 'api minute-quota reach limit mustslower retry next minute',
  40226: 'invalid user, high risk user',
  [-1]: 'system error',
  40013: 'invalid appid',
  40125: 'invalid appsecret',
  40001: 'invalid credential, access_token is invalid or not latest',
  42001: 'access_token expired',
  47001: 'data format error',
  47003: 'argument invalid! data.thing1.value exceeds length limit',
  40037: 'invalid template_id',
  43101: 'user refuse to accept the msg',
  10060001: '支付单不存在',
  10060004: '支付单处于不可发货的状态',
};

const error = (errcode: number) => ({ errcode, errmsg: ERRMSG[errcode] ?? 'error' });

export function registerApi(app: FastifyInstance, sim: SimulatorState): void {
  app.get<{ Querystring: Record<string, string | undefined> }>('/sns/jscode2session', async (request) => {
    const { appid = '', secret, js_code: code, grant_type: grant } = request.query;
    if (sim.apps.get(appid) === undefined) return error(40013);
    if (sim.apps.get(appid) !== secret) return error(40125);
    const fault = sim.faults.nextLogin();
    if (fault !== undefined) return error(fault);
    if (grant !== 'authorization_code' || !code) return error(40029);
    if (sim.usedCodes.has(code)) return error(40163);
    sim.usedCodes.add(code);
    return { openid: openidOf(appid, personOfCode(code)), session_key: randomBytes(16).toString('base64') };
  });

  app.post<{ Querystring: { access_token?: string } }>('/cgi-bin/message/subscribe/send', async (request) => {
    const appid = appOfToken(sim, request.query.access_token);
    if (typeof appid === 'number') return error(appid);
    const body = parse(request.body);
    const keys = sim.templates.get(String(body.template_id));
    if (!keys) return error(40037);
    const data = body.data as Record<string, { value?: unknown }> | undefined;
    const complete =
      typeof body.touser === 'string' &&
      data !== undefined &&
      keys.every((key) => typeof data[key]?.value === 'string') &&
      Object.keys(data).every(
        (key) =>
          keys.includes(key) && (!key.startsWith('thing') || [...String(data[key]!.value)].length <= 20),
      );
    if (!complete) return error(47003);
    const fault = sim.faults.subscribe.shift();
    if (fault !== undefined) return error(fault);
    sim.messages.push({
      touser: String(body.touser),
      templateId: String(body.template_id),
      data: data as Record<string, { value: string }>,
    });
    return { errcode: 0, errmsg: 'ok' };
  });

  // Shipping of a paid order (virtual goods: logistics_type 3, one shipping_list entry, no tracking number).
  app.post<{ Querystring: { access_token?: string } }>(
    '/wxa/sec/order/upload_shipping_info',
    async (request) => {
      const appid = appOfToken(sim, request.query.access_token);
      if (typeof appid === 'number') return error(appid);
      const body = parse(request.body);
      const key = body.order_key as
        { order_number_type?: number; mchid?: string; out_trade_no?: string } | undefined;
      const list = body.shipping_list as Array<{ item_desc?: unknown }> | undefined;
      const openid = (body.payer as { openid?: unknown } | undefined)?.openid;
      const wellFormed =
        key?.order_number_type === 1 &&
        body.logistics_type === 3 &&
        body.delivery_mode === 1 &&
        Array.isArray(list) &&
        list.length === 1 &&
        typeof list[0]?.item_desc === 'string' &&
        typeof body.upload_time === 'string' &&
        typeof openid === 'string';
      if (!wellFormed) return error(47001);
      const paid = sim.transactions.get(`${key.mchid}:${key.out_trade_no}`);
      if (!paid || paid.appid !== appid || paid.openid !== openid) return error(10060001);
      if (paid.state !== 'SUCCESS') return error(10060004);
      sim.shipments.push({
        mchid: String(key.mchid),
        outTradeNo: String(key.out_trade_no),
        itemDesc: String(list[0]!.item_desc),
      });
      return { errcode: 0, errmsg: 'ok' };
    },
  );

  app.post('/cgi-bin/stable_token', async (request) => {
    const body = parse(request.body);
    const appid = String(body.appid ?? '');
    if (body.grant_type !== 'client_credential') return error(40002);
    if (sim.apps.get(appid) === undefined) return error(40013);
    if (sim.apps.get(appid) !== body.secret) return error(40125);
    const now = sim.clock();
    const current = [...sim.tokens].find(([, t]) => t.appid === appid && t.expiresAt > now);
    if (current && body.force_refresh !== true) {
      return { access_token: current[0], expires_in: Math.floor((current[1].expiresAt - now) / 1000) };
    }
    const token = randomBytes(24).toString('base64url');
    sim.tokens.set(token, { appid, expiresAt: now + TOKEN_TTL_S * 1000 });
    return { access_token: token, expires_in: TOKEN_TTL_S };
  });
}

/** The access token of a live call, or the errcode to answer with. */
function appOfToken(sim: SimulatorState, token: string | undefined): string | number {
  const entry = token === undefined ? undefined : sim.tokens.get(token);
  if (!entry) return 40001;
  return entry.expiresAt > sim.clock() ? entry.appid : 42001;
}

function parse(body: unknown): Record<string, unknown> {
  try {
    const value: unknown = typeof body === 'string' ? JSON.parse(body) : undefined;
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
