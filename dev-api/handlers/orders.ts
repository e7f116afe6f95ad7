// Ticket orders: create (idempotent), list, read, cancel, refund.
import type { components } from '../../typings/api';
import { lifecycle, orders } from '../state';
import type { Handler } from '../types';
import { idempotencyKey, userOf } from '../state/request';

type Schemas = components['schemas'];

const createOrder: Handler = (req, ctx) => {
  const body = req.body as Schemas['CreateOrderRequest'];
  const world = ctx.state.world;
  const { resourceId, created } = orders.createTicketOrder(world, userOf(req), idempotencyKey(req), body);
  return {
    status: created ? 201 : 200,
    body: orders.orderView(lifecycle.userOrder(world, userOf(req), resourceId)),
  };
};

const listOrders: Handler = (req, ctx) => {
  const query = req.query as { status?: Schemas['OrderStatus'][]; kind?: Schemas['OrderKind'] };
  const items = orders.listOrders(ctx.state.world, userOf(req), query).map(orders.orderView);
  return { status: 200, body: { items } satisfies Schemas['OrderList'] };
};

const getOrder: Handler = (req, ctx) => ({
  status: 200,
  body: orders.orderView(lifecycle.userOrder(ctx.state.world, userOf(req), req.params.id ?? '')),
});

const cancelOrder: Handler = (req, ctx) => ({
  status: 200,
  body: orders.orderView(orders.cancelUserOrder(ctx.state.world, userOf(req), req.params.id ?? '')),
});

const refundOrder: Handler = (req, ctx) => ({
  status: 200,
  body: orders.orderView(orders.refundUserOrder(ctx.state.world, userOf(req), req.params.id ?? '')),
});

export const handlers: Record<string, Handler> = {
  createOrder,
  listOrders,
  getOrder,
  cancelOrder,
  refundOrder,
};
