// Dev-only operations (registered only in dev mode): what WeChat Pay and merchants would do, and a reset.
import { redeem } from '../../coupons/claims';
import { devPay, notifyPaid } from '../../payments/payments';
import { resetData } from '../../db/reset';
import { ok } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  devPay: async (req, deps) => ({ status: 202, body: await devPay(deps, req.body.orderId) }),
  // A (duplicate) notification of the sandbox payment: the same notification id as the one the job delivers.
  devNotifyOrder: async (req, deps) => ok(await notifyPaid(deps, req.params.id, `sandbox-${req.params.id}`)),
  devRedeemCoupon: async (req, deps) => ok(await redeem(deps, req.params.code)),
  devReset: async (_req, deps) => {
    await resetData(deps.db);
    return { status: 204 };
  },
} satisfies Handlers;
