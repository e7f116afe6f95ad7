// Claiming coupons from offers (idempotent) and the user's wallet. Offers themselves are read in catalog.ts.
import type { components } from '../../typings/api';
import { coupons } from '../state';
import { idempotencyKey, userOf } from '../state/request';
import type { Handler } from '../types';

type Schemas = components['schemas'];

const claimOffer: Handler = (req, ctx) => {
  const world = ctx.state.world;
  const userId = userOf(req);
  const { resourceId, created } = coupons.claimOffer(world, userId, req.params.id ?? '', idempotencyKey(req));
  return {
    status: created ? 201 : 200,
    body: coupons.couponView(world, coupons.userCoupon(world, userId, resourceId)),
  };
};

const listCoupons: Handler = (req, ctx) => {
  const { status } = req.query as { status?: Schemas['CouponStatus'] };
  const world = ctx.state.world;
  const items = coupons.listCoupons(world, userOf(req), status).map((c) => coupons.couponView(world, c));
  return { status: 200, body: { items } satisfies Schemas['CouponList'] };
};

const getCoupon: Handler = (req, ctx) => {
  const world = ctx.state.world;
  return {
    status: 200,
    body: coupons.couponView(world, coupons.userCoupon(world, userOf(req), req.params.id ?? '')),
  };
};

export const handlers: Record<string, Handler> = { claimOffer, listCoupons, getCoupon };
