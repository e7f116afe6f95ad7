// Shared by the commerce tests (orders, payments, coupons, insurance): a controllable clock, request builders
// and a way to bring a product-day down to a given stock.
import { randomUUID } from 'crypto';
import { addDays, instantOf } from '../../miniprogram/domain/time';
import { decideAtSimulator } from '../support/stack';
import type { ApiResponse, Schemas, TestServer } from './helpers';

export const ZONE = 'Pacific/Auckland';
export const MINUTE = 60 * 1000;
export const DAY = 24 * 60 * MINUTE;

/** Tuesday 1 December 2026, 10:00 in Auckland (NZDT, +13:00): every demo offer that matters is current. */
export const START = instantOf('2026-12-01', '10:00', ZONE);
export const TODAY = '2026-12-01';

export class Clock {
  ms = START;
  readonly now = (): number => this.ms;
  advance(ms: number): void {
    this.ms += ms;
  }
  /** Local date and HH:mm in Auckland. */
  set(date: string, time: string): void {
    this.ms = instantOf(date, time, ZONE);
  }
}

export const key = (): string => `k-${randomUUID()}`;
export const day = (offset: number): string => addDays(TODAY, offset);

export const contact: Schemas['Contact'] = {
  name: 'Li Wei',
  mobile: '+8613800138000',
  email: 'li.wei@example.com',
};

export function orderBody(
  items: Partial<Schemas['OrderItemRequest']>[],
  extra: Partial<Schemas['CreateOrderRequest']> = {},
): Schemas['CreateOrderRequest'] {
  return {
    items: items.map((i) => ({
      productId: 'sky-tower-skydeck',
      ticketTypeId: 'adult',
      date: day(7),
      quantity: 1,
      ...i,
    })),
    contact,
    ...extra,
  };
}

export interface Shopper {
  token: string;
  createOrder(
    body: unknown,
    idempotencyKey?: string,
  ): Promise<ApiResponse<Schemas['Order'] & Schemas['Error']>>;
  get<T>(path: string): Promise<ApiResponse<T>>;
  post<T>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  /**
   * Pays an order in WeChat's sheet (at the simulator), which notifies the server before this returns, unless
   * `notification` is 'drop' (WeChat Pay took the money; its notification is lost). The simulator's answer.
   */
  pay(orderId: string, notification?: 'deliver' | 'drop'): Promise<string | undefined>;
}

export async function shopper(server: TestServer, name: string): Promise<Shopper> {
  const token = await server.login(name);
  return {
    token,
    createOrder: (body, idempotencyKey = key()) =>
      server.api('/v1/orders', { body, token, headers: { 'idempotency-key': idempotencyKey } }),
    get: (path) => server.api(path, { token }),
    post: (path, body, headers) =>
      server.api(path, { method: 'POST', body, token, ...(headers && { headers }) }),
    pay: async (orderId, notification = 'deliver') => {
      const params = await server.api<Schemas['PaymentParams']>(`/v1/orders/${orderId}/payment`, {
        method: 'POST',
        token,
      });
      if (params.status !== 200)
        throw new Error(`payment parameters: ${params.status} ${JSON.stringify(params.body)}`);
      if (notification === 'drop') server.sim.faults.notify.push({ kind: 'drop' });
      return (await decideAtSimulator(params.body.sandboxUrl)).result;
    },
  };
}

export async function remaining(server: TestServer, productId: string, date: string): Promise<number> {
  const { body } = await server.api<Schemas['Calendar']>(
    `/v1/products/${productId}/calendar?from=${date}&to=${date}`,
  );
  return body.days[0]?.remaining ?? 0;
}

/** Orders (as `buyer`, then a crowd) until exactly `left` places remain that day; the orders and their buyers. */
export async function drainTo(
  buyer: Shopper,
  server: TestServer,
  productId: string,
  date: string,
  left: number,
): Promise<Array<{ id: string; buyer: Shopper }>> {
  const product = (await server.api<Schemas['Product']>(`/v1/products/${productId}`)).body;
  const type = product.ticketTypes.find((t) => t.kind === 'adult') ?? product.ticketTypes[0]!;
  const ids: Array<{ id: string; buyer: Shopper }> = [];
  let excess = (await remaining(server, productId, date)) - left;
  if (excess < 0) throw new Error(`${productId} has fewer than ${left} places on ${date}`);
  // The server caps one person's unpaid orders: a crowd of buyers takes the places, four orders each.
  let current = buyer;
  while (excess > 0) {
    if (ids.length > 0 && ids.length % 4 === 0) current = await shopper(server, `crowd-${randomUUID()}`);
    const quantity = Math.min(excess, type.maxQty);
    const res = await current.createOrder({
      items: [{ productId, ticketTypeId: type.id, date, quantity }],
      contact,
    });
    if (res.status !== 201) throw new Error(`drain order failed: ${res.status} ${JSON.stringify(res.body)}`);
    ids.push({ id: res.body.id, buyer: current });
    excess -= quantity;
  }
  expect(await remaining(server, productId, date)).toBe(left);
  return ids;
}
