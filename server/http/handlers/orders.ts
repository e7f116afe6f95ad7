// Ticket orders: create (idempotent), list, read, cancel, refund; the payment parameters; the visit-day reminder;
// the e-tickets.
import * as orders from '../../orders/orders';
import { createPayment } from '../../payments/payments';
import { remindVisit } from '../../reminders/reminders';
import { tickets } from '../../tickets/wallet';
import { idempotencyKey, ok, userOf } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  createOrder: async (req, deps) => {
    const { order, created } = await orders.createTicketOrder(
      deps,
      userOf(req),
      idempotencyKey(req),
      req.body,
    );
    return { status: created ? 201 : 200, body: order };
  },
  listOrders: async (req, deps) => {
    const status = req.query.status === undefined ? undefined : [req.query.status].flat();
    return ok({ items: await orders.listOrders(deps, userOf(req), { status, kind: req.query.kind }) });
  },
  getOrder: async (req, deps) => ok(await orders.getOrder(deps, userOf(req), req.params.id)),
  cancelOrder: async (req, deps) => ok(await orders.cancelUserOrder(deps, userOf(req), req.params.id)),
  remindVisit: async (req, deps) => ok(await remindVisit(deps, userOf(req), req.params.id)),
  refundOrder: async (req, deps) => ok(await orders.refundUserOrder(deps, userOf(req), req.params.id)),
  createPayment: async (req, deps) => ok(await createPayment(deps, userOf(req), req.params.id)),
  listTickets: async (req, deps) => ok({ items: await tickets(deps, userOf(req), req.query.orderId) }),
} satisfies Handlers;
