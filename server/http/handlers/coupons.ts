// Claiming coupons from offers (idempotent) and the user's wallet. Offers themselves are read in catalog.ts.
import * as coupons from '../../coupons/claims';
import { idempotencyKey, ok, userOf } from '../request';
import type { Handlers } from '../types';

export const handlers = {
  claimOffer: async (req, deps) => {
    const { coupon, created } = await coupons.claim(deps, userOf(req), req.params.id, idempotencyKey(req));
    return { status: created ? 201 : 200, body: coupon };
  },
  listCoupons: async (req, deps) =>
    ok({ items: await coupons.listCoupons(deps, userOf(req), req.query.status) }),
  getCoupon: async (req, deps) => ok(await coupons.getCoupon(deps, userOf(req), req.params.id)),
} satisfies Handlers;
