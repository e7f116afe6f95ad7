// Ticket orders: every price is recomputed here from the calendar and the coupon (the client's numbers are never
// read), and the stock check and the stock hold happen in one synchronous step.
import type { components } from '../../typings/api';
import { money, sum, times } from '../../miniprogram/domain/money';
import { validateTicketContact } from '../../miniprogram/domain/validate';
import { ApiError } from '../types';
import { couponDiscount } from './coupons';
import { shortage, unitsByDay } from './inventory';
import { cancelOrder, openOrder, settle, startRefund, sweep, userOrder } from './lifecycle';
import { isCancellable, userPolicy } from './policies';
import type { OrderRecord } from './records';
import { invalid, iso, nested, type Problem, type World } from './world';

type Schemas = components['schemas'];

/** Creates a ticket order (idempotent per key): the order's id and whether this call created it. */
export function createTicketOrder(
  world: World,
  userId: string,
  key: string,
  body: Schemas['CreateOrderRequest'],
) {
  return world.db.idempotency.run(userId, 'createOrder', key, body, () => {
    // Orders that expired since the last request give their stock and coupons back before this one looks.
    sweep(world);
    const problems: Problem[] = [];
    const contact = validateTicketContact(body.contact);
    if (!contact.ok) problems.push(...nested('contact', contact.errors));
    const items = priceItems(world, body.items, problems);
    if (problems.length > 0 || !contact.ok) throw invalid(problems);

    const short = shortage(world, unitsByDay(items));
    if (short) {
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

    const currency = world.seed.destination.currency;
    const subtotal = sum(
      items.map((i) => i.subtotal),
      currency,
    );
    const lines = items.map((item) => ({
      category: categoryOf(world, item.productId),
      subtotal: item.subtotal,
    }));
    const discount =
      body.couponId === undefined ? money(0, currency) : couponDiscount(world, userId, body.couponId, lines);
    const order = openOrder(world, {
      userId,
      kind: 'tickets',
      items,
      subtotal,
      discount,
      contact: contact.value,
      ...(body.couponId !== undefined && { couponId: body.couponId }),
    });
    return order.id;
  });
}

function categoryOf(world: World, productId: string): string {
  return world.seed.products.find((p) => p.id === productId)?.category ?? '';
}

/**
 * Order items priced from the calendar, or problems: an unknown product is 404 (the contract's choice); a ticket
 * type the product lacks ('choice'), the same product, type and day twice ('invalid'), a day in the past
 * ('date.past') or not on sale ('choice'), a quantity outside the type's per-order range ('out_of_range') are
 * 400 naming the item's field.
 */
function priceItems(
  world: World,
  requested: Schemas['OrderItemRequest'][],
  problems: Problem[],
): Schemas['OrderItem'][] {
  const today = world.today();
  const seen = new Set<string>();
  const items: Schemas['OrderItem'][] = [];
  requested.forEach((item, i) => {
    const at = `items[${i}]`;
    const product = world.seed.products.find((p) => p.id === item.productId);
    if (!product) {
      throw new ApiError(404, 'NOT_FOUND', `No product ${item.productId}.`, { field: `${at}.productId` });
    }
    const type = product.ticketTypes.find((t) => t.id === item.ticketTypeId);
    const day = world.seed.calendars[product.id]?.find((d) => d.date === item.date);
    const price = day?.prices.find((p) => p.ticketTypeId === item.ticketTypeId)?.price;
    const key = JSON.stringify([item.productId, item.ticketTypeId, item.date]);
    if (!type) problems.push({ field: `${at}.ticketTypeId`, code: 'choice' });
    else if (seen.has(key)) problems.push({ field: `${at}.ticketTypeId`, code: 'invalid' });
    seen.add(key);
    if (item.date < today) problems.push({ field: `${at}.date`, code: 'date.past' });
    // A day the calendar does not offer (closed, beyond it, or without this ticket type) is not a choice.
    else if (!day || (type && !price)) problems.push({ field: `${at}.date`, code: 'choice' });
    if (type && (item.quantity < Math.max(1, type.minQty) || item.quantity > type.maxQty)) {
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
  world: World,
  userId: string,
  filter: { status?: Schemas['OrderStatus'][]; kind?: Schemas['OrderKind'] },
): OrderRecord[] {
  return [...world.db.orders.values()]
    .filter((o) => o.userId === userId)
    .map((o) => settle(world, o))
    .filter(
      (o) => (!filter.status || filter.status.includes(o.status)) && (!filter.kind || o.kind === filter.kind),
    )
    .sort((a, b) => b.createdAt - a.createdAt || a.id.localeCompare(b.id));
}

export function cancelUserOrder(world: World, userId: string, orderId: string): OrderRecord {
  const order = userOrder(world, userId, orderId);
  cancelOrder(world, order);
  return order;
}

/**
 * Refunds a paid order. Ticket orders: every product refundable and no visit date past. Insurance orders: the
 * policy's own rule (before its start date). Asking again while REFUNDING or after REFUNDED changes nothing.
 */
export function refundUserOrder(world: World, userId: string, orderId: string): OrderRecord {
  const order = userOrder(world, userId, orderId);
  if (order.status === 'REFUNDING' || order.status === 'REFUNDED') return order;
  const refuse = (why: string): ApiError =>
    new ApiError(409, 'ORDER_NOT_REFUNDABLE', `Order ${order.id} cannot be refunded: ${why}.`, {
      reason: why,
    });
  if (order.status !== 'PAID' && order.status !== 'FULFILLED') throw refuse(`it is ${order.status}`);
  if (order.kind === 'insurance') {
    const policy = order.policyId === undefined ? undefined : userPolicy(world, userId, order.policyId);
    if (!policy || !isCancellable(world, policy)) throw refuse('the policy cannot be cancelled');
  } else {
    const today = world.today();
    if (order.items.some((i) => !world.seed.products.find((p) => p.id === i.productId)?.refundable)) {
      throw refuse('a product is not refundable');
    }
    if (order.items.some((i) => i.date < today)) throw refuse('a visit date has passed');
  }
  startRefund(world, order);
  return order;
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
