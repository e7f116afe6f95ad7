// Dev-only operations (registered only in dev mode): what WeChat Pay and merchants would do, and a reset.
import { coupons, orders, payments } from '../state';
import type { Handler } from '../types';

export const handlers: Record<string, Handler> = {
  devPay: (req, ctx) => ({ status: 202, body: ctx.state.devPay((req.body as { orderId: string }).orderId) }),
  devNotifyOrder: (req, ctx) => ({
    status: 200,
    body: orders.orderView(payments.notifyPaid(ctx.state.world, req.params.id ?? '')),
  }),
  devRedeemCoupon: (req, ctx) => {
    const world = ctx.state.world;
    return {
      status: 200,
      body: coupons.couponView(world, coupons.redeemCoupon(world, req.params.code ?? '')),
    };
  },
  devReset: (_req, ctx) => {
    ctx.state.reset();
    return { status: 204 };
  },
};
