// WeChat Pay API v3's JSAPI transactions on both hosts: domestic (`/v3/pay/transactions`, CNY only) and Global
// (`/v3/global/transactions`, the merchant's currency). A merchant of one region calling the other's endpoints is
// refused as WeChat Pay refuses it. Every /v3/ request must carry a valid merchant signature (401 SIGN_ERROR).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Merchant, SimulatorState } from './state';
import { knownCurrency, newPrepayId, transactionView, type Region, type Transaction } from './transactions';

const OUT_TRADE_NO = /^[0-9A-Za-z_\-|*]{6,32}$/;
const PREFIX: Record<Region, string> = {
  domestic: '/v3/pay/transactions',
  global: '/v3/global/transactions',
};

type Body = Record<string, unknown>;

export function registerPay(app: FastifyInstance, sim: SimulatorState): void {
  const hanging = new Set<() => void>();
  app.addHook('onClose', async () => hanging.forEach((release) => release()));

  app.addHook('preHandler', async (request, reply) => {
    if (!request.url.startsWith('/v3/')) return;
    const fault = sim.faults.nextApi(request.url);
    if (fault === 'timeout') {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, sim.hangMs);
        hanging.add(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    if (fault !== undefined) return sim.answer(reply, 500, { code: 'SYSTEM_ERROR', message: '系统错误' });
    const merchant = sim.authenticate(request);
    if (!merchant) return sim.answer(reply, 401, { code: 'SIGN_ERROR', message: '签名错误' });
    request.merchant = merchant;
  });

  for (const region of ['domestic', 'global'] as const) {
    const prefix = PREFIX[region];
    app.post(`${prefix}/jsapi`, (request, reply) => jsapi(sim, region, request, reply));
    app.get<{ Params: { no: string }; Querystring: { mchid?: string } }>(
      `${prefix}/out-trade-no/:no`,
      (request, reply) => {
        const t = owned(sim, region, request, reply, request.params.no, request.query.mchid);
        return t && sim.answer(reply, 200, transactionView(t));
      },
    );
    app.post<{ Params: { no: string } }>(`${prefix}/out-trade-no/:no/close`, (request, reply) => {
      const body = parse(request);
      const t = owned(sim, region, request, reply, request.params.no, body?.mchid);
      if (!t) return;
      if (t.state === 'SUCCESS' || t.state === 'REFUND') {
        return sim.answer(reply, 400, { code: 'ORDERPAID', message: '订单已支付' });
      }
      t.state = 'CLOSED';
      return sim.answer(reply, 204);
    });
  }
}

declare module 'fastify' {
  interface FastifyRequest {
    merchant?: Merchant;
  }
}

function parse(request: FastifyRequest): Body | undefined {
  if (typeof request.body !== 'string' || request.body === '') return undefined;
  try {
    const value: unknown = JSON.parse(request.body);
    return typeof value === 'object' && value !== null ? (value as Body) : undefined;
  } catch {
    return undefined;
  }
}

const invalid = (sim: SimulatorState, reply: FastifyReply, message: string) =>
  sim.answer(reply, 400, { code: 'PARAM_ERROR', message });

/** The merchant's own transaction of this region, or undefined after answering why not. */
function owned(
  sim: SimulatorState,
  region: Region,
  request: FastifyRequest,
  reply: FastifyReply,
  outTradeNo: string,
  mchid: unknown,
): Transaction | undefined {
  const merchant = request.merchant!;
  if (!regionAllowed(sim, merchant, region, reply)) return undefined;
  if (mchid !== merchant.mchid) {
    void sim.answer(reply, 400, { code: 'PARAM_ERROR', message: 'mchid 与请求签名的商户号不一致' });
    return undefined;
  }
  const t = sim.transactions.get(`${merchant.mchid}:${outTradeNo}`);
  if (!t) void sim.answer(reply, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' });
  return t;
}

function regionAllowed(
  sim: SimulatorState,
  merchant: Merchant,
  region: Region,
  reply: FastifyReply,
): boolean {
  if (merchant.region === region) return true;
  void sim.answer(reply, 400, {
    code: region === 'domestic' ? 'INVALID_REQUEST' : 'NO_AUTH',
    message: region === 'domestic' ? '暂不支持境外支付' : '商户无权限',
  });
  return false;
}

function jsapi(sim: SimulatorState, region: Region, request: FastifyRequest, reply: FastifyReply) {
  const merchant = request.merchant!;
  if (!regionAllowed(sim, merchant, region, reply)) return;
  const body = parse(request);
  if (!body) return invalid(sim, reply, '请求体不是 JSON 对象');
  const { appid, mchid, description, out_trade_no, notify_url, time_expire } = body;
  const amount = body.amount as { total?: unknown; currency?: unknown } | undefined;
  const payer = body.payer as { openid?: unknown } | undefined;
  if (mchid !== merchant.mchid) return invalid(sim, reply, 'mchid 与请求签名的商户号不一致');
  if (appid !== merchant.appid) return invalid(sim, reply, 'appid 与 mchid 不匹配');
  if (typeof description !== 'string' || description.length < 1 || description.length > 127)
    return invalid(sim, reply, 'description 长度须为 1-127');
  if (typeof out_trade_no !== 'string' || !OUT_TRADE_NO.test(out_trade_no))
    return invalid(sim, reply, 'out_trade_no 格式错误');
  if (typeof notify_url !== 'string' || !/^https?:\/\/[^?]+$/.test(notify_url))
    return invalid(sim, reply, 'notify_url 须为不带参数的 URL');
  const total = amount?.total;
  const currency = amount?.currency ?? 'CNY';
  if (!Number.isInteger(total) || (total as number) < 1)
    return invalid(sim, reply, 'amount.total 须为正整数');
  if (
    typeof currency !== 'string' ||
    !knownCurrency(currency) ||
    (region === 'domestic' && currency !== 'CNY')
  )
    return invalid(sim, reply, `不支持的币种 ${String(currency)}`);
  if (region === 'global' && body.trade_type !== 'JSAPI') return invalid(sim, reply, 'trade_type 须为 JSAPI');
  if (typeof payer?.openid !== 'string' || payer.openid === '')
    return invalid(sim, reply, 'payer.openid 缺失');
  const expiresAt = time_expire === undefined ? undefined : Date.parse(String(time_expire));
  if (expiresAt !== undefined && Number.isNaN(expiresAt)) return invalid(sim, reply, 'time_expire 格式错误');

  const key = `${merchant.mchid}:${out_trade_no}`;
  const existing = sim.transactions.get(key);
  if (existing) {
    if (existing.state === 'SUCCESS' || existing.state === 'REFUND')
      return sim.answer(reply, 400, { code: 'ORDERPAID', message: '订单已支付' });
    if (existing.state === 'CLOSED')
      return sim.answer(reply, 400, { code: 'ORDER_CLOSED', message: '订单已关闭' });
    // The same order again (a payer who cancelled the sheet): allowed with the same parameters only.
    if (existing.total !== total || existing.currency !== currency || existing.openid !== payer.openid)
      return sim.answer(reply, 400, { code: 'INVALID_REQUEST', message: '201 商户订单号重复' });
    return sim.answer(reply, 200, { prepay_id: existing.prepayId });
  }
  const t: Transaction = {
    region,
    appid,
    mchid,
    outTradeNo: out_trade_no,
    description,
    notifyUrl: notify_url,
    total: total as number,
    currency,
    openid: payer.openid,
    expiresAt,
    prepayId: newPrepayId(),
    state: 'NOTPAY',
  };
  sim.transactions.set(key, t);
  return sim.answer(reply, 200, { prepay_id: t.prepayId });
}
