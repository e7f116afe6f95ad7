// Every page of app.json, one entry each: how it is opened (query, and what must exist first), which states it
// has beyond loaded / error / offline, what marks a state where the page shows it its own way (see STATE_MARKS in
// test/support/audits.ts), and the taps whose setData count is measured. Covering a new page is
// adding its entry here; pages.test.ts fails while a page of app.json has none.
import type { PageEntry } from '../support/audits';
import { cart, coupon, insuranceDraft, policy, ticketOrder } from './fixtures';

export const catalogue: PageEntry[] = [
  // Main package (tab pages and the POI list).
  {
    route: 'pages/home/index',
    actions: [{ name: 'switch language', tap: '.lang', changesEverything: true }],
  },
  { route: 'pages/map/index', actions: [{ name: 'pick a category', tap: '.chip', index: 1 }] },
  {
    route: 'pages/guide/index',
    empty: () => ({ q: 'zzzz' }),
    // "No places found" and "couldn't load" are the list's footer line.
    shows: { empty: '.footer.end', offline: '.footer.error' },
    actions: [{ name: 'pick a category', tap: '.chip', index: 1 }],
  },
  { route: 'pages/trips/index', open: (ctx) => ticketOrder(ctx).then(() => ({})), empty: () => ({}) },
  {
    route: 'pages/me/index',
    open: (ctx) => ticketOrder(ctx).then(() => ({})),
    // Its rows come from the phone: the network failing changes nothing on it.
    shows: { error: '.hub', offline: '.hub' },
    actions: [{ name: 'switch language', tap: '.lang-en', changesEverything: true }],
  },

  // Account.
  { route: 'packages/account/pages/privacy/index', states: ['loaded'] },
  { route: 'packages/account/pages/about/index', states: ['loaded'] },

  // Guide.
  {
    route: 'packages/guide/pages/poi/index',
    open: () => ({ id: 'sky-tower' }),
    actions: [{ name: 'show the other language', tap: '.toggle-language' }],
  },
  { route: 'packages/guide/pages/event/index', open: () => ({ id: 'britomart-christmas-lights-2026' }) },

  // Tickets.
  {
    route: 'packages/tickets/pages/catalog/index',
    open: () => ({ poiId: 'sky-tower' }),
    empty: () => ({ poiId: 'queen-street' }),
  },
  { route: 'packages/tickets/pages/product/index', open: () => ({ productId: 'sky-tower-skydeck' }) },
  {
    route: 'packages/tickets/pages/book/index',
    open: () => ({ productId: 'sky-tower-skydeck' }),
    actions: [{ name: 'open the calendar', tap: '.date-row' }],
  },
  { route: 'packages/tickets/pages/checkout/index', open: () => cart() },

  // Orders.
  {
    route: 'packages/orders/pages/result/index',
    open: async (ctx) => ({ orderId: await ticketOrder(ctx), outcome: 'paid' }),
  },
  {
    route: 'packages/orders/pages/list/index',
    open: async (ctx) => {
      await ticketOrder(ctx);
      await ticketOrder(ctx, false);
      return {};
    },
    empty: () => ({}),
    actions: [{ name: 'switch tab', tap: '.tab-unpaid' }],
  },
  { route: 'packages/orders/pages/detail/index', open: async (ctx) => ({ orderId: await ticketOrder(ctx) }) },
  {
    route: 'packages/orders/pages/refund/index',
    open: async (ctx) => ({ orderId: await ticketOrder(ctx) }),
    // The form needs nothing from the network until it is sent.
    shows: { error: '.reason', offline: '.reason' },
  },

  // Insurance.
  // Offline it shows the plans of the last visit.
  { route: 'packages/insurance/pages/plans/index', shows: { offline: '.table' } },
  {
    route: 'packages/insurance/pages/quote/index',
    open: () => ({ planId: 'standard' }),
    actions: [{ name: 'add a traveller', tap: '.add' }],
  },
  {
    route: 'packages/insurance/pages/travellers/index',
    open: () => insuranceDraft().then(() => ({})),
    empty: () => ({}),
  },
  { route: 'packages/insurance/pages/terms/index', open: () => ({ planId: 'standard', accept: '1' }) },
  {
    route: 'packages/insurance/pages/policies/index',
    open: (ctx) => policy(ctx).then(() => ({})),
    empty: () => ({}),
  },
  { route: 'packages/insurance/pages/policy/index', open: async (ctx) => ({ id: await policy(ctx) }) },

  // Coupons.
  { route: 'packages/coupons/pages/offers/index', actions: [{ name: 'switch tab', tap: '.tab', index: 1 }] },
  { route: 'packages/coupons/pages/offer/index', open: () => ({ id: 'harbour-dumplings-10-off' }) },
  {
    route: 'packages/coupons/pages/wallet/index',
    open: () => coupon().then(() => ({})),
    empty: () => ({}),
  },
  {
    route: 'packages/coupons/pages/coupon/index',
    open: async () => ({ id: await coupon() }),
    // A server error leaves the coupon saved on the phone on screen.
    shows: { error: '.coupon' },
  },
];
