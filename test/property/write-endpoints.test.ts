// Every write endpoint of the dev API against hostile input, by property (fast-check): where the client
// validates (order contact, quote inputs, travellers and policyholder) client and server agree: what the client
// accepts, sent in the form it sends, is accepted; what it refuses, sent raw, is refused with 400 naming the same
// field. Where only the server decides (quantities, days, ids, keys, reasons) it answers by its published rules.
// Every refusal leaves the server's state exactly as it was.
import fc from 'fast-check';
import { validateQuoteInputs, newDraft } from '../../miniprogram/packages/insurance/domain/insurance-draft';
import { validateTicketContact, validateTraveller } from '../../miniprogram/domain/validate';
import { Clock, DAY, day, key, TODAY } from '../server/commerce';
import { startServer, type Schemas, type TestServer } from '../server/helpers';
import {
  DST_EDGES,
  birthDate,
  chineseName,
  chineseNameOf,
  contactName,
  email,
  hostileString,
  limitNumbers,
  mobile,
  otherPassport,
  permit,
  pinyinName,
  planted,
  prcIdFor,
  prcPassport,
} from './hostile-text';

// Hundreds of real requests per property: on a loaded 2-core machine a property takes longer than the default.
jest.setTimeout(120_000);

const RUNS = 100;
const opts = (seed: number) => ({ numRuns: RUNS, seed });

const clock = new Clock();
let server: TestServer;
let token: string;
let quote: Schemas['Quote'];
let plan: Schemas['InsurancePlan'];
let pendingOrder: string;

beforeAll(async () => {
  server = await startServer({
    now: clock.now,
    sessionTtlMs: 365 * DAY,
    // One person sends every case here: the per-person caps on unpaid orders are tested elsewhere.
    maxPendingOrders: 1_000_000,
    maxHeldPlaces: 1_000_000,
  });
  await server.api('/v1/destination');
  token = await server.login('hostile');
  plan = (await server.api<Schemas['InsurancePlanList']>('/v1/insurance/plans')).body.items.find(
    (p) => p.id === 'basic',
  )!;
  quote = (await post<Schemas['Quote']>('/v1/insurance/quotes', quoteBody())).body;
  pendingOrder = (await post<Schemas['Order']>('/v1/orders', orderBody(), key())).body.id;
});
afterAll(() => server.close());

function post<T = Schemas['Error']>(path: string, body?: unknown, idempotencyKey?: string) {
  return server.api<T>(path, {
    method: 'POST',
    body,
    token,
    ...(idempotencyKey !== undefined && { headers: { 'idempotency-key': idempotencyKey } }),
  });
}

/** Everything the server holds, so a refusal can be shown to have changed nothing. */
async function snapshot(): Promise<string> {
  // One query per table: the snapshot is taken twice per case, and the orders grow with every accepted one.
  const { db } = server.app.wayfarer.deps;
  const tables = {
    orders: `SELECT string_agg(id || ':' || status || ':' || holds_stock, ',' ORDER BY id) AS v FROM orders`,
    history: 'SELECT count(*)::text AS v FROM order_history',
    tickets: 'SELECT count(*)::text AS v FROM tickets',
    coupons: `SELECT string_agg(id || ':' || status || ':' || coalesce(reserved_by, ''), ',' ORDER BY id) AS v FROM coupons`,
    quotes: "SELECT string_agg(id, ',' ORDER BY id) AS v FROM quotes",
    policies: "SELECT string_agg(id, ',' ORDER BY id) AS v FROM policies",
    stock: `SELECT string_agg(product_id || day || ':' || held, ',' ORDER BY product_id, day) AS v FROM stock`,
    offerStock: `SELECT string_agg(offer_id || ':' || claimed, ',' ORDER BY offer_id) AS v FROM offer_claims`,
    keys: 'SELECT count(*)::text AS v FROM idempotency_keys',
  };
  const out: Record<string, unknown> = {};
  for (const [name, sql] of Object.entries(tables))
    out[name] = (await db.query<{ v: string | null }>(sql))[0]?.v;
  return JSON.stringify(out);
}

/** Sends a request the server must refuse, naming `field`, without storing anything. */
async function expectRefused(send: () => Promise<{ status: number; body: unknown }>, field: string) {
  const before = await snapshot();
  const { status, body } = await send();
  const error = body as Schemas['Error'];
  expect({ status, code: error.code, field: error.details?.field }).toEqual({
    status: 400,
    code: 'VALIDATION_FAILED',
    field,
  });
  expect(await snapshot()).toBe(before);
}

const CONTACT = { name: 'Li Wei', mobile: '+8613800138000', email: 'li.wei@example.com' };

function orderBody(item: Partial<Schemas['OrderItemRequest']> = {}, contact: unknown = CONTACT) {
  return {
    items: [{ productId: 'sky-tower-skydeck', ticketTypeId: 'adult', date: day(7), quantity: 1, ...item }],
    contact,
  };
}

function quoteBody(change: { startDate?: unknown; endDate?: unknown; birthDates?: unknown[] } = {}) {
  return {
    planId: 'basic',
    startDate: change.startDate ?? day(10),
    endDate: change.endDate ?? day(14),
    travellers: (change.birthDates ?? ['1990-05-01']).map((birthDate) => ({ birthDate })),
  };
}

/** What a user may type in a text field: hostile strings, valid values with one bad character, valid values. */
function typed(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    hostileString,
    planted(valid).map((p) => p.value),
    valid,
    valid.map((v) => ` ${v} `),
  );
}

describe('POST /v1/orders', () => {
  test('contact: the client and the server accept and refuse the same names, mobiles and e-mails', async () => {
    const field = fc.constantFrom('name', 'mobile', 'email') as fc.Arbitrary<'name' | 'mobile' | 'email'>;
    const value = (f: 'name' | 'mobile' | 'email') =>
      typed(f === 'name' ? contactName : f === 'mobile' ? mobile.map((m) => m.typed) : email);
    await fc.assert(
      fc.asyncProperty(
        field.chain((f) => value(f).map((v) => ({ f, v }))),
        async ({ f, v }) => {
          const contact = { ...CONTACT, [f]: v };
          const client = validateTicketContact(contact);
          if (client.ok) {
            const res = await post('/v1/orders', orderBody({}, client.value), key());
            expect([res.status, res.body]).toEqual([201, expect.anything()]);
          } else {
            await expectRefused(() => post('/v1/orders', orderBody({}, contact), key()), `contact.${f}`);
          }
        },
      ),
      opts(21),
    );
  });

  test('items: only a day the calendar sells, a ticket type of the product and a quantity in its range', async () => {
    const product = (await server.api<Schemas['Product']>('/v1/products/eden-park-stadium-tour')).body;
    const calendar = (
      await server.api<Schemas['Calendar']>(
        `/v1/products/${product.id}/calendar?from=${TODAY}&to=${day(119)}`,
      )
    ).body;
    const onSale = new Set(calendar.days.map((d) => d.date));
    const item = fc.record({
      ticketTypeId: fc.oneof(fc.constantFrom(...product.ticketTypes.map((t) => t.id), 'senior', 'pensioner')),
      date: fc.oneof(
        fc.constantFrom(...DST_EDGES, day(-1), day(0), day(1), day(119), day(200), '2027-02-29'),
        fc.constantFrom(...calendar.days.map((d) => d.date)),
        hostileString,
      ),
      quantity: fc.oneof(limitNumbers, fc.integer({ min: 1, max: 10 })),
    });
    await fc.assert(
      fc.asyncProperty(item, async (it) => {
        const type = product.ticketTypes.find((t) => t.id === it.ticketTypeId);
        const sells = typeof it.date === 'string' && onSale.has(it.date);
        const inRange =
          type !== undefined &&
          Number.isInteger(it.quantity) &&
          it.quantity >= Math.max(1, type.minQty) &&
          it.quantity <= type.maxQty;
        // Only one thing may be wrong for "the field" to be one field: fix the others.
        const wrong = [!type, !sells, !inRange].filter(Boolean).length;
        fc.pre(wrong <= 1);
        const body = orderBody({ productId: product.id, ...it });
        if (wrong === 0) {
          expect((await post('/v1/orders', body, key())).status).toBe(201);
          return;
        }
        const field = !type ? 'ticketTypeId' : !sells ? 'date' : 'quantity';
        await expectRefused(() => post('/v1/orders', body, key()), `items[0].${field}`);
      }),
      opts(22),
    );
  });

  test('the Idempotency-Key: 8-64 of A-Z a-z 0-9 . _ : -, or 400 naming the header', async () => {
    const keyChars = fc.constantFrom(...'aZ09._:-/ +=<>"\'!@#$%^&*(){}'.split(''));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: keyChars, maxLength: 80 }), async (k) => {
        const valid = /^[A-Za-z0-9._:-]{8,64}$/.test(k.trim());
        fc.pre(k === k.trim());
        if (valid) expect((await post('/v1/orders', orderBody(), k)).status).toBe(201);
        else await expectRefused(() => post('/v1/orders', orderBody(), k), 'Idempotency-Key');
      }),
      opts(23),
    );
  });
});

describe('POST /v1/insurance/quotes', () => {
  test('trip dates and birth dates: the quote page and the server agree, daylight-saving edges included', async () => {
    const date = fc.oneof(
      fc.constantFrom(...DST_EDGES, day(-1), day(0), day(29), day(30), day(31), '2027-02-29', ''),
      birthDate,
      hostileString,
    );
    const change = fc.oneof(
      date.map((startDate) => ({ startDate })),
      date.map((endDate) => ({ endDate })),
      fc.tuple(date, fc.nat(2)).map(([b, at]) => ({
        birthDates: ['1990-05-01', '2012-01-31', '1950-03-03'].map((d, i) => (i === at ? b : d)),
      })),
    );
    await fc.assert(
      fc.asyncProperty(change, async (c) => {
        const body = quoteBody(c);
        const draft = {
          ...newDraft('basic'),
          startDate: body.startDate as string,
          endDate: body.endDate as string,
          birthDates: body.travellers.map((t) => t.birthDate as string),
        };
        const errors = validateQuoteInputs(draft, { today: TODAY, plan });
        if (errors.length === 0) expect((await post('/v1/insurance/quotes', body)).status).toBe(201);
        else await expectRefused(() => post('/v1/insurance/quotes', body), errors[0]!.field);
      }),
      opts(24),
    );
  });
});

describe('POST /v1/insurance/policies', () => {
  const BIRTH = '1990-05-01';
  const kinds = {
    prc_id: {
      nameZh: '张伟',
      namePinyin: 'ZHANG WEI',
      documentType: 'prc_id',
      documentNumber: prcIdFor(BIRTH, '123'),
    },
    passport_cn: {
      nameZh: '张伟',
      namePinyin: 'ZHANG WEI',
      documentType: 'passport',
      passportIssuer: 'CHN',
      documentNumber: 'E12345678',
      sex: 'M',
    },
    passport_other: {
      namePinyin: 'ZHANG WEI',
      documentType: 'passport',
      passportIssuer: 'other',
      documentNumber: 'P1234567',
    },
    permit: {
      nameZh: '张伟',
      namePinyin: 'ZHANG WEI',
      documentType: 'hk_macao_permit',
      documentNumber: 'C12345678',
    },
  } as const;
  const fieldValues: Record<string, fc.Arbitrary<unknown>> = {
    nameZh: typed(chineseName),
    namePinyin: typed(pinyinName),
    documentNumber: fc.oneof(
      typed(prcPassport),
      typed(otherPassport),
      typed(permit),
      birthDate.map((b) => prcIdFor(b, '777')),
    ),
    documentType: fc.oneof(
      fc.constantFrom('prc_id', 'passport', 'hk_macao_permit', 'PRC_ID', ''),
      hostileString,
    ),
    passportIssuer: fc.oneof(fc.constantFrom('CHN', 'other', 'chn', ''), hostileString),
    sex: fc.oneof(fc.constantFrom('M', 'F', 'm', 'X', ''), hostileString),
  };

  test('travellers and policyholder: the travellers page and the server agree field by field', async () => {
    const mutation = fc.oneof(
      fc
        .tuple(
          fc.constantFrom(...(Object.keys(kinds) as Array<keyof typeof kinds>)),
          fc.constantFrom(...Object.keys(fieldValues)),
        )
        .chain(([kind, f]) => fieldValues[f]!.map((v) => ({ kind, where: 'traveller' as const, f, v }))),
      fc.constantFrom('name', 'mobile', 'email').chain((f) =>
        typed(f === 'name' ? contactName : f === 'mobile' ? mobile.map((m) => m.typed) : email).map((v) => ({
          kind: 'passport_cn' as const,
          where: 'holder' as const,
          f,
          v,
        })),
      ),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async ({ kind, where, f, v }) => {
        const rawTraveller: Record<string, unknown> = { ...kinds[kind], birthDate: BIRTH };
        const holder: Record<string, unknown> = { ...CONTACT };
        if (where === 'traveller') rawTraveller[f] = v;
        else holder[f] = v;
        const traveller = validateTraveller(rawTraveller, {
          today: TODAY,
          tripStart: quote.startDate,
          minAge: plan.minAge,
          maxAge: plan.maxAge,
        });
        const contact = validateTicketContact(holder);
        const body = (t: unknown, h: unknown) => ({
          quoteId: quote.id,
          travellers: [t],
          holder: h,
          acceptedTermsVersion: plan.termsVersion,
        });
        if (traveller.ok && contact.ok) {
          const res = await post<Schemas['Order']>(
            '/v1/insurance/policies',
            body(traveller.value, contact.value),
            key(),
          );
          expect([res.status, res.body]).toEqual([201, expect.anything()]);
          // A quote is bought once while an order for it is live: cancelling frees it for the next case.
          await post(`/v1/orders/${res.body.id}/cancel`);
          return;
        }
        const first = !traveller.ok
          ? `travellers[0].${traveller.errors[0]!.field}`
          : `holder.${!contact.ok && contact.errors[0]!.field}`;
        await expectRefused(() => post('/v1/insurance/policies', body(rawTraveller, holder), key()), first);
      }),
      opts(25),
    );
  });

  test('names at their length limits: what the client accepts, the server accepts', async () => {
    const longest = fc.record({
      nameZh: chineseNameOf(18, 20),
      namePinyin: pinyinName.filter((n) => n.length >= 50),
    });
    await fc.assert(
      fc.asyncProperty(longest, async (names) => {
        const raw = { ...kinds.passport_cn, ...names, birthDate: BIRTH };
        const checked = validateTraveller(raw, {
          today: TODAY,
          tripStart: quote.startDate,
          minAge: plan.minAge,
          maxAge: plan.maxAge,
        });
        expect(checked.ok).toBe(true);
        const body = {
          quoteId: quote.id,
          travellers: [checked.ok && checked.value],
          holder: CONTACT,
          acceptedTermsVersion: plan.termsVersion,
        };
        const res = await post<Schemas['Order'] & Schemas['Error']>('/v1/insurance/policies', body, key());
        expect([res.status, res.body.details?.field]).toEqual([201, undefined]);
        await post(`/v1/orders/${res.body.id}/cancel`);
      }),
      { numRuns: 40, seed: 30 },
    );
  });
});

/** No lone surrogate: only such a string can be put in a URL. */
function wellFormed(s: string): boolean {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
}

describe('writes without a client form', () => {
  const ids = fc.oneof(
    fc.constantFrom('sky-tower', 'x'.repeat(64), 'x'.repeat(65), 'ord_unknown', 'a/b', 'a b', '%00', '...'),
    // '.' and '..' are path segments a URL resolves away before any server sees them.
    hostileString.filter((s) => wellFormed(s) && !['', '.', '..'].includes(s)),
  );
  const idOk = (id: string) => /^[A-Za-z0-9_-]{1,64}$/.test(id);
  /** Fastify refuses path parameters over 100 characters itself (414), before the contract is checked. */
  const tooLong = (id: string) => id.length > 100;

  test.each([
    ['claim an offer', (id: string) => post(`/v1/offers/${encodeURIComponent(id)}/claim`, undefined, key())],
    ['pay an order', (id: string) => post(`/v1/orders/${encodeURIComponent(id)}/payment`)],
    ['cancel an order', (id: string) => post(`/v1/orders/${encodeURIComponent(id)}/cancel`)],
    ['cancel a policy', (id: string) => post(`/v1/policies/${encodeURIComponent(id)}/cancel`)],
  ])('%s: a malformed id is 400 naming it, an unknown one 404; nothing is stored', async (_what, send) => {
    await fc.assert(
      fc.asyncProperty(ids, async (id) => {
        const before = await snapshot();
        const { status, body } = await send(id);
        const field = (body as Schemas['Error']).details?.field;
        if (idOk(id)) expect(status).toBe(404);
        else if (tooLong(id)) expect(status).toBe(414);
        else expect([status, field]).toEqual([400, 'id']);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 40, seed: 26 },
    );
  });

  test('redeem a coupon code (dev): malformed is 400, unknown 404, nothing stored', async () => {
    await fc.assert(
      fc.asyncProperty(ids, async (code) => {
        const before = await snapshot();
        const { status } = await post(`/dev/coupons/${encodeURIComponent(code)}/redeem`);
        expect(tooLong(code) ? [414] : [400, 404]).toContain(status);
        expect(await snapshot()).toBe(before);
      }),
      { numRuns: 40, seed: 27 },
    );
  });

  test('refund reason: 1-200 characters or 400 naming it; an unpaid order is refused either way, unchanged', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (reason) => {
        const before = await snapshot();
        const { status, body } = await post(`/v1/orders/${pendingOrder}/refund`, { reason });
        const length = Array.from(reason).length;
        // PostgreSQL text can not hold U+0000: such a string is refused as a bad character, naming its field.
        if (length >= 1 && length <= 200 && !reason.includes('\u0000'))
          expect([status, (body as Schemas['Error']).code]).toEqual([409, 'ORDER_NOT_REFUNDABLE']);
        else expect([status, (body as Schemas['Error']).details?.field]).toEqual([400, 'reason']);
        expect(await snapshot()).toBe(before);
      }),
      opts(28),
    );
  });

  test('login code: 1-128 characters, or 400 naming it', async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (code) => {
        const { status, body } = await server.api<Schemas['Error']>('/v1/auth/session', { body: { code } });
        const length = Array.from(code).length;
        if (length >= 1 && length <= 128 && !code.includes('\u0000')) expect([200, 401]).toContain(status);
        else expect([status, body.details?.field]).toEqual([400, 'code']);
      }),
      opts(29),
    );
  });
});
