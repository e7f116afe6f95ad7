// E-tickets: one per unit of a fulfilled ticket order, issued once.
import type { components } from '../../typings/api';
import { newId, readableCode, uniqueCode } from './ids';
import type { OrderRecord, TicketRecord } from './records';
import type { World } from './world';

type Schemas = components['schemas'];

/** Issues the order's tickets unless it already has them (a duplicate notification issues nothing). */
export function issueTickets(world: World, order: OrderRecord): void {
  if (world.db.tickets.some((t) => t.orderId === order.id)) return;
  for (const item of order.items) {
    const product = world.seed.products.find((p) => p.id === item.productId);
    const kind = product?.ticketTypes.find((t) => t.id === item.ticketTypeId)?.kind ?? 'adult';
    for (let unit = 0; unit < item.quantity; unit += 1) {
      const code = uniqueCode(world.db.codes, () => readableCode(12));
      world.db.tickets.push({
        id: newId('tkt'),
        userId: order.userId,
        orderId: order.id,
        productId: item.productId,
        title: item.title,
        ticketTypeId: item.ticketTypeId,
        holderType: kind,
        code,
        // What a gate scanner reads: a versioned, self-describing string (a real backend would sign it).
        qrPayload: `WAYFARER:T1:${code}:${item.productId}:${item.date}`,
        visitDate: item.date,
        // Day tickets: valid on the chosen date only (the products' validity text says so).
        validUntil: item.date,
        status: 'valid',
      });
    }
  }
}

export function refundTickets(world: World, order: OrderRecord): void {
  for (const ticket of world.db.tickets) if (ticket.orderId === order.id) ticket.status = 'refunded';
}

export function listTickets(world: World, userId: string, orderId?: string): TicketRecord[] {
  return world.db.tickets
    .filter((t) => t.userId === userId && (orderId === undefined || t.orderId === orderId))
    .sort((a, b) => a.visitDate.localeCompare(b.visitDate) || a.orderId.localeCompare(b.orderId));
}

export function ticketView(t: TicketRecord): Schemas['Ticket'] {
  const { id, orderId, productId, title, ticketTypeId, holderType, code, qrPayload, visitDate, validUntil } =
    t;
  return {
    id,
    orderId,
    productId,
    title,
    ticketTypeId,
    holderType,
    code,
    qrPayload,
    visitDate,
    validUntil,
    status: t.status,
  };
}
