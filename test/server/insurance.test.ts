// Insurance over real HTTP: quotes priced by plan x days x age band, policies bought through an order that is
// idempotent and validated with the client's own rules, issued on payment, masked, downloadable and cancellable.
import { makeId } from '../unit/validate/fixtures';
import { pdfText } from '../support/pdf-text';
import { resendNotification } from '../support/stack';
import { Clock, DAY, MINUTE, day, key, shopper, START, type Shopper } from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: 365 * DAY });

type OrderOrError = Schemas['Order'] & Schemas['Error'];
const ADULT_ID = makeId('110101', '19900501', '123');
const travellers = (): Schemas['PolicyTravellerRequest'][] => [
  {
    nameZh: '李伟',
    namePinyin: 'LI WEI',
    documentType: 'prc_id',
    documentNumber: ADULT_ID,
    birthDate: '1990-05-01',
  },
  {
    nameZh: '李小明',
    namePinyin: 'LI XIAOMING',
    documentType: 'passport',
    passportIssuer: 'CHN',
    documentNumber: 'E12345678',
    birthDate: '2015-03-03',
    sex: 'M',
  },
  {
    namePinyin: 'SMITH JANE',
    documentType: 'passport',
    passportIssuer: 'other',
    documentNumber: 'LA1234567',
    birthDate: '1955-01-01',
    sex: 'F',
  },
];
const holder: Schemas['Contact'] = { name: '李伟', mobile: '+8613800138000', email: 'li.wei@example.com' };

let alice: Shopper;
let bob: Shopper;
beforeAll(async () => {
  alice = await shopper(server, 'alice');
  bob = await shopper(server, 'bob');
});
beforeEach(() => {
  clock.ms = START;
});

async function quote(who: Shopper, overrides: Partial<Schemas['QuoteRequest']> = {}) {
  return who.post<Schemas['Quote'] & Schemas['Error']>('/v1/insurance/quotes', {
    planId: 'basic',
    startDate: day(10),
    endDate: day(14),
    travellers: travellers().map((t) => ({ birthDate: t.birthDate })),
    ...overrides,
  });
}

function buy(who: Shopper, body: unknown, idempotencyKey = key()) {
  return who.post<OrderOrError>('/v1/insurance/policies', body, { 'idempotency-key': idempotencyKey });
}

const policyBody = (
  quoteId: string,
  extra: Partial<Schemas['PolicyRequest']> = {},
): Schemas['PolicyRequest'] => ({
  quoteId,
  travellers: travellers(),
  holder,
  acceptedTermsVersion: '2026.11-basic',
  ...extra,
});

/** Pays an order at WeChat Pay (its notification delivered); the order as its owner then sees it. */
async function pay(who: Shopper, orderId: string): Promise<Schemas['Order']> {
  await who.pay(orderId);
  return (await who.get<Schemas['Order']>(`/v1/orders/${orderId}`)).body;
}

describe('quotes', () => {
  it('prices each traveller by age band on the start date times the trip days, and expires in 30 minutes', async () => {
    const res = await quote(alice);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ planId: 'basic', startDate: day(10), endDate: day(14), tripDays: 5 });
    expect(res.body.perTraveller).toEqual([
      { birthDate: '1990-05-01', ageBand: 'adult', premium: { amount: 800 * 5, currency: 'CNY' } },
      { birthDate: '2015-03-03', ageBand: 'child', premium: { amount: 600 * 5, currency: 'CNY' } },
      { birthDate: '1955-01-01', ageBand: 'senior', premium: { amount: 1600 * 5, currency: 'CNY' } },
    ]);
    expect(res.body.premium).toEqual({ amount: (800 + 600 + 1600) * 5, currency: 'CNY' });
    expect(Date.parse(res.body.expiresAt) - clock.ms).toBe(30 * MINUTE);
  });

  it('names the bad trip and traveller fields', async () => {
    const past = await quote(alice, { startDate: day(-1), endDate: day(2) });
    expect([past.status, past.body.details?.field]).toEqual([400, 'startDate']);
    const backwards = await quote(alice, { startDate: day(5), endDate: day(4) });
    expect(backwards.body.details?.fields?.[0]).toMatchObject({
      field: 'endDate',
      code: 'trip.end_before_start',
    });
    const long = await quote(alice, { startDate: day(1), endDate: day(31) });
    expect(long.body.details?.fields?.[0]).toMatchObject({ field: 'endDate', code: 'trip.too_long' });
    const ages = await quote(alice, {
      travellers: [{ birthDate: '1990-01-01' }, { birthDate: '1930-01-01' }],
    });
    expect(ages.body.details?.fields).toEqual([
      expect.objectContaining({ field: 'travellers[1].birthDate', code: 'age.too_old' }),
    ]);
    expect((await quote(alice, { planId: 'no-such-plan' })).status).toBe(404);
  });
});

describe('buying a policy', () => {
  it('opens one insurance order per key (replays answer 200) and 409 for the same key with another body', async () => {
    const q = (await quote(alice)).body;
    const k = key();
    const [a, b] = await Promise.all([buy(alice, policyBody(q.id), k), buy(alice, policyBody(q.id), k)]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const order = a.body;
    expect(order).toMatchObject({ kind: 'insurance', status: 'PENDING_PAYMENT', contact: holder });
    expect(order.items.map((i) => [i.ticketTypeId, i.quantity, i.unitPrice.amount, i.date])).toEqual([
      ['child', 1, 3000, day(10)],
      ['adult', 1, 4000, day(10)],
      ['senior', 1, 8000, day(10)],
    ]);
    expect(order.total).toEqual(q.premium);
    expect(order.totalCny).toEqual(q.premium);
    const conflict = await buy(alice, policyBody(q.id, { holder: { ...holder, name: '王芳' } }), k);
    expect([conflict.status, conflict.body.code]).toEqual([409, 'IDEMPOTENCY_CONFLICT']);
    expect((await alice.get<Schemas['OrderList']>('/v1/orders?kind=insurance')).body.items).toHaveLength(1);
  });

  it('validates every traveller with the shared rules and stores nothing when one is wrong', async () => {
    const q = (await quote(alice)).body;
    const before = (await alice.get<Schemas['OrderList']>('/v1/orders')).body.items.length;
    const bad = travellers();
    bad[0] = { ...bad[0]!, documentNumber: `${ADULT_ID.slice(0, 17)}${ADULT_ID.endsWith('1') ? '2' : '1'}` };
    bad[1] = { ...bad[1]!, birthDate: '2015-03-04' };
    bad[2] = { ...bad[2]!, namePinyin: 'Smith Jane' };
    const res = await buy(
      alice,
      policyBody(q.id, { travellers: bad, holder: { ...holder, mobile: '+8612345678901' } }),
    );
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.details?.field).toBe('travellers[0].documentNumber');
    expect(res.body.details?.fields?.map((f) => [f.field, f.code])).toEqual([
      ['travellers[0].documentNumber', 'id.checksum'],
      ['travellers[1].birthDate', 'invalid'],
      ['travellers[2].namePinyin', 'lowercase'],
      ['holder.mobile', 'mobile.cn'],
    ]);
    const missing = await buy(alice, policyBody(q.id, { travellers: travellers().slice(0, 2) }));
    expect([missing.status, missing.body.details?.field]).toEqual([400, 'travellers']);
    const passport = travellers();
    delete passport[2]!.passportIssuer;
    const issuer = await buy(alice, policyBody(q.id, { travellers: passport }));
    expect(issuer.body.details?.fields?.[0]).toMatchObject({
      field: 'travellers[2].passportIssuer',
      code: 'required',
    });
    expect((await alice.get<Schemas['OrderList']>('/v1/orders')).body.items).toHaveLength(before);
  });

  it('refuses old terms (409), an expired quote (410) and a quote of another user (404)', async () => {
    const q = (await quote(alice)).body;
    const terms = await buy(alice, policyBody(q.id, { acceptedTermsVersion: '2025.01-basic' }));
    expect([terms.status, terms.body.code]).toEqual([409, 'TERMS_VERSION_MISMATCH']);
    expect((await buy(bob, policyBody(q.id))).status).toBe(404);
    clock.advance(30 * MINUTE);
    const expired = await buy(alice, policyBody(q.id));
    expect([expired.status, expired.body.code]).toEqual([410, 'QUOTE_EXPIRED']);
  });
});

describe('policies', () => {
  it('issues the policy on payment, masks document numbers and serves its document to its owner only', async () => {
    const q = (await quote(alice)).body;
    const order = (await buy(alice, policyBody(q.id))).body;
    expect((await alice.get<Schemas['PolicyList']>('/v1/policies')).body.items).toEqual([]);
    const paid = await pay(alice, order.id);
    expect(paid.status).toBe('FULFILLED');
    expect(paid.policyId).toBeDefined();
    expect(await resendNotification(server, order.id)).toBe(204);
    const list = (await alice.get<Schemas['PolicyList']>('/v1/policies')).body.items;
    expect(list).toHaveLength(1);
    const policy = list[0]!;
    expect(policy).toMatchObject({
      id: paid.policyId,
      orderId: order.id,
      planId: 'basic',
      status: 'active',
      startDate: day(10),
      endDate: day(14),
      timeZone: 'Pacific/Auckland',
      premium: q.premium,
      termsVersion: '2026.11-basic',
      cancellable: true,
    });
    expect(policy.insured.map((p) => p.documentNumberMasked)).toEqual([
      `${ADULT_ID.slice(0, 6)}********${ADULT_ID.slice(14)}`,
      'E1234****',
      'LA123****',
    ]);
    expect(JSON.stringify(policy)).not.toContain('E12345678');
    expect(policy.insured.map((p) => p.ageBand)).toEqual(['adult', 'child', 'senior']);

    const url = new URL(policy.documentUrl);
    expect(url.origin).toBe(server.baseUrl);
    const download = await fetch(url, { headers: { authorization: `Bearer ${alice.token}` } });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    const pdf = Buffer.from(await download.arrayBuffer());
    // The font is embedded as a subset of the glyphs used: about 18 KB for this policy.
    expect(pdf.length).toBeLessThan(50_000);
    const text = await pdfText(pdf);
    expect(text).toContain(`保单号 Policy number: ${policy.policyNumber}`);
    expect(text).toContain(`保险计划 Plan: ${policy.planName['zh-CN']} / ${policy.planName.en}`);
    expect(text).toContain(`投保人 Policyholder: ${holder.name}`);
    expect(text).toContain('被保险人 Insured persons:');
    for (const name of ['李伟 LI WEI', '李小明 LI XIAOMING', 'SMITH JANE']) expect(text).toContain(name);
    expect(text).not.toContain(ADULT_ID);
    expect((await server.api(url.pathname)).status).toBe(401);
    expect((await bob.get(url.pathname)).status).toBe(404);
    expect((await bob.get(`/v1/policies/${policy.id}`)).status).toBe(404);
    expect((await bob.get<Schemas['PolicyList']>('/v1/policies')).body.items).toEqual([]);
  });

  it('cancels before the start date with a refund, and not on or after it', async () => {
    const early = (await buy(alice, policyBody((await quote(alice)).body.id))).body;
    const late = (await buy(alice, policyBody((await quote(alice)).body.id))).body;
    const earlyPolicy = (await pay(alice, early.id)).policyId!;
    const latePolicy = (await pay(alice, late.id)).policyId!;

    const cancelled = await alice.post<Schemas['Policy']>(`/v1/policies/${earlyPolicy}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellable: false });
    expect(cancelled.body.cancelledAt).toBe(new Date(clock.ms).toISOString());
    // The refund went to WeChat Pay before the answer (the simulator refunds at once here).
    const refunded = (await alice.get<Schemas['Order']>(`/v1/orders/${early.id}`)).body;
    expect(refunded.history.map((h) => h.status).slice(-2)).toEqual(['REFUNDING', 'REFUNDED']);
    const again = await alice.post<Schemas['Error']>(`/v1/policies/${earlyPolicy}/cancel`);
    expect([again.status, again.body.code]).toEqual([409, 'POLICY_NOT_CANCELLABLE']);

    clock.set(day(10), '00:00');
    const started = await alice.post<Schemas['Error']>(`/v1/policies/${latePolicy}/cancel`);
    expect([started.status, started.body.code]).toEqual([409, 'POLICY_NOT_CANCELLABLE']);
    const refund = await alice.post<Schemas['Error']>(`/v1/orders/${late.id}/refund`, {
      reason: 'changed my mind',
    });
    expect([refund.status, refund.body.code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
    expect((await alice.get<Schemas['Policy']>(`/v1/policies/${latePolicy}`)).body.status).toBe('active');
    clock.set(day(15), '00:00');
    expect((await alice.get<Schemas['Policy']>(`/v1/policies/${latePolicy}`)).body.status).toBe('expired');
  });

  it('refunding the insurance order before the start date cancels its policy', async () => {
    const order = (await buy(alice, policyBody((await quote(alice)).body.id))).body;
    const policyId = (await pay(alice, order.id)).policyId!;
    const res = await alice.post<Schemas['Order']>(`/v1/orders/${order.id}/refund`, { reason: 'trip off' });
    expect(res.body.status).toBe('REFUNDING');
    expect((await alice.get<Schemas['Policy']>(`/v1/policies/${policyId}`)).body.status).toBe('cancelled');
  });
});

describe('one quote, one policy', () => {
  it('refuses a second purchase of a quote while the first is unpaid or its policy is in force', async () => {
    const carol = await shopper(server, 'carol');
    const q = (await quote(carol)).body;
    const first = await buy(carol, policyBody(q.id));
    expect(first.status).toBe(201);
    const second = await buy(carol, policyBody(q.id));
    expect(second).toMatchObject({
      status: 409,
      body: { code: 'QUOTE_ALREADY_USED', details: { field: 'quoteId' } },
    });
    expect((await pay(carol, first.body.id)).status).toBe('FULFILLED');
    expect((await buy(carol, policyBody(q.id))).body.code).toBe('QUOTE_ALREADY_USED');
    const policies = (await carol.get<Schemas['PolicyList']>('/v1/policies')).body.items;
    expect(policies.filter((p) => p.status === 'active')).toHaveLength(1);
  });

  it('lets a quote be bought again once the unpaid order for it is cancelled', async () => {
    const dan = await shopper(server, 'dan');
    const q = (await quote(dan)).body;
    const first = await buy(dan, policyBody(q.id));
    await dan.post(`/v1/orders/${first.body.id}/cancel`);
    expect((await buy(dan, policyBody(q.id))).status).toBe(201);
  });
});
