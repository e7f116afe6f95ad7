// The visit-day reminder: a user who accepted the subscription (wx.requestSubscribeMessage) for a paid ticket order
// gets one subscribe message the day before the visit, at the configured hour in the destination's time zone.
// The due instant is computed from the destination's calendar, so a daylight-saving change between now and the
// visit moves it with the clocks there.
import { addDays, instantOf } from '../../miniprogram/domain/time';
import type { components } from '../../typings/api';
import type { Deps } from '../context';
import { ApiError } from '../core/errors';
import { schedule } from '../jobs/queue';
import { userOrder } from '../orders/lifecycle';
import { findOrder, type OrderRecord } from '../orders/records';
import { WeChatApiError } from '../wechat/api-client';
import type { ReminderConfig, ReminderValue } from '../wechat/reminder-config';
import { inTransaction, type Work } from '../work';

/** WeChat's errcode when the user's one-time subscription is used up or was withdrawn: nothing to retry. */
const SUBSCRIPTION_GONE = 43101;

const visitDateOf = (order: OrderRecord): string => order.items.map((item) => item.date).sort()[0]!;

const unavailable = (why: string) => new ApiError(409, 'REMINDER_NOT_AVAILABLE', why);

export function remindVisit(
  deps: Deps,
  userId: string,
  orderId: string,
): Promise<components['schemas']['Reminder']> {
  const config = deps.reminder;
  if (!config) return Promise.reject(unavailable('This server sends no reminders.'));
  return inTransaction(deps, async (w) => {
    const order = await userOrder(w, userId, orderId);
    if (order.kind !== 'tickets' || order.status !== 'FULFILLED')
      throw unavailable(`Order ${orderId} is not a paid ticket order.`);
    const visit = visitDateOf(order);
    if (visit <= w.today) throw unavailable(`The visit of order ${orderId} is not after today.`);
    const hour = `${String(config.hour).padStart(2, '0')}:00`;
    const due = Math.max(w.now, instantOf(addDays(visit, -1), hour, w.seed.destination.timeZone));
    const [row] = await w.tx.query<{ send_at: Date }>(
      `INSERT INTO reminders (order_id, template_id, send_at) VALUES ($1, $2, $3)
       ON CONFLICT (order_id) DO UPDATE SET order_id = EXCLUDED.order_id RETURNING send_at`,
      [orderId, config.templateId, new Date(due)],
    );
    await schedule(w.tx, 'reminder.send', orderId, row!.send_at.getTime());
    return { orderId, sendAt: row!.send_at.toISOString() };
  });
}

/** The reminder job: sends once; a refunded order's reminder is void. */
export async function sendReminder(deps: Deps, orderId: string): Promise<void> {
  const config = deps.reminder;
  const wechat = deps.wechat;
  if (!config || !wechat) return;
  const message = await inTransaction(deps, async (w) => {
    const [due] = await w.tx.query<{ template_id: string; openid: string }>(
      `SELECT r.template_id, u.openid FROM reminders r JOIN orders o ON o.id = r.order_id
       JOIN users u ON u.id = o.user_id WHERE r.order_id = $1 AND r.outcome IS NULL`,
      [orderId],
    );
    if (!due) return undefined;
    const order = await findOrder(w.tx, orderId);
    if (order?.status !== 'FULFILLED') {
      await record(w, orderId, 'void');
      return undefined;
    }
    return { touser: due.openid, template_id: due.template_id, data: fill(w, order, config) };
  });
  if (!message) return;
  let outcome: 'sent' | 'refused' = 'sent';
  try {
    await wechat.post('/cgi-bin/message/subscribe/send', {
      ...message,
      page: `packages/orders/pages/detail/index?id=${encodeURIComponent(orderId)}`,
      miniprogram_state: 'formal',
      lang: 'zh_CN',
    });
  } catch (error) {
    if (!(error instanceof WeChatApiError && error.errcode === SUBSCRIPTION_GONE)) throw error;
    outcome = 'refused';
  }
  await inTransaction(deps, (w) => record(w, orderId, outcome));
}

function record(w: Work, orderId: string, outcome: 'sent' | 'refused' | 'void') {
  return w.tx.query('UPDATE reminders SET outcome = $2, sent_at = $3 WHERE order_id = $1', [
    orderId,
    outcome,
    outcome === 'sent' ? new Date(w.now) : null,
  ]);
}

/** The template's data: each field's value, `thing` fields cut to WeChat's 20 characters. */
function fill(w: Work, order: OrderRecord, config: ReminderConfig): Record<string, { value: string }> {
  const values: Record<ReminderValue, string> = {
    product: order.items[0]!.title['zh-CN'],
    visitDate: visitDateOf(order),
    destination: w.seed.destination.name['zh-CN'],
    orderId: order.id,
  };
  return Object.fromEntries(
    Object.entries(config.fields).map(([key, what]) => [
      key,
      { value: key.startsWith('thing') ? [...values[what]].slice(0, 20).join('') : values[what] },
    ]),
  );
}
