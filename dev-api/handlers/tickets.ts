// The user's e-tickets, by visit date.
import type { components } from '../../typings/api';
import { lifecycle, tickets } from '../state';
import { userOf } from '../state/request';
import type { Handler } from '../types';

export const handlers: Record<string, Handler> = {
  listTickets: (req, ctx) => {
    const { orderId } = req.query as { orderId?: string };
    const userId = userOf(req);
    // Another user's order id finds nothing, as an unknown one does.
    if (orderId !== undefined) lifecycle.userOrder(ctx.state.world, userId, orderId);
    const items = tickets.listTickets(ctx.state.world, userId, orderId).map(tickets.ticketView);
    return { status: 200, body: { items } satisfies components['schemas']['TicketList'] };
  },
};
