// What each job does. A job may call WeChat Pay, so it runs outside the worker's claim and opens its own
// transactions; every handler is idempotent, so a job run twice (a crash after its effects, before its deletion)
// changes nothing the second time.
import { addDays, instantOf } from '../../miniprogram/domain/time';
import type { Deps } from '../context';
import { findOrder } from '../orders/records';
import { settle } from '../orders/lifecycle';
import { payClient, reconcile } from '../payments/payments';
import { pushRefund } from '../payments/refunds';
import { uploadShipping } from '../payments/shipping';
import { sendReminder } from '../reminders/reminders';
import { expireTickets } from '../tickets/tickets';
import { inTransaction } from '../work';
import { schedule, type JobKind } from './queue';

/** Nothing more to do, or the epoch ms at which to run again. */
export type JobResult = void | { again: number };
export type JobHandler = (deps: Deps, key: string) => Promise<JobResult>;

const readOrder = (deps: Deps, orderId: string) => deps.db.transaction((tx) => findOrder(tx, orderId));

/** Applies what time has done to an order (expiry, refund completion) under its lock. */
const settleOrder = (deps: Deps, orderId: string) =>
  inTransaction(deps, async (w) => {
    const order = await findOrder(w.tx, orderId, true);
    if (order) await settle(w, order);
  });

export const JOBS: Record<JobKind, JobHandler> = {
  /**
   * At expiry: an order WeChat Pay has is closed there first; if the payer was faster (its notification is late)
   * the payment is applied, else the order expires and its places and coupon go back.
   */
  'order.expire': async (deps, orderId) => {
    const order = await readOrder(deps, orderId);
    if (!order) return;
    const open = order.status === 'PENDING_PAYMENT' || order.status === 'EXPIRED';
    if (open && order.prepay && deps.pay) {
      const closed = await payClient(deps).close(orderId);
      if (closed === 'paid' && (await reconcile(deps, orderId))) return;
    }
    await settleOrder(deps, orderId);
  },
  /** No notification yet for a prepaid order: ask WeChat Pay, again and again until the order's expiry. */
  'payment.check': async (deps, orderId) => {
    const order = await readOrder(deps, orderId);
    if (!order || order.status !== 'PENDING_PAYMENT' || !deps.pay) return;
    if (await reconcile(deps, orderId)) return;
    const next = deps.now() + deps.options.paymentCheckMs;
    return next < order.expiresAt ? { again: next } : undefined;
  },
  /** The refund a REFUNDING order owes: asked for, then followed until WeChat Pay says how it ended. */
  'refund.request': async (deps, orderId) => {
    if (!deps.pay || (await pushRefund(deps, orderId))) return;
    return { again: deps.now() + deps.options.paymentCheckMs };
  },
  'shipping.upload': async (deps, orderId) => {
    await uploadShipping(deps, orderId);
  },
  'reminder.send': (deps, orderId) => sendReminder(deps, orderId),
  /** Once a destination day: tickets past their day stop being valid; then the next day's run is scheduled. */
  'expire.day': async (deps) =>
    inTransaction(deps, async (w) => {
      await expireTickets(w.tx, w.today);
      await w.tx.query(
        `UPDATE coupons SET status = 'expired' WHERE status = 'unused' AND reserved_by IS NULL
         AND (terms->>'validUntil') < $1`,
        [w.today],
      );
      const tomorrow = addDays(w.today, 1);
      await schedule(w.tx, 'expire.day', tomorrow, instantOf(tomorrow, '00:00', w.seed.destination.timeZone));
    }),
};
