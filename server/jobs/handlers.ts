// What each job does. A job runs in the transaction that deletes it, so its effects happen exactly once.
import { addDays, instantOf } from '../../miniprogram/domain/time';
import { findOrder } from '../orders/records';
import { markPaid, settle } from '../orders/lifecycle';
import { applyNotification, sandboxPaid } from '../payments/payments';
import { expireTickets } from '../tickets/tickets';
import type { Work } from '../work';
import { schedule, type JobKind } from './queue';

export type JobHandler = (w: Work, key: string) => Promise<void>;

export const JOBS: Record<JobKind, JobHandler> = {
  /** At expiry: if the provider says the order was paid (its notification is late), it is paid; else expired. */
  'order.expire': async (w, orderId) => {
    const order = await findOrder(w.tx, orderId, true);
    if (!order) return;
    if (order.status === 'PENDING_PAYMENT' && (await sandboxPaid(w, orderId))) await markPaid(w, order);
    else await settle(w, order);
  },
  'payment.notify': async (w, orderId) => {
    await applyNotification(w, orderId, `sandbox-${orderId}`);
  },
  'refund.complete': async (w, orderId) => {
    const order = await findOrder(w.tx, orderId, true);
    if (order) await settle(w, order);
  },
  /** Once a destination day: tickets past their day stop being valid; then the next day's run is scheduled. */
  'expire.day': async (w) => {
    await expireTickets(w.tx, w.today);
    await w.tx.query(
      `UPDATE coupons SET status = 'expired' WHERE status = 'unused' AND reserved_by IS NULL
       AND (terms->>'validUntil') < $1`,
      [w.today],
    );
    const tomorrow = addDays(w.today, 1);
    await schedule(w.tx, 'expire.day', tomorrow, instantOf(tomorrow, '00:00', w.seed.destination.timeZone));
  },
};
