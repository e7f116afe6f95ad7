// E-tickets: one per unit of a fulfilled ticket order, issued once (a unique row per order item and unit).
import type { components } from '../../typings/api';
import { newId, readableCode } from '../core/ids';
import type { Tx } from '../db/database';
import type { OrderRecord } from '../orders/records';
import type { Work } from '../work';

type Schemas = components['schemas'];

interface TicketRow {
  id: string;
  order_id: string;
  product_id: string;
  title: Schemas['LocalizedText'];
  ticket_type_id: string;
  holder_type: Schemas['TicketKind'];
  code: string;
  visit_date: string;
  valid_until: string;
  status: Schemas['TicketStatus'];
}

/** Issues the order's tickets unless it already has them (a duplicate notification issues nothing). */
export async function issueTickets(w: Work, order: OrderRecord): Promise<void> {
  for (const [itemIndex, item] of order.items.entries()) {
    const product = w.seed.products.find((p) => p.id === item.productId);
    const kind = product?.ticketTypes.find((t) => t.id === item.ticketTypeId)?.kind ?? 'adult';
    for (let unit = 0; unit < item.quantity; unit += 1) {
      const code = readableCode(12);
      await w.tx.query(
        `INSERT INTO tickets (id, user_id, order_id, item_index, unit, product_id, title, ticket_type_id,
           holder_type, code, visit_date, valid_until, status)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11, 'valid')
         ON CONFLICT (order_id, item_index, unit) DO NOTHING`,
        [
          newId('tkt'),
          order.userId,
          order.id,
          itemIndex,
          unit,
          item.productId,
          JSON.stringify(item.title),
          item.ticketTypeId,
          kind,
          code,
          // Day tickets: valid on the chosen date only (the products' validity text says so).
          item.date,
        ],
      );
    }
  }
}

export async function refundTickets(tx: Tx, orderId: string): Promise<void> {
  await tx.query(
    `UPDATE tickets SET status = 'refunded' WHERE order_id = $1 AND status IN ('valid', 'expired')`,
    [orderId],
  );
}

/** Tickets whose last valid day has passed at the destination stop being `valid` (the daily job). */
export async function expireTickets(tx: Tx, today: string): Promise<number> {
  const rows = await tx.query(
    `UPDATE tickets SET status = 'expired' WHERE status = 'valid' AND valid_until < $1 RETURNING id`,
    [today],
  );
  return rows.length;
}

/** The user's tickets; each QR code signed now, with the current key (a wallet synced later gets new codes). */
export async function listTickets(w: Work, userId: string, orderId?: string): Promise<Schemas['Ticket'][]> {
  const rows = await w.tx.query<TicketRow & Record<string, unknown>>(
    `SELECT * FROM tickets WHERE user_id = $1 AND ($2::text IS NULL OR order_id = $2)
     ORDER BY visit_date, order_id, item_index, unit`,
    [userId, orderId ?? null],
  );
  const { codes } = w.deps;
  const today = w.today;
  const signed: string[] = [];
  for (const t of rows)
    signed.push(await codes.sign(w.tx, 'T', [t.code, t.product_id, t.visit_date, t.valid_until]));
  return rows.map((t, i) => ({
    id: t.id,
    orderId: t.order_id,
    productId: t.product_id,
    title: t.title,
    ticketTypeId: t.ticket_type_id,
    holderType: t.holder_type,
    code: t.code,
    // What a gate scans: the ticket's code, product and days, signed (codes/format.ts).
    qrPayload: signed[i]!,
    visitDate: t.visit_date,
    validUntil: t.valid_until,
    // Past its day a ticket is expired even before the daily job has written it.
    status: t.status === 'valid' && t.valid_until < today ? 'expired' : t.status,
  }));
}
