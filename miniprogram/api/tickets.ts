// The user's e-tickets (GET /v1/tickets); the wallet keeps a copy for offline use.
import type { components } from '../../typings/api';
import { clock } from '../services/clock';
import { request } from '../services/http';
import { fail, ok, type Result } from '../services/result';
import { saveWallet, type Wallet } from '../services/wallet';
import { listOf, literal, localDate, localizedText, object, str } from './decode';
import { getDestination } from './destination';

export type Ticket = components['schemas']['Ticket'];

export const decodeTicket = object({
  id: str,
  orderId: str,
  productId: str,
  title: localizedText,
  ticketTypeId: str,
  holderType: literal('adult', 'child', 'senior', 'family'),
  code: str,
  qrPayload: str,
  visitDate: localDate,
  validUntil: localDate,
  status: literal('valid', 'used', 'refunded', 'expired'),
});

export function listTickets(orderId?: string): Promise<Result<Ticket[]>> {
  return request({
    path: '/v1/tickets',
    query: { orderId },
    auth: 'required',
    decode: listOf(decodeTicket),
  });
}

/** Fetches every ticket and stores them as the offline wallet; the wallet as saved. */
export async function syncWallet(): Promise<Result<Wallet>> {
  const [tickets, destination] = await Promise.all([listTickets(), getDestination()]);
  if (!tickets.ok) return tickets;
  if (!destination.ok) return fail(destination.error);
  const wallet: Wallet = {
    tickets: tickets.data,
    syncedAt: clock.now(),
    timeZone: destination.data.timeZone,
  };
  // A wallet that cannot be stored is still shown; it just will not open offline until the next sync.
  await saveWallet(wallet);
  return ok(wallet);
}
