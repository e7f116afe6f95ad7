// Shared by the ticket page tests: the dev API wiring, a cold start
// of the app's modules, a second user talking to the dev API directly, and setData size recording.
import type { FakeWx } from '../../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../../support/server';
import { renderPage, settle, type Rendered } from '../../support/simulate';

export const START = Date.parse('2026-11-22T09:00:00Z');

/**
 * One server (and its WeChat simulator) per test file; its clock is the fake's, so expiry follows fake.clock.now.
 * A payment's notification reaches the server before the payer's sheet closes, and refunds complete at once. The
 * server's own check with WeChat Pay is never due within a test (the fake's sleeps are instant and move its
 * clock, so a check would read as a late notification): tests that want one drop the notification and deliver it
 * themselves (resendNotification).
 */
export async function devApi(
  clock: () => number,
  options: { orderExpiryMs?: number } = {},
): Promise<RunningServer> {
  return startApiServer({ now: clock, paymentCheckMs: 60 * 60 * 1000, ...options });
}

export { connect };

/**
 * Other visitors hold places on a product-day (unpaid orders hold stock) until only `leave` remain, each order
 * taking at most `perOrder` adult tickets (the type's per-order maximum).
 */
export async function othersTakeStock(
  api: RunningServer,
  productId: string,
  date: string,
  leave: number,
  perOrder = 10,
): Promise<void> {
  for (let n = 0; ; n++) {
    const cal = await devCall(api, 'GET', `/v1/products/${productId}/calendar?from=${date}&to=${date}`);
    const day = (cal.body.days as Array<{ remaining: number }>)[0];
    const take = Math.min((day?.remaining ?? 0) - leave, perOrder);
    if (take <= 0) return;
    const session = await devCall(api, 'POST', '/v1/auth/session', {
      code: `other-${date}-${n}-${Math.random()}`,
    });
    const token = String(session.body.token);
    const res = await devCall(
      api,
      'POST',
      '/v1/orders',
      {
        items: [{ productId, ticketTypeId: 'adult', date, quantity: take }],
        contact: { name: 'Other Buyer', mobile: '+6421555123', email: 'other@example.com' },
      },
      token,
      `other-${n}-${Math.random().toString(36).slice(2)}`,
    );
    if (res.status !== 201) throw new Error(`other visitor's order failed: ${JSON.stringify(res.body)}`);
  }
}

export interface SetDataRecord {
  bytes: number;
  keys: string[];
}

/** Records each setData of a rendered page: its JSON size (functions drop out, as on the device) and its keys. */
export function recordSetData(instance: { setData(data: Record<string, unknown>): void }): SetDataRecord[] {
  const log: SetDataRecord[] = [];
  const original = instance.setData.bind(instance);
  instance.setData = (data: Record<string, unknown>) => {
    log.push({ bytes: Buffer.byteLength(JSON.stringify(data), 'utf8'), keys: Object.keys(data) });
    original(data);
  };
  return log;
}

export type { FakeWx };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- page methods are called the way WeChat calls them
export type Page = Rendered & { instance: any };

/** A fresh run of the app's modules over the fake (memory gone, storage kept), as after WeChat kills the app. */
export async function coldStart(fake: FakeWx): Promise<void> {
  jest.resetModules();
  const { clock } = await import('../../../miniprogram/services/clock');
  fake.bindClock(clock);
}

/** Loads a page and runs onLoad (with its query) and onShow, as WeChat does on navigation. */
export async function open(route: string, query: Record<string, string> = {}): Promise<Page> {
  const page = renderPage(route) as Page;
  page.instance.onLoad?.(query);
  page.instance.onShow?.();
  await settle();
  return page;
}

export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await settle(10);
  }
}

/** The query of a page URL the app navigated to. */
export function queryOf(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  new URLSearchParams(url.split('?')[1] ?? '').forEach((v, k) => (out[k] = v));
  return out;
}

/** Talks to the dev API as a test harness (dev endpoints, or a user's own reads with their token). */
export async function devCall(
  api: RunningServer,
  method: string,
  path: string,
  body?: unknown,
  token?: string,
  idempotencyKey?: string,
) {
  const res = await (
    globalThis.fetch as unknown as (
      u: string,
      i: object,
    ) => Promise<{ status: number; text(): Promise<string> }>
  )(`${api.origin}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Record<string, unknown> };
}

/** The session token the app holds (the fake keeps storage as JSON). */
export function tokenOf(fake: FakeWx): string {
  const item = fake.storage.get('session');
  return (JSON.parse(item?.json ?? '{}') as { d?: { token?: string } }).d?.token ?? '';
}

export const CONTACT = { name: '李雷', mobile: '138 0013 8000', email: 'lilei@example.com' };

/** Checkout for a cart, with the contact filled in the way a user types it. */
export async function openCheckout(cart: Record<string, string>): Promise<Page> {
  const page = await open('packages/tickets/pages/checkout/index', cart);
  await waitFor(() => page.data.state === 'ready', 'checkout');
  for (const [field, value] of Object.entries(CONTACT)) {
    page.instance.onInput({ currentTarget: { dataset: { field } }, detail: { value } });
  }
  return page;
}

/** The app's navigation to the result page, as its query. */
export function lastRedirect(fake: FakeWx): Record<string, string> {
  const calls = fake.callsTo('redirectTo');
  return queryOf(String(calls[calls.length - 1]?.url ?? ''));
}
