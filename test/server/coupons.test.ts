// Offers and coupons over real HTTP: idempotent claims under concurrent duplicates, stock and per-user limits,
// validity judged on Auckland's date, the wallet, and a merchant redeeming a code.
import { Clock, DAY, key, shopper, START, type Shopper } from './commerce';
import { useServer, type Schemas, type TestServer } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: 365 * DAY });

type ClaimResponse = Schemas['Coupon'] & Schemas['Error'];
const claim = (who: Shopper, offerId: string, idempotencyKey = key()) =>
  who.post<ClaimResponse>(`/v1/offers/${offerId}/claim`, undefined, { 'idempotency-key': idempotencyKey });
const offerRemaining = async (s: TestServer, offerId: string) =>
  (await s.api<Schemas['Offer']>(`/v1/offers/${offerId}`)).body.remaining;
const wallet = async (who: Shopper, status?: string) =>
  (await who.get<Schemas['CouponList']>(`/v1/coupons${status ? `?status=${status}` : ''}`)).body.items;

let alice: Shopper;
let bob: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
});
beforeEach(() => {
  clock.ms = START;
});

describe('claiming', () => {
  it('gives one coupon for concurrent duplicates of one key, with a snapshot of the offer', async () => {
    const before = await offerRemaining(server, 'harbour-dumplings-10-off');
    const k = key();
    const responses = await Promise.all(
      Array.from({ length: 10 }, () => claim(alice, 'harbour-dumplings-10-off', k)),
    );
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await offerRemaining(server, 'harbour-dumplings-10-off')).toBe(before - 1);
    const coupon = responses[0]!.body;
    const { body: offer } = await server.api<Schemas['Offer']>('/v1/offers/harbour-dumplings-10-off');
    expect(coupon).toMatchObject({
      offerId: offer.id,
      status: 'unused',
      title: offer.title,
      merchant: offer.merchant,
      discount: offer.discount,
      minSpend: offer.minSpend,
      scope: 'in_store',
      validUntil: offer.validUntil,
    });
    expect(coupon.code).toMatch(/^HDUMP[A-Z0-9]{8}$/);
    expect((await wallet(alice)).filter((c) => c.offerId === offer.id)).toHaveLength(1);
  });

  it('refuses the same key for another offer (409 IDEMPOTENCY_CONFLICT)', async () => {
    const k = key();
    expect((await claim(bob, 'fish-market-8-off', k)).status).toBe(201);
    const res = await claim(bob, 'manuka-honey-20-off', k);
    expect([res.status, res.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    expect((await wallet(bob)).some((c) => c.offerId === 'manuka-honey-20-off')).toBe(false);
  });

  it('stops at the per-user limit with 409 CLAIM_LIMIT_REACHED', async () => {
    const carol = await shopper(server, 'carol');
    const results = await Promise.all([1, 2, 3, 4].map(() => claim(carol, 'k-road-noodles-15-percent')));
    expect(results.map((r) => r.status).sort()).toEqual([201, 201, 409, 409]);
    expect(results.find((r) => r.status === 409)!.body.code).toBe('CLAIM_LIMIT_REACHED');
    expect(await wallet(carol)).toHaveLength(2);
    expect(new Set((await wallet(carol)).map((c) => c.code)).size).toBe(2);
  });

  it('gives the last coupon of an offer to exactly one of many concurrent claimants', async () => {
    const people = await Promise.all(['d1', 'd2', 'd3', 'd4', 'd5'].map((n) => shopper(server, n)));
    const results = await Promise.all(people.map((p) => claim(p, 'wynyard-grill-last-table')));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    const refused = results.filter((r) => r.status === 409);
    expect(refused).toHaveLength(4);
    for (const r of refused) expect(r.body.code).toBe('OFFER_SOLD_OUT');
    expect(await offerRemaining(server, 'wynyard-grill-last-table')).toBe(0);
  });

  it('answers 404 for an unknown offer and 401 without a session', async () => {
    expect((await claim(alice, 'no-such-offer')).status).toBe(404);
    const res = await server.api('/v1/offers/fish-market-8-off/claim', {
      method: 'POST',
      headers: { 'idempotency-key': key() },
    });
    expect(res.status).toBe(401);
  });
});

describe('validity on the destination date', () => {
  it('is valid at 23:58 on validUntil and expired at 00:00 the next day, Auckland time', async () => {
    const eve = await shopper(server, 'eve');
    clock.set('2026-10-31', '23:58');
    const res = await claim(eve, 'ponsonby-coffee-spring');
    expect(res.status).toBe(201);
    expect(await wallet(eve, 'unused')).toHaveLength(1);

    clock.set('2026-11-01', '00:00');
    const late = await claim(alice, 'ponsonby-coffee-spring');
    expect([late.status, late.body.code]).toEqual([410, 'OFFER_EXPIRED']);
    expect(await wallet(eve, 'unused')).toEqual([]);
    expect((await wallet(eve, 'expired')).map((c) => c.id)).toEqual([res.body.id]);
    const redeem = await server.api<Schemas['Error']>(`/dev/coupons/${res.body.code}/redeem`, {
      method: 'POST',
    });
    expect([redeem.status, redeem.body.code]).toEqual([409, 'COUPON_NOT_REDEEMABLE']);
  });

  it('is not started until 00:00 on validFrom, Auckland time (409 OFFER_NOT_STARTED before)', async () => {
    clock.set('2026-12-19', '23:59');
    const early = await claim(alice, 'mission-bay-gelato-summer');
    expect([early.status, early.body.code]).toEqual([409, 'OFFER_NOT_STARTED']);
    clock.set('2026-12-20', '00:00');
    expect((await claim(alice, 'mission-bay-gelato-summer')).status).toBe(201);
  });
});

describe('wallet and redemption', () => {
  it('lists newest first by status; a merchant scan marks an in-store coupon used, once', async () => {
    const fay = await shopper(server, 'fay');
    const first = (await claim(fay, 'allday-diner-5-off')).body;
    clock.advance(1000);
    const second = (await claim(fay, 'tickets-welcome-8-off')).body;
    expect((await wallet(fay)).map((c) => c.id)).toEqual([second.id, first.id]);

    const redeemed = await server.api<Schemas['Coupon']>(`/dev/coupons/${first.code}/redeem`, {
      method: 'POST',
    });
    expect(redeemed.status).toBe(200);
    expect(redeemed.body).toMatchObject({
      id: first.id,
      status: 'used',
      usedAt: new Date(clock.ms).toISOString(),
    });
    const again = await server.api<Schemas['Error']>(`/dev/coupons/${first.code}/redeem`, { method: 'POST' });
    expect([again.status, again.body.code]).toEqual([409, 'COUPON_NOT_REDEEMABLE']);
    const checkout = await server.api<Schemas['Error']>(`/dev/coupons/${second.code}/redeem`, {
      method: 'POST',
    });
    expect([checkout.status, checkout.body.code]).toEqual([409, 'COUPON_NOT_REDEEMABLE']);
    expect((await server.api(`/dev/coupons/NOPE12345/redeem`, { method: 'POST' })).status).toBe(404);

    expect((await wallet(fay, 'used')).map((c) => c.id)).toEqual([first.id]);
    expect((await wallet(fay, 'unused')).map((c) => c.id)).toEqual([second.id]);
    expect((await fay.get<Schemas['Coupon']>(`/v1/coupons/${first.id}`)).body.status).toBe('used');
  });

  it("keeps users' coupons apart (404 for another user's coupon)", async () => {
    const mine = (await claim(alice, 'sylvia-park-10-off')).body;
    expect((await bob.get(`/v1/coupons/${mine.id}`)).status).toBe(404);
    expect((await wallet(bob)).some((c) => c.id === mine.id)).toBe(false);
  });
});
