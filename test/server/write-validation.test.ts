// Every invalid field of every commerce write endpoint: 400 VALIDATION_FAILED naming the field, and nothing
// stored (the user's orders, coupons and policies, the stock and the offers' counts are as before).
import { makeId } from '../unit/validate/fixtures';
import { Clock, DAY, contact, day, key, orderBody, shopper, type Shopper } from './commerce';
import { useServer, type Schemas } from './helpers';

const clock = new Clock();
const server = useServer({ now: clock.now, sessionTtlMs: 365 * DAY });

const DROP = Symbol('drop');
type Mutation = [path: string, value: unknown, field: string, code?: string];

/** A deep copy of `body` with the value at `path` (`items[0].quantity`) replaced or dropped. */
function mutate(body: unknown, path: string, value: unknown): unknown {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const keys = path.split(/\.|\[(\d+)\]/).filter((k) => k !== undefined && k !== '');
  let target: Record<string, unknown> = copy;
  for (const k of keys.slice(0, -1)) target = target[k] as Record<string, unknown>;
  const last = keys[keys.length - 1]!;
  if (value === DROP) delete target[last];
  else target[last] = value;
  return copy;
}

let user: Shopper;
let paidOrderId: string;
let quoteId: string;

async function snapshot(): Promise<unknown> {
  const calendar = (id: string) => server.api(`/v1/products/${id}/calendar?from=${day(0)}&to=${day(30)}`);
  const [orders, coupons, policies, sky, offers] = await Promise.all([
    user.get('/v1/orders'),
    user.get('/v1/coupons'),
    user.get('/v1/policies'),
    calendar('sky-tower-skydeck'),
    server.api('/v1/offers'),
  ]);
  return [orders.body, coupons.body, policies.body, sky.body, offers.body];
}

async function expectInvalid(
  send: () => Promise<{ status: number; body: unknown }>,
  field: string,
  code?: string,
) {
  const { status, body } = await send();
  const error = body as Schemas['Error'];
  expect([field, status, error.code, error.details?.field]).toEqual([field, 400, 'VALIDATION_FAILED', field]);
  if (code !== undefined)
    expect(error.details?.fields).toContainEqual(expect.objectContaining({ field, code }));
}

let before: unknown;
beforeAll(async () => {
  user = await shopper(server, 'validator');
  const order = (await user.createOrder(orderBody([{ date: day(20) }]))).body;
  await user.pay(order.id);
  paidOrderId = order.id;
  const q = await user.post<Schemas['Quote']>('/v1/insurance/quotes', {
    planId: 'basic',
    startDate: day(10),
    endDate: day(12),
    travellers: [{ birthDate: '1990-05-01' }],
  });
  quoteId = q.body.id;
  before = await snapshot();
});

describe('POST /v1/orders', () => {
  const valid = orderBody([{ date: day(5), quantity: 2 }]);
  const mutations: Mutation[] = [
    ['items', DROP, 'items', 'required'],
    ['items', [], 'items', 'too_short'],
    ['items', Array.from({ length: 21 }, () => valid.items[0]), 'items', 'too_long'],
    ['items[0].productId', DROP, 'items[0].productId', 'required'],
    ['items[0].productId', 'not an id!', 'items[0].productId', 'bad_chars'],
    ['items[0].productId', 42, 'items[0].productId', 'invalid_type'],
    ['items[0].ticketTypeId', DROP, 'items[0].ticketTypeId', 'required'],
    ['items[0].ticketTypeId', 'pensioner', 'items[0].ticketTypeId', 'choice'],
    ['items[0].date', DROP, 'items[0].date', 'required'],
    ['items[0].date', '2026-13-01', 'items[0].date', 'date.format'],
    ['items[0].date', '2026-12-5', 'items[0].date', 'date.format'],
    ['items[0].date', day(-1), 'items[0].date', 'date.past'],
    ['items[0].date', day(200), 'items[0].date', 'choice'],
    ['items[0].quantity', DROP, 'items[0].quantity', 'required'],
    ['items[0].quantity', 0, 'items[0].quantity', 'out_of_range'],
    ['items[0].quantity', 51, 'items[0].quantity', 'out_of_range'],
    ['items[0].quantity', 11, 'items[0].quantity', 'out_of_range'],
    ['items[0].quantity', 1.5, 'items[0].quantity', 'invalid_type'],
    ['items[0].quantity', '2', 'items[0].quantity', 'invalid_type'],
    ['items[0].price', 1, 'items[0].price', 'unknown_field'],
    ['items[1]', { ...valid.items[0] }, 'items[1].ticketTypeId', 'invalid'],
    ['contact', DROP, 'contact', 'required'],
    ['contact.name', DROP, 'contact.name', 'required'],
    ['contact.name', '', 'contact.name', 'too_short'],
    ['contact.name', '   ', 'contact.name', 'required'],
    ['contact.name', 'Li\u200bWei', 'contact.name', 'invisible'],
    ['contact.mobile', DROP, 'contact.mobile', 'required'],
    ['contact.mobile', '13800138000', 'contact.mobile', 'mobile.format'],
    ['contact.mobile', '+8612345678901', 'contact.mobile', 'mobile.cn'],
    ['contact.email', DROP, 'contact.email', 'required'],
    ['contact.email', 'li.wei@@example.com', 'contact.email', 'email.format'],
    ['contact.phone', '+8613800138000', 'contact.phone', 'unknown_field'],
    ['couponId', 'bad id!', 'couponId', 'bad_chars'],
    ['total', { amount: 1, currency: 'NZD' }, 'total', 'unknown_field'],
  ];
  it.each(mutations)('%s = %p -> 400 naming %s', async (...[path, value, field, code]: Mutation) => {
    await expectInvalid(() => user.createOrder(mutate(valid, path, value)), field, code);
  });

  it.each([
    ['missing', undefined, 'required'],
    ['too short', 'abc', 'too_short'],
    ['with spaces', 'has spaces in it', 'bad_chars'],
  ])('Idempotency-Key %s -> 400 naming the header', async (_what, value, code) => {
    const headers: Record<string, string> = value === undefined ? {} : { 'idempotency-key': value };
    await expectInvalid(
      () => server.api('/v1/orders', { body: valid, token: user.token, headers }),
      'Idempotency-Key',
      code,
    );
  });

  it('names every bad field, the first in details.field', async () => {
    const body = mutate(mutate(valid, 'items[0].date', day(-1)), 'contact.name', '  ');
    const { body: error } = await user.createOrder(body);
    expect((error as unknown as Schemas['Error']).details?.fields?.map((f) => f.field)).toEqual([
      'contact.name',
      'items[0].date',
    ]);
  });

  it('answers 404 (not 400) for a product that does not exist, naming it', async () => {
    const res = await user.createOrder(mutate(valid, 'items[0].productId', 'no-such-product'));
    expect([res.status, res.body.details?.field]).toEqual([404, 'items[0].productId']);
  });
});

describe('POST /v1/orders/{id}/refund, /payment, /cancel', () => {
  it.each<Mutation>([
    ['reason', DROP, 'reason', 'required'],
    ['reason', '', 'reason', 'too_short'],
    ['reason', 'x'.repeat(201), 'reason', 'too_long'],
    ['reason', 7, 'reason', 'invalid_type'],
  ])('refund %s = %p -> 400 naming %s', async (...[path, value, field, code]: Mutation) => {
    await expectInvalid(
      () => user.post(`/v1/orders/${paidOrderId}/refund`, mutate({ reason: 'x' }, path, value)),
      field,
      code,
    );
  });

  it.each(['payment', 'cancel'])('%s with a malformed id -> 400 naming id', async (action) => {
    await expectInvalid(() => user.post(`/v1/orders/bad.id/${action}`), 'id', 'bad_chars');
  });
});

describe('POST /v1/offers/{id}/claim', () => {
  it('without an Idempotency-Key -> 400 naming the header', async () => {
    await expectInvalid(() => user.post('/v1/offers/fish-market-8-off/claim'), 'Idempotency-Key', 'required');
  });
  it('with a malformed offer id -> 400 naming id', async () => {
    await expectInvalid(
      () => user.post('/v1/offers/bad.id/claim', undefined, { 'idempotency-key': key() }),
      'id',
    );
  });
});

describe('POST /v1/insurance/quotes', () => {
  const valid = {
    planId: 'basic',
    startDate: day(10),
    endDate: day(12),
    travellers: [{ birthDate: '1990-05-01' }],
  };
  it.each<Mutation>([
    ['planId', DROP, 'planId', 'required'],
    ['planId', '', 'planId', 'too_short'],
    ['startDate', DROP, 'startDate', 'required'],
    ['startDate', '10/12/2026', 'startDate', 'date.format'],
    ['startDate', day(-1), 'startDate', 'date.past'],
    ['endDate', DROP, 'endDate', 'required'],
    ['endDate', '2026-02-30', 'endDate', 'date.format'],
    ['endDate', day(9), 'endDate', 'trip.end_before_start'],
    ['endDate', day(50), 'endDate', 'trip.too_long'],
    ['travellers', [], 'travellers', 'too_short'],
    ['travellers', Array.from({ length: 10 }, () => ({ birthDate: '1990-05-01' })), 'travellers', 'too_long'],
    ['travellers[0].birthDate', DROP, 'travellers[0].birthDate', 'required'],
    ['travellers[0].birthDate', day(1), 'travellers[0].birthDate', 'date.future'],
    ['travellers[0].birthDate', '1930-01-01', 'travellers[0].birthDate', 'age.too_old'],
    ['travellers[0].name', 'LI WEI', 'travellers[0].name', 'unknown_field'],
  ])('%s = %p -> 400 naming %s', async (...[path, value, field, code]: Mutation) => {
    await expectInvalid(() => user.post('/v1/insurance/quotes', mutate(valid, path, value)), field, code);
  });
});

describe('POST /v1/insurance/policies', () => {
  const adultId = makeId('110101', '19900501', '123');
  const valid = (): Schemas['PolicyRequest'] => ({
    quoteId,
    travellers: [
      {
        nameZh: '李伟',
        namePinyin: 'LI WEI',
        documentType: 'prc_id',
        documentNumber: adultId,
        birthDate: '1990-05-01',
      },
    ],
    holder: contact,
    acceptedTermsVersion: '2026.11-basic',
  });
  it.each<Mutation>([
    ['quoteId', DROP, 'quoteId', 'required'],
    ['travellers', [], 'travellers', 'too_short'],
    ['travellers[1]', valid().travellers[0], 'travellers', 'too_long'],
    ['travellers[0].nameZh', DROP, 'travellers[0].nameZh', 'required'],
    ['travellers[0].nameZh', 'Li', 'travellers[0].nameZh', 'name.zh'],
    ['travellers[0].namePinyin', DROP, 'travellers[0].namePinyin', 'required'],
    ['travellers[0].namePinyin', 'li wei', 'travellers[0].namePinyin', 'lowercase'],
    ['travellers[0].documentType', 'visa', 'travellers[0].documentType', 'choice'],
    ['travellers[0].documentNumber', DROP, 'travellers[0].documentNumber', 'required'],
    ['travellers[0].documentNumber', adultId.slice(0, 17), 'travellers[0].documentNumber', 'id.format'],
    [
      'travellers[0].documentNumber',
      `${adultId.slice(0, 17)}${adultId.endsWith('0') ? '1' : '0'}`,
      'travellers[0].documentNumber',
      'id.checksum',
    ],
    ['travellers[0].birthDate', '1990-05-02', 'travellers[0].birthDate', 'id.birth_mismatch'],
    ['travellers[0].sex', 'X', 'travellers[0].sex', 'choice'],
    ['travellers[0].passportIssuer', 'USA', 'travellers[0].passportIssuer', 'choice'],
    ['holder', DROP, 'holder', 'required'],
    ['holder.name', '  ', 'holder.name', 'required'],
    ['holder.mobile', '+8612345678901', 'holder.mobile', 'mobile.cn'],
    ['holder.email', 'no-at-sign', 'holder.email', 'email.format'],
    ['acceptedTermsVersion', DROP, 'acceptedTermsVersion', 'required'],
    ['acceptedTermsVersion', '', 'acceptedTermsVersion', 'too_short'],
  ])('%s = %p -> 400 naming %s', async (...[path, value, field, code]: Mutation) => {
    const body = mutate(valid(), path, value);
    await expectInvalid(
      () => user.post('/v1/insurance/policies', body, { 'idempotency-key': key() }),
      field,
      code,
    );
  });

  it('without an Idempotency-Key -> 400 naming the header', async () => {
    await expectInvalid(() => user.post('/v1/insurance/policies', valid()), 'Idempotency-Key', 'required');
  });
});

describe('dev endpoints', () => {
  it('POST /dev/coupons/{code}/redeem with an over-long code -> 400 naming code', async () => {
    await expectInvalid(
      () => server.api(`/dev/coupons/${'A'.repeat(65)}/redeem`, { method: 'POST' }),
      'code',
      'too_long',
    );
  });
});

// Declared last, so it runs after every refused write above.
describe('after all of the above', () => {
  it('stored nothing: orders, coupons, policies, stock and offer counts are as before', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
