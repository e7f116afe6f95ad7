// The faults one intent meets, drawn from its own random stream: a bad roaming connection (offline, timeouts,
// 5xx, responses lost after the server committed, slow answers), a double tap, a cancelled or failed payment
// sheet, WeChat Pay answering the server's prepay with a 5xx or not at all, a late, lost or duplicated payment
// notification, and the OS killing the app between payment and confirmation. About two intents in three meet at
// least one.
import type { ApiFault } from '../../../simulator/faults';
import type { FakeRequest, Fault } from '../../../test/support/fake-wx';
import type { Random } from './random';
import type { PaymentScript } from './runtime';

export type IntentKind = 'tickets' | 'coupon-tickets' | 'claim' | 'insurance';

export interface NetFault {
  target: keyof typeof TARGETS;
  fault: Fault | 'gateway502';
  times: number;
}

export interface FaultPlan {
  net: NetFault[];
  /** The create request (order, claim, policy) is sent twice at once with the same key. */
  doubleTap: boolean;
  /** The first payment sheets, in order (pay-again taps get the next ones). */
  payments: PaymentScript[];
  /** How many times the user taps "pay again" after a cancelled or failed payment. */
  payAgain: number;
  /** The user also walks away from a confirming result page (else it polls a while). */
  leaveConfirming: boolean;
  /** The app was closed since the last intent on this phone: it starts cold (app.ts's launch runs first). */
  coldStart: boolean;
  /** WeChat Pay answers the server's prepay (its JSAPI order) 5xx or not at all: one fault queued with each of
   * the first payment requests. */
  wechatPay: ApiFault[];
}

const path = (req: FakeRequest) => new URL(req.url).pathname;
const post = (req: FakeRequest, re: RegExp) => req.method === 'POST' && re.test(path(req));
const get = (req: FakeRequest, re: RegExp) => req.method === 'GET' && re.test(path(req));

/** Which requests a network fault hits. */
export const TARGETS = {
  create: (req: FakeRequest) => post(req, /^\/v1\/(orders|offers\/[^/]+\/claim|insurance\/policies)$/),
  quote: (req: FakeRequest) => post(req, /^\/v1\/insurance\/quotes$/),
  payment: (req: FakeRequest) => post(req, /^\/v1\/orders\/[^/]+\/payment$/),
  order: (req: FakeRequest) => get(req, /^\/v1\/orders\/[^/]+$/),
  tickets: (req: FakeRequest) => get(req, /^\/v1\/tickets$/),
  coupons: (req: FakeRequest) => get(req, /^\/v1\/coupons$/),
  session: (req: FakeRequest) => post(req, /^\/v1\/auth\/session$/),
  destination: (req: FakeRequest) => get(req, /^\/v1\/destination$/),
  any: () => true,
};

const NET_FAULTS: Array<Fault | 'gateway502'> = [
  'offline',
  'timeout',
  'interrupted',
  'http500',
  'http503',
  'drop',
  'drop',
  'gateway502',
  { delayMs: 30 },
];

function targetsFor(kind: IntentKind): Array<keyof typeof TARGETS> {
  const common: Array<keyof typeof TARGETS> = ['create', 'create', 'session', 'destination', 'any'];
  if (kind === 'claim') return [...common, 'coupons'];
  const paying: Array<keyof typeof TARGETS> = [...common, 'payment', 'payment', 'order', 'order', 'tickets'];
  return kind === 'insurance'
    ? [...paying, 'quote']
    : kind === 'coupon-tickets'
      ? [...paying, 'coupons']
      : paying;
}

function payment(rng: Random): PaymentScript {
  const roll = rng.next();
  const outcome = roll < 0.14 ? 'cancel' : roll < 0.22 ? 'fail' : 'ok';
  const late = rng.next();
  return {
    outcome,
    notify: late < 0.14 ? 'late' : late < 0.2 ? 'held' : late < 0.25 ? 'dup' : 'now',
    // From within the client's confirmation polling (about 12 s of app time) to after the order's expiry.
    lateMs: rng.chance(0.7) ? rng.int(1000, 40000) : rng.int(4 * 60000, 8 * 60000),
    kill: rng.chance(0.06) ? 'sheet' : rng.chance(0.05) ? 'confirming' : false,
    killAfterMs: rng.int(0, 12000),
  };
}

export function drawPlan(rng: Random, kind: IntentKind): FaultPlan {
  const net: NetFault[] = [];
  if (rng.chance(0.4)) {
    const targets = targetsFor(kind);
    for (let i = rng.int(1, 2); i > 0; i--) {
      net.push({ target: rng.pick(targets), fault: rng.pick(NET_FAULTS), times: rng.int(1, 3) });
    }
  }
  const paying = kind !== 'claim';
  return {
    net,
    doubleTap: rng.chance(0.15),
    payments: paying ? [payment(rng), payment(rng), payment(rng)] : [],
    payAgain: rng.chance(0.6) ? rng.int(1, 2) : 0,
    leaveConfirming: rng.chance(0.5),
    coldStart: rng.chance(0.3),
    wechatPay:
      paying && rng.chance(0.15)
        ? Array.from({ length: rng.int(1, 2) }, () => ({
            fault: rng.chance(0.2) ? ('timeout' as const) : ('5xx' as const),
            on: '/jsapi',
          }))
        : [],
  };
}
