// The user's e-tickets, by visit date.
import type { components } from '../../typings/api';
import type { Deps } from '../context';
import { userOrder } from '../orders/lifecycle';
import { inTransaction } from '../work';
import { listTickets } from './tickets';

export function tickets(
  deps: Deps,
  userId: string,
  orderId?: string,
): Promise<components['schemas']['Ticket'][]> {
  return inTransaction(deps, async (w) => {
    // Another user's order id finds nothing, as an unknown one does.
    if (orderId !== undefined) await userOrder(w, userId, orderId);
    return listTickets(w, userId, orderId);
  });
}
