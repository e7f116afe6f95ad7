// WeChat Pay refunds on both hosts: domestic `/v3/refund/domestic/refunds`, Global `/v3/global/refunds`. A refund
// of a paid transaction is PROCESSING, then SUCCESS after the simulator's refund delay (with no delay it is SUCCESS
// in the answer already, as WeChat Pay answers some refunds), and its REFUND.SUCCESS notification goes to the
// refund's notify_url (subject to the notification faults). The same out_refund_no again is the same refund.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { rfc3339 } from '../server/wechat/rfc3339';
import { deliver } from './deliver';
import type { Merchant, SimulatorState } from './state';
import { newRefundId, refundView, type Refund } from './transactions';

type Body = Record<string, unknown>;

export function registerRefunds(app: FastifyInstance, sim: SimulatorState): void {
  app.post('/v3/refund/domestic/refunds', (request, reply) => create(sim, 'domestic', request, reply));
  app.post('/v3/global/refunds', (request, reply) => create(sim, 'global', request, reply));
  app.get<{ Params: { no: string } }>('/v3/refund/domestic/refunds/:no', (request, reply) =>
    query(sim, 'domestic', request.merchant!, request.params.no, reply),
  );
  app.get<{ Params: { no: string } }>('/v3/global/refunds/out-refund-no/:no', (request, reply) =>
    query(sim, 'global', request.merchant!, request.params.no, reply),
  );
}

function query(
  sim: SimulatorState,
  region: Merchant['region'],
  merchant: Merchant,
  no: string,
  reply: FastifyReply,
) {
  const refund = sim.refunds.get(`${merchant.mchid}:${no}`);
  if (!refund || merchant.region !== region) {
    return sim.answer(reply, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' });
  }
  return sim.answer(reply, 200, refundView(refund));
}

function create(
  sim: SimulatorState,
  region: Merchant['region'],
  request: FastifyRequest,
  reply: FastifyReply,
) {
  const merchant = request.merchant!;
  if (merchant.region !== region) return sim.answer(reply, 400, { code: 'NO_AUTH', message: '商户无权限' });
  let body: Body;
  try {
    body = JSON.parse(String(request.body)) as Body;
  } catch {
    return sim.answer(reply, 400, { code: 'PARAM_ERROR', message: '请求体不是 JSON 对象' });
  }
  const { out_trade_no, out_refund_no, notify_url } = body;
  const amount = body.amount as { refund?: unknown; total?: unknown; currency?: unknown } | undefined;
  if (region === 'global' && body.mchid !== merchant.mchid) {
    return sim.answer(reply, 400, { code: 'PARAM_ERROR', message: 'mchid 与请求签名的商户号不一致' });
  }
  if (typeof out_refund_no !== 'string' || !/^[0-9A-Za-z_\-|*@]{1,64}$/.test(out_refund_no)) {
    return sim.answer(reply, 400, { code: 'PARAM_ERROR', message: 'out_refund_no 格式错误' });
  }
  const existing = sim.refunds.get(`${merchant.mchid}:${out_refund_no}`);
  if (existing) return sim.answer(reply, 200, refundView(existing));
  const paid = sim.transactions.get(`${merchant.mchid}:${String(out_trade_no)}`);
  if (!paid) return sim.answer(reply, 404, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' });
  if (paid.state !== 'SUCCESS' && paid.state !== 'REFUND') {
    return sim.answer(reply, 403, { code: 'TRADE_STATE_ERROR', message: '订单状态不正确' });
  }
  const refunded = [...sim.refunds.values()]
    .filter((r) => r.mchid === merchant.mchid && r.outTradeNo === paid.outTradeNo)
    .reduce((sum, r) => sum + r.refund, 0);
  const refund = amount?.refund;
  if (
    !Number.isInteger(refund) ||
    (refund as number) < 1 ||
    amount?.total !== paid.total ||
    amount.currency !== paid.currency ||
    refunded + (refund as number) > paid.total
  ) {
    return sim.answer(reply, 400, { code: 'INVALID_REQUEST', message: '退款金额与订单不符' });
  }
  if (typeof notify_url !== 'string' || !/^https?:\/\/[^?]+$/.test(notify_url)) {
    return sim.answer(reply, 400, { code: 'PARAM_ERROR', message: 'notify_url 须为不带参数的 URL' });
  }
  const created: Refund = {
    region,
    mchid: merchant.mchid,
    outTradeNo: paid.outTradeNo,
    transactionId: paid.transactionId!,
    outRefundNo: out_refund_no,
    refundId: newRefundId(),
    refund: refund as number,
    total: paid.total,
    currency: paid.currency,
    notifyUrl: notify_url,
    status: 'PROCESSING',
    createdAt: sim.clock(),
  };
  sim.refunds.set(`${merchant.mchid}:${out_refund_no}`, created);
  paid.state = 'REFUND';
  if (sim.refundDelayMs === 0) succeed(sim, created);
  sim.later(sim.refundDelayMs, async () => {
    succeed(sim, created);
    await notifyRefund(sim, merchant, created);
  });
  return sim.answer(reply, 200, refundView(created));
}

function succeed(sim: SimulatorState, refund: Refund): void {
  if (refund.status === 'SUCCESS') return;
  refund.status = 'SUCCESS';
  refund.successAt = sim.clock();
}

/** WeChat Pay's notification that a refund went through. */
async function notifyRefund(sim: SimulatorState, merchant: Merchant, refund: Refund): Promise<void> {
  const resource = {
    mchid: refund.mchid,
    out_trade_no: refund.outTradeNo,
    transaction_id: refund.transactionId,
    out_refund_no: refund.outRefundNo,
    refund_id: refund.refundId,
    refund_status: 'SUCCESS',
    success_time: rfc3339(refund.successAt!),
    amount: { total: refund.total, refund: refund.refund, currency: refund.currency },
  };
  const options = {
    url: refund.notifyUrl,
    eventType: 'REFUND.SUCCESS',
    summary: '退款成功',
    originalType: 'refund' as const,
    resource,
    apiV3Key: merchant.apiV3Key,
    id: refund.notificationId,
  };
  refund.notificationId = (await deliver(sim, options, 0))?.id ?? refund.notificationId;
}
