// After the soak, on a good network: every payment WeChat Pay (the simulator) took must be an order the server
// fulfilled or refunds, no purchase paid twice, and nothing fulfilled unpaid. Then every phone is relaunched
// (app.ts's reconciliation) and what it holds is compared with what the server holds. Tickets must be in the
// offline wallet (they open at the gate without signal) and every paid order must have reached the phone or been
// found by the reconciliation; coupons the user was told about must be in the offline coupon wallet; then the
// coupon wallet and policies screens must show everything the server has for the user.
import type { Order } from '../../../miniprogram/api/orders';
import type { IntentRecord } from './flows';
import type { Phone } from './runtime';
import type { SoakServer } from './server';
import { readState, userIdOf, type ServerState } from './state';

export interface Findings {
  /** Payments WeChat Pay took. */
  payments: number;
  /** A payment the server neither fulfilled nor refunds, or an order it treats as paid that WeChat Pay never took. */
  unaccounted: number;
  /** Purchases (intents) WeChat Pay took money for more than once. */
  paidTwice: number;
  duplicates: number;
  lost: number;
  stuck: number;
  /** Personal data or a token readable in a phone's unencrypted storage. */
  leaks: number;
  /** Every document number, mobile number and token of the soak (for checks of other outputs, e.g. logs). */
  secrets: string[];
  /** One line per finding, for the report. */
  details: string[];
}

const PAID: readonly Order['status'][] = ['PAID', 'FULFILLED'];
const EVER_PAID: readonly Order['status'][] = ['PAID', 'FULFILLED', 'REFUNDING', 'REFUNDED'];
/** Where the money of a payment must have gone: the purchase, or back to the payer. */
const ACCOUNTED: readonly Order['status'][] = ['FULFILLED', 'REFUNDING', 'REFUNDED'];

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** What a relaunched phone holds and shows. */
async function relaunch(phone: Phone) {
  phone.takeNetworkFaults();
  const before = await phone.run(async (app) => (await app.wallet.loadWallet())?.tickets ?? []);
  phone.launch();
  return phone.run(async (app) => {
    // app.ts's launch, keeping what the reconciliation confirmed.
    const confirmed = await app.orders.reconcileOnLaunch();
    if (confirmed.length) await app.tickets.syncWallet();
    const wallet = (await app.wallet.loadWallet())?.tickets ?? [];
    const offlineCoupons = (await app.couponWallet.loadCouponWallet())?.coupons ?? [];
    // The coupon wallet, policies and insurance screens.
    await app.coupons.syncCouponWallet();
    const policies = await app.insurance.listPolicies();
    await app.liveDraft.loadLiveDraft();
    return {
      delivered: new Set(before.map((t) => t.id)),
      confirmed: new Set(confirmed.map((o) => o.id)),
      wallet: new Set(wallet.map((t) => t.id)),
      offlineCoupons: new Set(offlineCoupons.map((c) => c.id)),
      coupons: new Set((await app.couponWallet.loadCouponWallet())?.coupons.map((c) => c.id)),
      policies: new Set(policies.ok ? policies.data.map((p) => p.id) : []),
      draft: await app.draftStore.loadDraft(),
      pending: (await app.storage.read(app.payment.pendingPaymentsKey)) ?? [],
    };
  });
}

export async function audit(server: SoakServer, phones: Phone[], records: IntentRecord[]): Promise<Findings> {
  const f: Findings = {
    payments: 0,
    unaccounted: 0,
    paidTwice: 0,
    duplicates: 0,
    lost: 0,
    stuck: 0,
    leaks: 0,
    secrets: [],
    details: [],
  };
  const flag = (
    kind: 'unaccounted' | 'paidTwice' | 'duplicates' | 'lost' | 'stuck' | 'leaks',
    n: number,
    detail: string,
  ) => {
    f[kind] += n;
    f.details.push(`${kind}: ${detail}`);
  };
  // Expiries and refund completions that fell due are applied first, as the server's worker would.
  await server.server.worker.runDue();
  const db = await readState(server.server.deps);
  const users = new Map<string, string | undefined>();
  for (const person of new Set([...records.map((r) => r.user), ...phones.map((p) => p.user)])) {
    users.set(person, await userIdOf(server.server.deps, person));
  }
  const userOf = (person: string): string => users.get(person) ?? `(${person} never logged in)`;
  const orders = [...db.orders.values()];
  const intentOf = new Map(records.map((r) => [r.tag, r]));
  const about = (order: { id: string; contact: { email: string } }) => {
    const r = intentOf.get(order.contact.email);
    return `order ${order.id} of intent ${r?.id} (${r?.kind}, ended ${r?.screen})`;
  };

  // Money: what WeChat Pay took against what the server did with it.
  const taken = [...server.sim.transactions.values()].filter(
    (t) => t.state === 'SUCCESS' || t.state === 'REFUND',
  );
  f.payments = taken.length;
  for (const t of taken) {
    const order = db.orders.get(t.outTradeNo);
    if (!order || !ACCOUNTED.includes(order.status))
      flag(
        'unaccounted',
        1,
        `WeChat Pay took ${t.total} ${t.currency} for ${order ? about(order) : `order ${t.outTradeNo}`}; the server says ${order?.status}`,
      );
  }
  const paidOrders = new Set(taken.map((t) => t.outTradeNo));
  for (const order of orders) {
    if (EVER_PAID.includes(order.status) && !paidOrders.has(order.id))
      flag('unaccounted', 1, `${about(order)} is ${order.status}, but WeChat Pay took no money for it`);
  }
  for (const [tag, n] of countBy(
    orders.filter((o) => paidOrders.has(o.id)),
    (o) => o.contact.email,
  )) {
    if (n > 1) flag('paidTwice', n - 1, `intent ${intentOf.get(tag)?.id} was paid ${n} times`);
  }

  // Duplicates: more than one order per intent, coupon per claim, ticket per unit, policy per order.
  const ordersByTag = countBy(orders, (o) => o.contact.email);
  for (const r of records) {
    const n = ordersByTag.get(r.tag) ?? 0;
    if (n > 1) flag('duplicates', n - 1, `intent ${r.id} (${r.kind}) made ${n} orders`);
  }
  const claims = countBy(
    records.flatMap((r) => r.claims.map((offerId) => `${userOf(r.user)} ${offerId}`)),
    (k) => k,
  );
  for (const [key, n] of countBy(db.coupons.values(), (c) => `${c.userId} ${c.offerId}`)) {
    const allowed = claims.get(key) ?? 0;
    if (n > allowed) flag('duplicates', n - allowed, `${key}: ${n} coupons for ${allowed} claims`);
  }
  const ticketsByOrder = countBy(db.tickets, (t) => t.orderId);
  for (const order of orders) {
    const units = order.items.reduce((sum, i) => sum + i.quantity, 0);
    const issued = ticketsByOrder.get(order.id) ?? 0;
    if (order.kind === 'tickets' && issued > units)
      flag('duplicates', issued - units, `${about(order)}: ${issued} tickets for ${units} units`);
  }
  for (const [orderId, n] of countBy(db.policies.values(), (p) => p.orderId)) {
    if (n > 1) flag('duplicates', n - 1, `order ${orderId} has ${n} policies`);
  }

  // Lost and stuck, phone by phone.
  for (const phone of phones) {
    const seen = await relaunch(phone);
    const userId = userOf(phone.user);
    for (const order of orders.filter((o) => o.userId === userId)) {
      if (order.status === 'PAID') flag('stuck', 1, `${about(order)}: paid but never fulfilled`);
      if (!PAID.includes(order.status)) continue;
      if (order.kind === 'tickets') {
        const tickets = db.tickets.filter((t) => t.orderId === order.id);
        // A whole-wallet sync for another order must not hide an order the app lost track of.
        if (!tickets.every((t) => seen.delivered.has(t.id)) && !seen.confirmed.has(order.id))
          flag(
            'lost',
            1,
            `${about(order)}: paid, never delivered, and not found by the launch reconciliation`,
          );
        const missing = tickets.filter((t) => !seen.wallet.has(t.id)).length;
        if (missing) flag('lost', 1, `${about(order)}: ${missing} tickets not in the offline wallet`);
      } else if (order.policyId === undefined || !seen.policies.has(order.policyId)) {
        flag('lost', 1, `${about(order)}: policy ${order.policyId ?? '(none)'} not in the policies list`);
      }
    }
    for (const coupon of db.coupons.values()) {
      if (coupon.userId === userId && !seen.coupons.has(coupon.id))
        flag('lost', 1, `coupon ${coupon.id} of ${userId} not in the coupon wallet`);
    }
    for (const r of records.filter((r) => r.user === phone.user)) {
      for (const id of r.toldCoupons.filter((c) => !seen.offlineCoupons.has(c)))
        flag('lost', 1, `intent ${r.id}: coupon ${id} was claimed but is not in the offline coupon wallet`);
    }
    // Waiting on is right for an unpaid order, and for one that expired after a sheet that may have taken the
    // money (WeChat Pay notifies for a day); anything else should have been settled by the reconciliation.
    for (const { orderId, declined } of seen.pending) {
      const status = db.orders.get(orderId)?.status;
      const waiting =
        status === 'PENDING_PAYMENT' || (!declined && (status === 'EXPIRED' || status === 'CANCELLED'));
      if (!waiting) flag('stuck', 1, `${phone.user} still waits to confirm ${orderId} (${status})`);
    }
    const drafted = seen.draft?.purchase?.orderId;
    const draftOrder = drafted === undefined ? undefined : db.orders.get(drafted);
    if (draftOrder && EVER_PAID.includes(draftOrder.status))
      flag('stuck', 1, `${phone.user} keeps the application of paid ${about(draftOrder)}`);
  }

  for (const coupon of db.coupons.values()) {
    const holder = coupon.reservedBy === undefined ? undefined : db.orders.get(coupon.reservedBy);
    if (holder && holder.status !== 'PENDING_PAYMENT')
      flag('stuck', 1, `coupon ${coupon.id} held by ${holder.status} ${about(holder)}`);
  }
  for (const r of records) {
    if (!r.settled) flag('stuck', 1, `intent ${r.id} (${r.kind}) never settled`);
    for (const problem of r.problems) flag('stuck', 1, `intent ${r.id} (${r.kind}): ${problem}`);
    for (const id of r.toldPaid) {
      const status = db.orders.get(id)?.status;
      if (!status || !EVER_PAID.includes(status))
        flag('stuck', 1, `intent ${r.id} showed ${id} as paid; the server says ${status}`);
    }
  }
  f.secrets = secretsOf(db, phones);
  for (const phone of phones) for (const leak of plainLeaks(phone, f.secrets)) flag('leaks', 1, leak);
  return f;
}

/** Storage items written without encryption that hold one of `secrets`. */
export function plainLeaks(phone: Phone, secrets: readonly string[]): string[] {
  const leaks: string[] = [];
  for (const [name, item] of phone.fake.storage) {
    if (item.encrypt) continue;
    const secret = secrets.find((x) => item.json.includes(x) || name.includes(x));
    if (secret) leaks.push(`${phone.user} keeps ${secret.slice(0, 4)}… unencrypted under ${name}`);
  }
  return leaks;
}

/** Document numbers, mobile numbers (E.164 and national) and session tokens the soak produced. */
function secretsOf(db: ServerState, phones: Phone[]): string[] {
  const secrets = new Set<string>();
  for (const order of db.orders.values()) {
    secrets.add(order.contact.mobile);
    secrets.add(order.contact.mobile.replace(/^\+86/, ''));
    for (const person of order.policyDraft?.insured ?? []) secrets.add(person.documentNumber);
  }
  for (const phone of phones) {
    const session = phone.fake.storage.get('session');
    const token = session && (JSON.parse(session.json) as { d?: { token?: string } }).d?.token;
    if (token) secrets.add(token);
  }
  return [...secrets].filter((s) => s.length >= 6);
}
