// The mini program's own modules, as one phone's app instance holds them. Every cold start needs fresh module
// instances (the session, the request queue and the draft writer live in module state), so they are loaded with
// require, which a loader can isolate: the CLI clears Node's module cache, jest uses isolateModules.
/* eslint-disable @typescript-eslint/no-require-imports -- see above: fresh instances per app launch */
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(__dirname, '../../../miniprogram');

export interface App {
  clock: typeof import('../../../miniprogram/services/clock');
  http: typeof import('../../../miniprogram/services/http');
  payment: typeof import('../../../miniprogram/services/payment');
  storage: typeof import('../../../miniprogram/services/storage');
  draftStore: typeof import('../../../miniprogram/packages/insurance/services/draft');
  wallet: typeof import('../../../miniprogram/services/wallet');
  couponWallet: typeof import('../../../miniprogram/services/coupon-wallet');
  orders: typeof import('../../../miniprogram/api/orders');
  tickets: typeof import('../../../miniprogram/api/tickets');
  coupons: typeof import('../../../miniprogram/api/coupons');
  insurance: typeof import('../../../miniprogram/api/insurance');
  liveDraft: typeof import('../../../miniprogram/packages/insurance/live-draft');
  intent: typeof import('../../../miniprogram/domain/intent');
  draft: typeof import('../../../miniprogram/packages/insurance/domain/insurance-draft');
  orderView: typeof import('../../../miniprogram/packages/orders/order-view');
}

/** Requires every module a purchase flow touches; what instances it gets is up to the loader around it. */
export function requireApp(): App {
  return {
    clock: require(`${root}/services/clock`),
    http: require(`${root}/services/http`),
    payment: require(`${root}/services/payment`),
    storage: require(`${root}/services/storage`),
    draftStore: require(`${root}/packages/insurance/services/draft`),
    wallet: require(`${root}/services/wallet`),
    couponWallet: require(`${root}/services/coupon-wallet`),
    orders: require(`${root}/api/orders`),
    tickets: require(`${root}/api/tickets`),
    coupons: require(`${root}/api/coupons`),
    insurance: require(`${root}/api/insurance`),
    liveDraft: require(`${root}/packages/insurance/live-draft`),
    intent: require(`${root}/domain/intent`),
    draft: require(`${root}/packages/insurance/domain/insurance-draft`),
    orderView: require(`${root}/packages/orders/order-view`),
  };
}

export type LoadApp = () => App;

/** Node (the CLI under tsx): forget every mini program module, so the next require evaluates them afresh. */
export const loadAppFromNode: LoadApp = () => {
  const cache = createRequire(__filename).cache;
  for (const file of Object.keys(cache)) if (file.startsWith(root + path.sep)) delete cache[file];
  return requireApp();
};
