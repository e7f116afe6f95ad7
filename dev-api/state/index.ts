// The dev API's in-memory state: seeded from the demo data, restartable with reset(), timed only by
// options.now() (tests control it). Everything a request changes happens synchronously inside one call, so
// concurrent requests on Node's single thread cannot interleave between a check and the write it guards.
import type { Seed } from '../seed';
import * as coupons from './coupons';
import { IdempotencyStore } from './idempotency';
import * as insurance from './insurance';
import { remainingOf, seedStock } from './inventory';
import * as lifecycle from './lifecycle';
import * as orders from './orders';
import * as payments from './payments';
import * as policies from './policies';
import type { Db } from './records';
import * as tickets from './tickets';
import { todayAt, type StateOptions, type World } from './world';

export type { StateOptions, World } from './world';

function freshDb(seed: Seed): Db {
  return {
    idempotency: new IdempotencyStore(),
    stock: seedStock(seed),
    offerStock: new Map(seed.offers.map((offer) => [offer.id, offer.remaining])),
    orders: new Map(),
    tickets: [],
    coupons: new Map(),
    quotes: new Map(),
    policies: new Map(),
    codes: new Set(),
  };
}

export class State {
  readonly world: World;
  private readonly current: { db: Db };
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(seed: Seed, options: StateOptions) {
    const current = { db: freshDb(seed) };
    this.current = current;
    this.world = {
      seed,
      options,
      get db() {
        return current.db;
      },
      now: () => options.now(),
      today: () => todayAt(seed, options.now()),
    };
  }

  /** Back to the seed: every order, ticket, coupon, quote, policy and idempotency key is dropped. */
  reset(): void {
    this.close();
    this.current.db = freshDb(this.world.seed);
  }

  /** Drops scheduled payment notifications (the server calls it when it closes). */
  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  /** Applies expiries and refund completions that are due (also done lazily on every order read). */
  sweep(): void {
    lifecycle.sweep(this.world);
  }

  /** Places left on a product-day, after every order's hold; undefined when the product is not on sale then. */
  remaining(productId: string, date: string): number | undefined {
    this.sweep();
    return remainingOf(this.world, productId, date);
  }

  offerRemaining(offerId: string): number | undefined {
    return coupons.offerRemaining(this.world, offerId);
  }

  devPay(orderId: string) {
    return payments.devPay(this.world, this.timers, orderId);
  }
}

export function createState(seed: Seed, options: StateOptions): State {
  return new State(seed, options);
}

/** The operations handlers call, each taking the state's world first. */
export { coupons, insurance, lifecycle, orders, payments, policies, tickets };
