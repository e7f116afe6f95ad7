// The catalog and the contract enforcement of the dev API, over real HTTP on loopback.
import type { Handler } from '../../server/http/types';
import { localDateAt } from '../../miniprogram/domain/time';
import { useServer, type ErrorBody, type Schemas } from './helpers';

const HOUR = 60 * 60 * 1000;
let clock = Date.now();

// Handlers that break the contract on purpose: the server must refuse to send what they return.
const breaking: Record<string, Handler> = {
  getCoupon: () => ({ status: 200, body: { id: 'c1', code: 'SHORT' } }),
  listTickets: () => ({ status: 201, body: { items: [] } }),
};

const server = useServer({ dev: false, now: () => clock, handlers: breaking });
const { api, login } = server;

const aucklandToday = (): string => localDateAt(clock, 'Pacific/Auckland');

function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 24 * HOUR).toISOString().slice(0, 10);
}

async function allPois(query: string): Promise<Schemas['PoiSummary'][]> {
  const items: Schemas['PoiSummary'][] = [];
  let cursor: string | undefined;
  do {
    const suffix = cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const { status, body } = await api<Schemas['PoiPage']>(`/v1/pois?${query}${suffix}`);
    expect(status).toBe(200);
    items.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor !== undefined);
  return items;
}

describe('destination', () => {
  it('describes Auckland with absolute asset URLs that the server serves', async () => {
    const { status, body } = await api<Schemas['Destination']>('/v1/destination');
    expect(status).toBe(200);
    expect(body).toMatchObject({ timeZone: 'Pacific/Auckland', currency: 'NZD', demo: true });
    expect(body.fx.quote).toBe('CNY');
    expect(Number.isInteger(body.fx.rateMicros)).toBe(true);
    expect(body.emergency.map((e) => e.number)).toContain('111');
    expect(body.poiCategories.length).toBeGreaterThan(0);
    const image = body.banners[0]?.image ?? '';
    expect(image.startsWith(`${server.baseUrl}/assets/`)).toBe(true);
    const asset = await fetch(image);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toMatch(/^image\//);
  });

  it('serves nothing outside the assets folder', async () => {
    const { status, body } = await api<ErrorBody>('/assets/..%2f..%2fpackage.json');
    expect(status).toBe(404);
    expect(body.code).toBe('NOT_FOUND');
  });
});

describe('POIs', () => {
  it('pages every POI exactly once, by popularity, with opaque cursors', async () => {
    const first = await api<Schemas['PoiPage']>('/v1/pois');
    expect(first.body.items).toHaveLength(20);
    const items = await allPois('limit=7');
    expect(items.length).toBeGreaterThanOrEqual(30);
    expect(new Set(items.map((p) => p.id)).size).toBe(items.length);
    const popularity = items.map((p) => p.popularity);
    expect(popularity).toEqual([...popularity].sort((a, b) => b - a));
    expect(items.every((p) => p.distanceMeters === undefined)).toBe(true);
  });

  it('rejects a cursor that is not the nextCursor of the same query', async () => {
    const { body: page } = await api<Schemas['PoiPage']>('/v1/pois?limit=2');
    const cursor = encodeURIComponent(page.nextCursor ?? '');
    for (const path of ['/v1/pois?cursor=garbage', `/v1/pois?category=food&cursor=${cursor}`]) {
      const { status, body } = await api<ErrorBody>(path);
      expect(status).toBe(400);
      expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'cursor' } });
    }
  });

  it('filters by category', async () => {
    const { body: destination } = await api<Schemas['Destination']>('/v1/destination');
    const all = await allPois('limit=50');
    for (const { id } of destination.poiCategories) {
      const items = await allPois(`category=${id}&limit=50`);
      expect(items.every((p) => p.category === id)).toBe(true);
      expect(items).toHaveLength(all.filter((p) => p.category === id).length);
    }
  });

  it('searches the zh-CN and en names case-insensitively', async () => {
    const byEnglish = await allPois('q=SKY%20tow');
    expect(byEnglish.map((p) => p.id)).toContain('sky-tower');
    const byChinese = await allPois(`q=${encodeURIComponent('天空塔')}`);
    expect(byChinese.map((p) => p.id)).toContain('sky-tower');
    expect(await allPois('q=zzzz-no-such-place')).toEqual([]);
  });

  it('sorts by distance from `near` and says how far each one is', async () => {
    const items = await allPois('near=-36.84848,174.76218&limit=50');
    expect(items[0]?.id).toBe('sky-tower');
    expect(items[0]?.distanceMeters).toBe(0);
    const distances = items.map((p) => p.distanceMeters ?? -1);
    expect(distances.every((d) => d >= 0)).toBe(true);
    expect(distances).toEqual([...distances].sort((a, b) => a - b));
    // Auckland Domain (the museum) is a little over 2 km from the Sky Tower.
    const museum = items.find((p) => p.name.en.includes('Museum') && p.name.en.includes('War Memorial'));
    expect(museum?.distanceMeters).toBeGreaterThan(1500);
    expect(museum?.distanceMeters).toBeLessThan(3000);
  });

  it('rejects coordinates that are not on Earth', async () => {
    const { status, body } = await api<ErrorBody>('/v1/pois?near=95,10');
    expect(status).toBe(400);
    expect(body.details?.field).toBe('near');
  });

  it('returns the detail of one POI, and 404 for an unknown one', async () => {
    const { status, body } = await api<Schemas['Poi']>('/v1/pois/sky-tower');
    expect(status).toBe(200);
    expect(body.photos.length).toBeGreaterThan(0);
    expect(body.hours.every((h) => h.day >= 1 && h.day <= 7)).toBe(true);
    const missing = await api<ErrorBody>('/v1/pois/no-such-poi');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('NOT_FOUND');
  });

  it('gives a POI’s phone, website, booking link, accessibility and nearest stop where the content has them', async () => {
    const { body: merchant } = await api<Schemas['Poi']>('/v1/pois/harbour-dumplings-demo');
    expect(merchant).toMatchObject({
      phone: '+6495550101',
      website: 'https://harbour-dumplings.example.com',
      bookingUrl: 'https://harbour-dumplings.example.com/book',
      accessibility: { en: 'Step-free entry from the promenade; an accessible toilet inside.' },
      nearestStop: { name: { en: 'Lower Albert Street' }, mode: 'bus', walkMinutes: 5 },
    });
    const { body: tower } = await api<Schemas['Poi']>('/v1/pois/sky-tower');
    expect(tower.website).toBe('https://www.skycityauckland.co.nz');
    expect(tower.nearestStop?.mode).toBe('bus');
    expect(tower).not.toHaveProperty('bookingUrl');
    expect(tower).not.toHaveProperty('phone');
    // The list stays light: these are the detail's.
    const { body: page } = await api<Schemas['PoiPage']>('/v1/pois?q=Harbour%20Dumplings');
    expect(page.items[0]).not.toHaveProperty('website');
  });
});

describe('events and products', () => {
  it('lists only events that have not ended at the destination, by start date', async () => {
    const { body } = await api<Schemas['EventList']>('/v1/events');
    expect(body.items.length).toBeGreaterThan(0);
    expect(body.items.every((e) => e.endDate >= aucklandToday())).toBe(true);
    const starts = body.items.map((e) => e.startDate);
    expect(starts).toEqual([...starts].sort());
  });

  it('lists products, optionally for one POI', async () => {
    const { body: all } = await api<Schemas['ProductList']>('/v1/products');
    expect(all.items.length).toBeGreaterThanOrEqual(6);
    const { body: forTower } = await api<Schemas['ProductList']>('/v1/products?poiId=sky-tower');
    expect(forTower.items.length).toBeGreaterThan(0);
    expect(forTower.items.every((p) => p.poiId === 'sky-tower')).toBe(true);
    const id = all.items[0]?.id ?? '';
    const { status, body } = await api<Schemas['Product']>(`/v1/products/${id}`);
    expect(status).toBe(200);
    expect(body.ticketTypes.length).toBeGreaterThan(0);
  });
});

describe('product calendar', () => {
  let productId = '';
  beforeAll(async () => {
    const { body } = await api<Schemas['ProductList']>('/v1/products');
    productId = body.items[0]?.id ?? '';
  });

  it('gives price and availability per local date from today, within the range asked', async () => {
    const from = addDays(aucklandToday(), -3);
    const to = addDays(aucklandToday(), 89);
    const { status, body } = await api<Schemas['Calendar']>(
      `/v1/products/${productId}/calendar?from=${from}&to=${to}`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ productId, timeZone: 'Pacific/Auckland', currency: 'NZD' });
    expect(body.days.length).toBeGreaterThan(30);
    expect(body.days[0]?.date).toBe(aucklandToday());
    expect(body.days.every((d) => d.date >= aucklandToday() && d.date <= to)).toBe(true);
    expect(body.days.every((d) => d.soldOut === (d.soldOut || d.remaining === 0))).toBe(true);
  });

  it.each([
    ['to before from', `from=${addDays(aucklandToday(), 5)}&to=${aucklandToday()}`, 'to'],
    ['more than 120 days', `from=${aucklandToday()}&to=${addDays(aucklandToday(), 120)}`, 'to'],
    ['an impossible date', `from=2027-02-30&to=2027-03-02`, 'from'],
    ['a missing bound', `to=${aucklandToday()}`, 'from'],
  ])('rejects %s naming the field', async (_case, query, field) => {
    const { status, body } = await api<ErrorBody>(`/v1/products/${productId}/calendar?${query}`);
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details?.field).toBe(field);
  });

  it('accepts exactly 120 days', async () => {
    const query = `from=${aucklandToday()}&to=${addDays(aucklandToday(), 119)}`;
    expect((await api(`/v1/products/${productId}/calendar?${query}`)).status).toBe(200);
  });
});

describe('contract enforcement', () => {
  it('rejects a request that breaks the contract with 400 naming the field', async () => {
    const { status, body } = await api<ErrorBody>('/v1/pois?limit=500');
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'limit' } });
  });

  it('names nested body fields and lists all of them', async () => {
    const token = await login('vera');
    const { status, body } = await api<ErrorBody>('/v1/orders', {
      token,
      headers: { 'Idempotency-Key': 'contract-test-1' },
      body: {
        items: [{ productId: 'sky-tower', ticketTypeId: 'adult', date: '2027-01-10', quantity: 0 }],
        contact: { name: 'Vera', mobile: '13800138000', email: 'vera@example.com' },
      },
    });
    expect(status).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    const fields = body.details?.fields ?? [];
    // Codes from the client's own list, so one message catalogue explains them.
    expect(fields).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'items[0].quantity', code: 'out_of_range' }),
        expect.objectContaining({ field: 'contact.mobile', code: 'mobile.format' }),
      ]),
    );
    expect(fields.map((f) => f.field)).toContain(body.details?.field);
  });

  it('names a missing or malformed header as the contract spells it', async () => {
    const token = await login('vera');
    const { status, body } = await api<ErrorBody>('/v1/offers/any/claim', { method: 'POST', token });
    expect(status).toBe(400);
    expect(body.details?.field).toBe('Idempotency-Key');
  });

  it('rejects a body that is not JSON', async () => {
    const response = await fetch(`${server.baseUrl}/v1/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'body' } });
  });

  it('answers 500 RESPONSE_CONTRACT_VIOLATION instead of a body the contract forbids', async () => {
    const token = await login('vera');
    const { status, body } = await api<ErrorBody>('/v1/coupons/c1', { token });
    expect(status).toBe(500);
    expect(body.code).toBe('RESPONSE_CONTRACT_VIOLATION');
    expect(body.details).toMatchObject({ operationId: 'getCoupon', status: 200 });
    expect(typeof body.details?.field).toBe('string');
  });

  it('answers 500 RESPONSE_CONTRACT_VIOLATION for a success status the contract does not declare', async () => {
    const token = await login('vera');
    const { status, body } = await api<ErrorBody>('/v1/tickets', { token });
    expect(status).toBe(500);
    expect(body).toMatchObject({ code: 'RESPONSE_CONTRACT_VIOLATION', details: { status: 201 } });
  });

  it('has no dev routes when dev mode is off', async () => {
    for (const path of ['/dev/reset', '/dev/coupons/WELCOME/redeem']) {
      const { status, body } = await api<ErrorBody>(path, { method: 'POST', body: {} });
      expect(status).toBe(404);
      expect(body.code).toBe('NOT_FOUND');
    }
  });
});

describe('sessions', () => {
  it('requires a valid token for user operations', async () => {
    for (const token of [undefined, 'not-a-token']) {
      const { status, body } = await api<ErrorBody>('/v1/orders', { token });
      expect(status).toBe(401);
      expect(body.code).toBe('UNAUTHORIZED');
    }
  });

  it('accepts a login code once, as code2Session does', async () => {
    const first = await api<Schemas['Session']>('/v1/auth/session', { body: { code: 'devtools-code-1' } });
    expect(first.status).toBe(200);
    const again = await api<ErrorBody>('/v1/auth/session', { body: { code: 'devtools-code-1' } });
    expect(again.status).toBe(401);
    expect(again.body.code).toBe('CODE_USED');
  });

  it('keeps one user per person across logins and tells people apart', async () => {
    const session = (code: string) => api<Schemas['Session']>('/v1/auth/session', { body: { code } });
    const [a1, a2, b1] = await Promise.all([
      session('user-amy-91'),
      session('user-amy-92'),
      session('user-bo-91'),
    ]);
    expect(a1.body.userId).toBe(a2.body.userId);
    expect(a1.body.token).not.toBe(a2.body.token);
    expect(b1.body.userId).not.toBe(a1.body.userId);
  });

  it('expires tokens after two hours', async () => {
    const token = await login('tim');
    const { body } = await api<Schemas['Session']>('/v1/auth/session', { body: { code: 'user-tim-99' } });
    expect(Date.parse(body.expiresAt) - clock).toBe(2 * HOUR);
    clock += 2 * HOUR + 1;
    try {
      expect((await api<ErrorBody>('/v1/orders', { token })).status).toBe(401);
    } finally {
      clock -= 2 * HOUR + 1;
    }
  });
});
