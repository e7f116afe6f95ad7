// Ticket orders: every price is recomputed here from the calendar and the coupon (the client's numbers are never
// read); the places are taken in the same transaction as the order is written.
import type { components } from '../../typings/api';
import { money, sum, times } from '../../miniprogram/domain/money';
import { validateTicketContact } from '../../miniprogram/domain/validate';
import { placesOf, quantityAllowed } from '../../miniprogram/packages/tickets/domain/places';
import { iso, type Deps } from '../context';
import { couponDiscount } from '../coupons/claims';
import { ApiError, invalid, nested, type Problem } from '../core/errors';
import { once } from '../core/idempotency';
import { isCancellable, userPolicy } from '../policies/policies';
import { pushRefundNow } from '../payments/refunds';
import { inTransaction, type Work } from '../work';
import {
  expireDue,
  openOrder,
  cancelOrder,
  settle,
  startRefund,
  userOrder,
  type NewOrder,
} from './lifecycle';
import { userOrders, type OrderRecord } from './records';

type Schemas = components['schemas'];

/** Creates a ticket order (idempotent per key): the order and whether this call created it. */
export function createTicketOrder(
  deps: Deps,
  userId: string,
  key: string,
  body: Schemas['CreateOrderRequest'],
): Promise<{ order: Schemas['Order']; created: boolean }> {
  return inTransaction(deps, async (w) => {
    // One writer per person at a time: the pending-order caps below are then exact.
    const scope = { userId, operation: 'createOrder', key, body, now: w.now, lockPerson: true };
    const result = await once(w.tx, scope, async () => {
      const order = await newTicketOrder(w, userId, body);
      return { resourceId: order.id, response: orderView(order) };
    });
    if (result.created) return { order: result.response, created: true };
    return { order: orderView(await userOrder(w, userId, result.resourceId)), created: false };
  });
}

async function newTicketOrder(
  w: Work,
  userId: string,
  body: Schemas['CreateOrderRequest'],
): Promise<OrderRecord> {
  const problems: Problem[] = [];
  const contact = validateTicketContact(body.contact);
  if (!contact.ok) problems.push(...nested('contact', contact.errors));
  const items = priceItems(w, body.items, problems);
  if (problems.length > 0 || !contact.ok) throw invalid(problems);
  await checkPendingCaps(w, userId, items);

  const currency = w.seed.destination.currency;
  const subtotal = sum(
    items.map((i) => i.subtotal),
    currency,
  );
  const lines = items.map((item) => ({ category: categoryOf(w, item.productId), subtotal: item.subtotal }));
  // Orders past their expiry hold their places and coupon until expired (a job): expired here only when this
  // order needs what they may hold, so a purchase does not wait for the job and most purchases skip the sweep.
  if (body.couponId !== undefined) await expireDue(w);
  const discount =
    body.couponId === undefined ? money(0, currency) : await couponDiscount(w, userId, body.couponId, lines);
  const input: NewOrder = {
    userId,
    kind: 'tickets',
    items,
    subtotal,
    discount,
    contact: contact.value,
    ...(body.couponId !== undefined && { couponId: body.couponId }),
  };
  let opened = await openOrder(w, input);
  if ('shortage' in opened) {
    await expireDue(w);
    opened = await openOrder(w, input);
  }
  if ('order' in opened) return opened.order;
  const short = opened.shortage;
  const soldOut = short.remaining === 0;
  throw new ApiError(
    409,
    soldOut ? 'SOLD_OUT' : 'INSUFFICIENT_STOCK',
    soldOut
      ? `${short.productId} is sold out on ${short.date}.`
      : `Only ${short.remaining} left for ${short.productId} on ${short.date}.`,
    {
      field: `items[${short.firstItem}]`,
      productId: short.productId,
      date: short.date,
      remaining: short.remaining,
    },
  );
}

/** One free account must not hold a day's stock: unpaid orders and the places they hold are capped per person. */
async function checkPendingCaps(w: Work, userId: string, items: Schemas['OrderItem'][]): Promise<void> {
  const { maxPendingOrders, maxHeldPlaces } = w.deps.options;
  const pending = await w.tx.query<{ items: Schemas['OrderItem'][] }>(
    `SELECT items FROM orders WHERE user_id = $1 AND status = 'PENDING_PAYMENT' AND expires_at > $2`,
    [userId, new Date(w.now)],
  );
  const places = [...pending.flatMap((o) => o.items), ...items].reduce(
    (n, item) =>
      n +
      placesOf({ x: item.quantity }, { x: w.seed.stockRules[item.productId]?.persons[item.ticketTypeId] }),
    0,
  );
  if (pending.length >= maxPendingOrders || places > maxHeldPlaces) {
    throw new ApiError(
      409,
      'TOO_MANY_PENDING_ORDERS',
      `Pay or cancel your unpaid orders first (at most ${maxPendingOrders} orders and ${maxHeldPlaces} places).`,
      { maxPendingOrders, maxHeldPlaces },
    );
  }
}

function categoryOf(w: Work, productId: string): string {
  return w.seed.products.find((p) => p.id === productId)?.category ?? '';
}

/**
 * Order items priced from the calendar, or problems: an unknown product is 404 (the contract's choice); a ticket
 * type the product lacks ('choice'), the same product, type and day twice ('invalid'), a day in the past
 * ('date.past') or not on sale ('choice'), a quantity outside the type's per-order range ('out_of_range') are
 * 400 naming the item's field.
 */
function priceItems(
  w: Work,
  requested: Schemas['OrderItemRequest'][],
  problems: Problem[],
): Schemas['OrderItem'][] {
  const seen = new Set<string>();
  const items: Schemas['OrderItem'][] = [];
  requested.forEach((item, i) => {
    const at = `items[${i}]`;
    const product = w.seed.products.find((p) => p.id === item.productId);
    if (!product) {
      throw new ApiError(404, 'NOT_FOUND', `No product ${item.productId}.`, { field: `${at}.productId` });
    }
    const type = product.ticketTypes.find((t) => t.id === item.ticketTypeId);
    const day = w.seed.calendars[product.id]?.find((d) => d.date === item.date);
    const price = day?.prices.find((p) => p.ticketTypeId === item.ticketTypeId)?.price;
    const key = JSON.stringify([item.productId, item.ticketTypeId, item.date]);
    if (!type) problems.push({ field: `${at}.ticketTypeId`, code: 'choice' });
    else if (seen.has(key)) problems.push({ field: `${at}.ticketTypeId`, code: 'invalid' });
    seen.add(key);
    if (item.date < w.today) problems.push({ field: `${at}.date`, code: 'date.past' });
    // A day the calendar does not offer (closed, beyond it, or without this ticket type) is not a choice.
    else if (!day || (type && !price)) problems.push({ field: `${at}.date`, code: 'choice' });
    if (type && (item.quantity === 0 || !quantityAllowed(type, item.quantity))) {
      problems.push({ field: `${at}.quantity`, code: 'out_of_range' });
    }
    if (!type || !price) return;
    items.push({
      productId: product.id,
      ticketTypeId: type.id,
      title: {
        'zh-CN': `${product.title['zh-CN']} · ${type.name['zh-CN']}`,
        en: `${product.title.en} · ${type.name.en}`,
      },
      date: item.date,
      quantity: item.quantity,
      unitPrice: price,
      subtotal: times(price, item.quantity),
    });
  });
  return items;
}

export function listOrders(
  deps: Deps,
  userId: string,
  filter: { status?: Schemas['OrderStatus'][]; kind?: Schemas['OrderKind'] },
): Promise<Schemas['Order'][]> {
  return inTransaction(deps, async (w) => {
    const settled: OrderRecord[] = [];
    for (const order of await userOrders(w.tx, userId)) settled.push(await settle(w, order));
    return settled
      .filter(
        (o) =>
          (!filter.status || filter.status.includes(o.status)) && (!filter.kind || o.kind === filter.kind),
      )
      .map(orderView);
  });
}

export function getOrder(deps: Deps, userId: string, orderId: string): Promise<Schemas['Order']> {
  return inTransaction(deps, async (w) => orderView(await userOrder(w, userId, orderId)));
}

export function cancelUserOrder(deps: Deps, userId: string, orderId: string): Promise<Schemas['Order']> {
  return inTransaction(deps, async (w) => {
    const order = await userOrder(w, userId, orderId, true);
    await cancelOrder(w, order);
    return orderView(order);
  });
}

/**
 * Refunds a paid order. Ticket orders: every product refundable and no visit date past. Insurance orders: the
 * policy's own rule (before its start date). Asking again while REFUNDING or after REFUNDED changes nothing.
 */
export async function refundUserOrder(
  deps: Deps,
  userId: string,
  orderId: string,
): Promise<Schemas['Order']> {
  const refunding = await inTransaction(deps, async (w) => {
    const order = await userOrder(w, userId, orderId, true);
    if (order.status === 'REFUNDING' || order.status === 'REFUNDED') return orderView(order);
    const refuse = (why: string): ApiError =>
      new ApiError(409, 'ORDER_NOT_REFUNDABLE', `Order ${order.id} cannot be refunded: ${why}.`, {
        reason: why,
      });
    if (order.status !== 'PAID' && order.status !== 'FULFILLED') throw refuse(`it is ${order.status}`);
    if (order.kind === 'insurance') {
      const policy =
        order.policyId === undefined ? undefined : await userPolicy(w.tx, userId, order.policyId);
      if (!policy || !isCancellable(w.today, policy)) throw refuse('the policy cannot be cancelled');
    } else {
      if (order.items.some((i) => !w.seed.products.find((p) => p.id === i.productId)?.refundable)) {
        throw refuse('a product is not refundable');
      }
      if (order.items.some((i) => i.date < w.today)) throw refuse('a visit date has passed');
      // Locked as a gate's check-in locks them: a ticket is never both let in and refunded.
      const tickets = await w.tx.query<{ status: string }>(
        'SELECT status FROM tickets WHERE order_id = $1 FOR UPDATE',
        [order.id],
      );
      if (tickets.some((t) => t.status === 'used')) throw refuse('a ticket was used');
    }
    await startRefund(w, order, 'requested by the customer');
    return orderView(order);
  });
  // Asked of WeChat Pay at once (the job asks again if this fails); the answer is the order as the refund began.
  if (refunding.status === 'REFUNDING') await pushRefundNow(deps, orderId);
  return refunding;
}

export function orderView(order: OrderRecord): Schemas['Order'] {
  return {
    id: order.id,
    kind: order.kind,
    status: order.status,
    items: order.items,
    subtotal: order.subtotal,
    discount: order.discount,
    total: order.total,
    totalCny: order.totalCny,
    ...(order.couponId !== undefined && { couponId: order.couponId }),
    contact: order.contact,
    createdAt: iso(order.createdAt),
    expiresAt: iso(order.expiresAt),
    history: order.history.map((h) => ({ status: h.status, at: iso(h.at) })),
    ...(order.policyId !== undefined && { policyId: order.policyId }),
  };
}
