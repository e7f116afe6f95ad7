// Order first, then pay; only the server's order status proves payment. Pending payments are remembered so
// an app kill between paying and confirmation is reconciled on the next launch.
import { envConfig } from '../config/env';
import { t } from '../i18n/index';
import { clock } from './clock';
import { request, type Decoder } from './http';
import type { ApiError } from './result';
import { defineKey, read, write } from './storage';

export type OrderStatus =
  'PENDING_PAYMENT' | 'PAID' | 'FULFILLED' | 'CANCELLED' | 'EXPIRED' | 'REFUNDING' | 'REFUNDED';

/** What the payment flow needs to know of an order; the api layer decodes the full shape. */
export interface PayableOrder {
  id: string;
  status: OrderStatus;
  expiresAt: string;
}

export interface PaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
  /** Develop only: where the sandbox sheet tells the WeChat simulator what the payer chose. */
  sandboxUrl?: string;
}

export type PayOutcome<O extends PayableOrder> =
  | { kind: 'paid'; order: O }
  | { kind: 'cancelled'; order?: O }
  | { kind: 'failed'; reason: 'payment' | 'expired' | 'not_payable' | 'error'; error?: ApiError }
  | { kind: 'unknown'; orderId: string };

export interface PaymentApi<O extends PayableOrder> {
  decodeOrder: Decoder<O>;
  decodeParams: Decoder<PaymentParams>;
  /**
   * Puts what a paid order bought on the phone (e.g. its tickets into the offline wallet). 'retry' when that
   * failed for a reason that may pass (the network): the payment then stays pending, and the next launch
   * delivers it again.
   */
  deliver?: (order: O) => Promise<'done' | 'retry'>;
}

interface PendingPayment {
  orderId: string;
  /** When the last payment sheet opened. */
  startedAt: number;
  /**
   * The sheet said cancel or fail: no money moved. Otherwise (ok, or the app died with the sheet up) it may
   * have, and WeChat Pay may notify the server after the order's expiry.
   */
  declined?: boolean;
}

export const pendingPaymentsKey = defineKey<PendingPayment[]>('payments.pending', 1);

/** Waits between server checks after the client reported ok; about 12 s in all before "confirming". */
export const CONFIRM_SCHEDULE_MS = [500, 1000, 1500, 2000, 3000, 4000];

/** WeChat Pay retries its notification for about a day: an order paid on the sheet may turn PAID until then. */
export const LATE_NOTIFICATION_MS = 25 * 60 * 60 * 1000;

const PAID: OrderStatus[] = ['PAID', 'FULFILLED'];

/** Records a payment sheet about to open (or what it said: `declined` after cancel or fail). */
async function remember(orderId: string, declined?: true): Promise<void> {
  const list = (await read(pendingPaymentsKey)) ?? [];
  const previous = list.find((p) => p.orderId === orderId);
  const startedAt = declined && previous ? previous.startedAt : clock.now();
  const others = list.filter((p) => p.orderId !== orderId);
  await write(pendingPaymentsKey, [...others, { orderId, startedAt, ...(declined && { declined }) }]);
}

async function forget(orderId: string): Promise<void> {
  const list = (await read(pendingPaymentsKey)) ?? [];
  await write(
    pendingPaymentsKey,
    list.filter((p) => p.orderId !== orderId),
  );
}

export async function pendingPayments(): Promise<string[]> {
  return ((await read(pendingPaymentsKey)) ?? []).map((p) => p.orderId);
}

/** A confirmed payment stops being pending once what it bought is on the phone. */
async function delivered<O extends PayableOrder>(api: PaymentApi<O>, order: O): Promise<void> {
  if (!api.deliver || (await api.deliver(order)) === 'done') await forget(order.id);
}

function fetchOrder<O extends PayableOrder>(api: PaymentApi<O>, orderId: string) {
  return request({
    path: `/v1/orders/${encodeURIComponent(orderId)}`,
    decode: api.decodeOrder,
    auth: 'required',
  });
}

type ClientOutcome = 'ok' | 'cancel' | 'fail';

function requestPayment(params: PaymentParams): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    wx.requestPayment({
      timeStamp: params.timeStamp,
      nonceStr: params.nonceStr,
      package: params.package,
      signType: params.signType,
      paySign: params.paySign,
      success: () => resolve('ok'),
      fail: (err) => resolve(/cancel/i.test(err.errMsg) ? 'cancel' : 'fail'),
    });
  });
}

const SHEET_OUTCOMES = ['pay', 'cancel', 'fail'] as const;

/**
 * Develop builds against the local WeChat simulator: a sheet stands in for WeChat Pay's, so staff can walk every
 * outcome. The payer's choice goes to the simulator, which notifies the server exactly as WeChat Pay would.
 */
function sandboxPayment(sandboxUrl: string): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    wx.showActionSheet({
      alertText: t('payment.sandboxTitle'),
      itemList: [t('payment.sandboxPay'), t('payment.sandboxCancel'), t('payment.sandboxFail')],
      success: (res) => {
        const outcome = SHEET_OUTCOMES[res.tapIndex] ?? 'cancel';
        void request({
          method: 'POST',
          path: '',
          url: sandboxUrl,
          body: { outcome },
          retrySafe: true,
          decode: (raw) => ({ ok: true, value: raw }),
        }).then((r) => {
          if (outcome !== 'pay') resolve(outcome === 'cancel' ? 'cancel' : 'fail');
          else resolve(r.ok ? 'ok' : 'fail');
        });
      },
      fail: () => resolve('cancel'),
    });
  });
}

/** After the client says ok: ask the server until it confirms, else report "unknown" (still confirming). */
export async function confirmPaid<O extends PayableOrder>(
  api: PaymentApi<O>,
  orderId: string,
): Promise<PayOutcome<O>> {
  for (const wait of [0, ...CONFIRM_SCHEDULE_MS]) {
    if (wait) await clock.sleep(wait);
    const res = await fetchOrder(api, orderId);
    if (res.ok && PAID.includes(res.data.status)) {
      await delivered(api, res.data);
      return { kind: 'paid', order: res.data };
    }
  }
  return { kind: 'unknown', orderId };
}

export async function payOrder<O extends PayableOrder>(
  api: PaymentApi<O>,
  orderId: string,
): Promise<PayOutcome<O>> {
  const params = await request({
    method: 'POST',
    path: `/v1/orders/${encodeURIComponent(orderId)}/payment`,
    decode: api.decodeParams,
    auth: 'required',
    retrySafe: true,
  });
  if (!params.ok) {
    const { error } = params;
    if (error.kind === 'http' && error.status === 410) return { kind: 'failed', reason: 'expired', error };
    if (error.kind === 'http' && error.status === 409) {
      // Already paid (e.g. a second tap after success): the server's status decides.
      const order = await fetchOrder(api, orderId);
      if (order.ok && PAID.includes(order.data.status)) {
        await delivered(api, order.data);
        return { kind: 'paid', order: order.data };
      }
      return { kind: 'failed', reason: 'not_payable', error };
    }
    return { kind: 'failed', reason: 'error', error };
  }
  await remember(orderId);
  const { sandboxUrl } = params.data;
  const sandbox = sandboxUrl !== undefined && envConfig().devTools;
  const outcome = sandbox ? await sandboxPayment(sandboxUrl) : await requestPayment(params.data);
  if (outcome === 'ok') return confirmPaid(api, orderId);
  await remember(orderId, true);
  const order = await fetchOrder(api, orderId);
  if (order.ok && PAID.includes(order.data.status)) {
    await delivered(api, order.data);
    return { kind: 'paid', order: order.data };
  }
  if (order.ok && order.data.status !== 'PENDING_PAYMENT') await forget(orderId);
  if (outcome === 'cancel')
    return order.ok ? { kind: 'cancelled', order: order.data } : { kind: 'cancelled' };
  return { kind: 'failed', reason: 'payment' };
}

/** Whether the server may still turn this order PAID: a notification can outlive the order's expiry. */
function mayStillBePaid(entry: PendingPayment, order: PayableOrder): boolean {
  const lateNotification = !entry.declined && clock.now() - entry.startedAt < LATE_NOTIFICATION_MS;
  if (order.status === 'PENDING_PAYMENT')
    return Date.parse(order.expiresAt) >= clock.now() || lateNotification;
  return (order.status === 'EXPIRED' || order.status === 'CANCELLED') && lateNotification;
}

/**
 * Run at launch: every remembered payment is checked with the server. Returns the orders now confirmed paid (what
 * they bought is delivered); entries the server settled otherwise are dropped, unless the sheet may have taken the
 * money and WeChat Pay may still notify; entries that could not be checked stay for next time.
 */
export async function reconcilePendingPayments<O extends PayableOrder>(api: PaymentApi<O>): Promise<O[]> {
  const entries = (await read(pendingPaymentsKey)) ?? [];
  const confirmed: O[] = [];
  for (const entry of entries) {
    const res = await fetchOrder(api, entry.orderId);
    if (!res.ok) {
      if (res.error.kind === 'http' && res.error.status === 404) await forget(entry.orderId);
      continue;
    }
    if (PAID.includes(res.data.status)) {
      confirmed.push(res.data);
      await delivered(api, res.data);
    } else if (!mayStillBePaid(entry, res.data)) await forget(entry.orderId);
  }
  return confirmed;
}
