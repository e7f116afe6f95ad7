// Refunds through WeChat Pay: the refund a REFUNDING order owes is asked for (once per out_refund_no: asking again
// is the same refund), then followed until WeChat Pay says it went through — by its notification or, when none
// comes, by asking — and the order is REFUNDED. A refund WeChat Pay will not make (refused, ABNORMAL, CLOSED) is
// recorded and left for the DMO's staff; the order stays REFUNDING.
import type { Deps } from '../context';
import { lockedOrder, markRefunded } from '../orders/lifecycle';
import type { PayRefund } from '../wechat/pay-client';
import { PayRefused } from '../wechat/pay-types';
import { inTransaction, type Work } from '../work';
import { payClient } from './payments';

// A type, not an interface: rows must be indexable.
type Owed = {
  id: string;
  order_id: string;
  amount: string;
  currency: string;
  reason: string;
  refund_id: string | null;
};

/** Asks WeChat Pay about the order's refund (or for it, the first time). True when it is settled either way. */
export async function pushRefund(deps: Deps, orderId: string): Promise<boolean> {
  const pay = payClient(deps);
  const [owed] = await deps.db.query<Owed>(
    `SELECT id, order_id, amount, currency, reason, refund_id FROM refunds WHERE order_id = $1 AND status = 'PROCESSING'`,
    [orderId],
  );
  if (!owed) return true;
  let answer: PayRefund | undefined;
  try {
    answer =
      (owed.refund_id !== null ? await pay.queryRefund(owed.id) : undefined) ??
      (await pay.refund({
        outTradeNo: owed.order_id,
        outRefundNo: owed.id,
        reason: owed.reason,
        amount: Number(owed.amount),
        currency: owed.currency,
      }));
  } catch (error) {
    if (!(error instanceof PayRefused)) throw error;
    answer = { outRefundNo: owed.id, status: 'ABNORMAL' };
  }
  const settled = answer;
  await inTransaction(deps, (w) => applyRefund(w, settled));
  return answer.status !== 'PROCESSING';
}

/**
 * Asks WeChat Pay for a refund that was just started, without making the caller wait on a failure: the
 * `refund.request` job asks again (woken now) until WeChat Pay answers.
 */
export async function pushRefundNow(deps: Deps, orderId: string): Promise<void> {
  if (!deps.pay) return;
  await pushRefund(deps, orderId).catch(() => deps.wake(0));
}

/** What WeChat Pay says of a refund, applied once: SUCCESS makes the order REFUNDED. */
export async function applyRefund(w: Work, refund: PayRefund): Promise<void> {
  const [row] = await w.tx.query<{ order_id: string; status: string }>(
    'SELECT order_id, status FROM refunds WHERE id = $1 FOR UPDATE',
    [refund.outRefundNo],
  );
  if (!row || row.status !== 'PROCESSING') return;
  await w.tx.query(
    `UPDATE refunds SET status = $2, refund_id = COALESCE($3, refund_id),
       completed_at = CASE WHEN $2 = 'SUCCESS' THEN $4 ELSE completed_at END WHERE id = $1`,
    [refund.outRefundNo, refund.status, refund.refundId ?? null, new Date(w.now)],
  );
  if (refund.status === 'SUCCESS') await markRefunded(w, await lockedOrder(w, row.order_id));
}
