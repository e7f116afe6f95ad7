// WeChat Pay parameters for an unpaid order (the sandbox variant: see dev-api/state/payments.ts).
import { payments } from '../state';
import { userOf } from '../state/request';
import type { Handler } from '../types';

export const handlers: Record<string, Handler> = {
  createPayment: (req, ctx) => ({
    status: 200,
    body: payments.createPayment(ctx.state.world, userOf(req), req.params.id ?? ''),
  }),
};
