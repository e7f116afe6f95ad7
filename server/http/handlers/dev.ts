// Dev-only operations (registered only in dev mode): what a merchant would do, and a reset. Payments go through
// the WeChat simulator, as in production.
import { redeem } from '../../coupons/claims';
import { resetData } from '../../db/reset';
import { ok } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  devRedeemCoupon: async (req, deps) => ok(await redeem(deps, req.params.code)),
  devReset: async (_req, deps) => {
    await resetData(deps.db);
    return { status: 204 };
  },
} satisfies Handlers;
