// Everything the server holds about purchases, read straight from its database: what the soak's audit and the
// property tests compare against (what the server holds is the truth about money).
import type { Deps } from '../../../server/context';
import type { CouponRecord } from '../../../server/coupons/wallet';
import { findOrder, type OrderRecord } from '../../../server/orders/records';
import { SIMULATED_APPID } from '../../../simulator/app-account';
import { openidOf } from '../../../simulator/people';

export interface ServerState {
  orders: Map<string, OrderRecord>;
  tickets: { id: string; orderId: string; status: string }[];
  coupons: Map<string, Pick<CouponRecord, 'id' | 'userId' | 'offerId' | 'status' | 'reservedBy'>>;
  policies: Map<string, { id: string; orderId: string }>;
  quotes: string[];
}

export async function readState(deps: Deps): Promise<ServerState> {
  const { db } = deps;
  const orders = new Map<string, OrderRecord>();
  for (const { id } of await db.query<{ id: string }>('SELECT id FROM orders ORDER BY id')) {
    const order = await findOrder(db, id);
    if (order) orders.set(id, order);
  }
  const tickets = await db.query<{ id: string; order_id: string; status: string }>(
    'SELECT id, order_id, status FROM tickets ORDER BY id',
  );
  const coupons = await db.query<{
    id: string;
    user_id: string;
    offer_id: string;
    status: CouponRecord['status'];
    reserved_by: string | null;
  }>('SELECT id, user_id, offer_id, status, reserved_by FROM coupons ORDER BY id');
  const policies = await db.query<{ id: string; order_id: string }>(
    'SELECT id, order_id FROM policies ORDER BY id',
  );
  const quotes = await db.query<{ id: string }>('SELECT id FROM quotes ORDER BY id');
  return {
    orders,
    tickets: tickets.map((t) => ({ id: t.id, orderId: t.order_id, status: t.status })),
    coupons: new Map(
      coupons.map((c) => [
        c.id,
        {
          id: c.id,
          userId: c.user_id,
          offerId: c.offer_id,
          status: c.status,
          ...(c.reserved_by !== null && { reservedBy: c.reserved_by }),
        },
      ]),
    ),
    policies: new Map(policies.map((p) => [p.id, { id: p.id, orderId: p.order_id }])),
    quotes: quotes.map((q) => q.id),
  };
}

/**
 * The user id of a person of the fake wx login (`user-<person>-<n>` codes, the openid the WeChat simulator's
 * code2Session gives them), once they have logged in.
 */
export async function userIdOf(deps: Deps, person: string): Promise<string | undefined> {
  const [row] = await deps.db.query<{ id: string }>('SELECT id FROM users WHERE openid = $1', [
    openidOf(SIMULATED_APPID, person),
  ]);
  return row?.id;
}
