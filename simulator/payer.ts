// What the payer does in the WeChat Pay sheet, and the notification that follows a payment (subject to the
// notification faults: dropped, delivered twice, or held back).
import { payerTotal, newTransactionId, transactionView, type Transaction } from './transactions';
import { deliver } from './deliver';
import type { SimulatorState } from './state';

export type SheetOutcome = 'pay' | 'cancel' | 'fail';
export type SheetResult = 'paid' | 'cancelled' | 'failed' | 'closed' | 'unknown';

export function findByPrepayId(sim: SimulatorState, prepayId: string): Transaction | undefined {
  for (const t of sim.transactions.values()) if (t.prepayId === prepayId) return t;
  return undefined;
}

/**
 * The payer's choice for a prepay id. Paying an order that is closed or past its time_expire fails. With no
 * notification delay it returns after the first notification attempt.
 */
export async function decide(
  sim: SimulatorState,
  prepayId: string,
  outcome: SheetOutcome,
): Promise<SheetResult> {
  const t = findByPrepayId(sim, prepayId);
  if (!t) return 'unknown';
  if (outcome === 'cancel') return 'cancelled';
  if (outcome === 'fail') return 'failed';
  if (t.state === 'SUCCESS') return 'paid';
  if (t.state !== 'NOTPAY' || (t.expiresAt !== undefined && sim.clock() >= t.expiresAt)) return 'closed';
  const { payerTotal: cny, rate } = payerTotal(t.total, t.currency);
  Object.assign(t, {
    state: 'SUCCESS',
    transactionId: newTransactionId(),
    successTime: sim.clock(),
    payerTotal: cny,
    rate,
  });
  await notifyPayment(sim, t);
  return 'paid';
}

/**
 * Sends a paid transaction's notification again now, with its id (what WeChat Pay's retries look like); returns the
 * merchant's answer (0: none), or undefined when the order is unknown or unpaid.
 */
export async function resend(
  sim: SimulatorState,
  mchid: string,
  outTradeNo: string,
): Promise<number | undefined> {
  const t = sim.transactions.get(`${mchid}:${outTradeNo}`);
  if (!t || (t.state !== 'SUCCESS' && t.state !== 'REFUND')) return undefined;
  return (await notifyPayment(sim, t, false)) ?? 0;
}

/** The merchant's answer to the first attempt, when it was made at once. */
async function notifyPayment(
  sim: SimulatorState,
  t: Transaction,
  faulty = true,
): Promise<number | undefined> {
  const merchant = sim.merchants.get(t.mchid)!;
  const options = {
    url: t.notifyUrl,
    eventType: 'TRANSACTION.SUCCESS',
    summary: '支付成功',
    originalType: 'transaction' as const,
    resource: { ...transactionView(t), ...(t.region === 'global' && { id: t.transactionId }) },
    apiV3Key: merchant.apiV3Key,
    id: t.notificationId,
  };
  const sent = await deliver(sim, options, faulty ? sim.notifyDelayMs : 0, faulty);
  t.notificationId = sent?.id ?? t.notificationId;
  return sent?.status;
}
