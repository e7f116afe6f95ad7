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
  sandbox?: boolean;
}

export type PayOutcome<O extends PayableOrder> =
  | { kind: 'paid'; order: O }
  | { kind: 'cancelled'; order?: O }
  | { kind: 'failed'; reason: 'payment' | 'expired' | 'not_payable' | 'error'; error?: ApiError }
  | { kind: 'unknown'; orderId: string };

export interface PaymentApi<O extends PayableOrder> {
  decodeOrder: Decoder<O>;
  decodeParams: Decoder<PaymentParams>;
}

interface PendingPayment {
  orderId: string;
  startedAt: number;
}

export const pendingPaymentsKey = defineKey<PendingPayment[]>('payments.pending', 1);

/** Waits between server checks after the client reported ok; about 12 s in all before "confirming". */
export const CONFIRM_SCHEDULE_MS = [500, 1000, 1500, 2000, 3000, 4000];

const PAID: OrderStatus[] = ['PAID', 'FULFILLED'];

async function remember(orderId: string): Promise<void> {
  const list = (await read(pendingPaymentsKey)) ?? [];
  if (!list.some((p) => p.orderId === orderId)) {
    await write(pendingPaymentsKey, [...list, { orderId, startedAt: clock.now() }]);
  }
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

/** Develop builds against the dev API: a sheet stands in for WeChat Pay, so staff can walk every outcome. */
function sandboxPayment(orderId: string): Promise<ClientOutcome> {
  return new Promise((resolve) => {
    wx.showActionSheet({
      alertText: t('payment.sandboxTitle'),
      itemList: [t('payment.sandboxPay'), t('payment.sandboxCancel'), t('payment.sandboxFail')],
      success: (res) => {
        if (res.tapIndex !== 0) return resolve(res.tapIndex === 1 ? 'cancel' : 'fail');
        void request({
          method: 'POST',
          path: '/dev/pay',
          body: { orderId },
          retrySafe: true,
          decode: (raw) => ({ ok: true, value: raw }),
        }).then((r) => resolve(r.ok ? 'ok' : 'fail'));
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
      await forget(orderId);
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
      if (order.ok && PAID.includes(order.data.status)) return { kind: 'paid', order: order.data };
      return { kind: 'failed', reason: 'not_payable', error };
    }
    return { kind: 'failed', reason: 'error', error };
  }
  await remember(orderId);
  const sandbox = params.data.sandbox === true && envConfig().devTools;
  const outcome = sandbox ? await sandboxPayment(orderId) : await requestPayment(params.data);
  if (outcome === 'ok') return confirmPaid(api, orderId);
  const order = await fetchOrder(api, orderId);
  if (order.ok && PAID.includes(order.data.status)) {
    await forget(orderId);
    return { kind: 'paid', order: order.data };
  }
  if (order.ok && order.data.status !== 'PENDING_PAYMENT') await forget(orderId);
  if (outcome === 'cancel')
    return order.ok ? { kind: 'cancelled', order: order.data } : { kind: 'cancelled' };
  return { kind: 'failed', reason: 'payment' };
}

/**
 * Run at launch: every remembered payment is checked with the server. Returns the orders now confirmed paid;
 * entries the server settled otherwise are dropped; entries that could not be checked stay for next time.
 */
export async function reconcilePendingPayments<O extends PayableOrder>(api: PaymentApi<O>): Promise<O[]> {
  const ids = await pendingPayments();
  const confirmed: O[] = [];
  for (const id of ids) {
    const res = await fetchOrder(api, id);
    if (!res.ok) {
      if (res.error.kind === 'http' && res.error.status === 404) await forget(id);
      continue;
    }
    if (PAID.includes(res.data.status)) confirmed.push(res.data);
    const expired = res.data.status === 'PENDING_PAYMENT' && Date.parse(res.data.expiresAt) < clock.now();
    if (res.data.status !== 'PENDING_PAYMENT' || expired) await forget(id);
  }
  return confirmed;
}
