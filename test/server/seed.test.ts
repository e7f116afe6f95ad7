// The demo destination as the dev API serves it: every record in the contract's shape (checked here with Ajv
// directly on api/openapi.yaml, independently of the server's wiring), references that resolve, and calendars
// that start on Auckland's today and survive daylight-saving changes.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { parse } from 'yaml';
import { CALENDAR_DAYS, DATA_DIR, loadSeed, type Seed } from '../../server/content/seed';

dayjs.extend(utc);
dayjs.extend(timezone);

const ZONE = 'Pacific/Auckland';
// 12:30 UTC on 22 November is already 01:30 on 23 November in Auckland (NZDT, UTC+13).
const NOW = Date.parse('2026-11-22T12:30:00Z');

const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const document = parse(readFileSync(join(__dirname, '../../api/openapi.yaml'), 'utf8')) as {
  components: object;
};
ajv.addSchema({ $id: 'contract', components: document.components });

/** The schema's errors for a value as the server sends it (it completes `/assets/` paths to absolute URLs). */
function contractErrors(schema: string, value: unknown): string[] {
  const validate = ajv.getSchema(`contract#/components/schemas/${schema}`);
  if (!validate) throw new Error(`no schema ${schema}`);
  const sent: unknown = JSON.parse(JSON.stringify(value), (_k, v: unknown) =>
    typeof v === 'string' && v.startsWith('/assets/') ? `http://127.0.0.1:3000${v}` : v,
  );
  return validate(sent) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

/** Calendar-day arithmetic with no time zone involved, to check the seed's own. */
function nextDate(date: string): string {
  const [y = 0, m = 1, d = 1] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

function rawProducts(): { id: string; calendar: { fewLeftAt: number; closedDates: string[] } }[] {
  return JSON.parse(readFileSync(join(DATA_DIR, 'products.json'), 'utf8')) as ReturnType<typeof rawProducts>;
}

const price = (seed: Seed, productId: string, date: string, type: string): number | undefined =>
  seed.calendars[productId]?.find((d) => d.date === date)?.prices.find((p) => p.ticketTypeId === type)?.price
    .amount;

describe('demo seed', () => {
  const seed = loadSeed(NOW);

  it('gives every record in exactly the shape of the contract', () => {
    const errors = [
      ...contractErrors('Destination', seed.destination),
      ...seed.pois.flatMap((poi) => contractErrors('Poi', poi).map((e) => `${poi.id}${e}`)),
      ...contractErrors('EventList', { items: seed.events }),
      ...contractErrors('ProductList', { items: seed.products }),
      ...Object.entries(seed.calendars).flatMap(([productId, days]) =>
        contractErrors('Calendar', { productId, timeZone: ZONE, currency: 'NZD', days }),
      ),
      ...contractErrors('OfferList', { items: seed.offers }),
      ...contractErrors('InsurancePlanList', { items: seed.plans }),
    ];
    expect(errors).toEqual([]);
  });

  it('is Auckland in NZD with a CNY rate, and says it is demo data', () => {
    const d = seed.destination;
    expect(d).toMatchObject({ timeZone: ZONE, currency: 'NZD', demo: true, fx: { quote: 'CNY' } });
    expect(d.fx.rateMicros).toBeGreaterThan(3_000_000);
    expect(d.emergency.map((e) => e.number)).toEqual(expect.arrayContaining(['111', '0800611116']));
    expect(d.poiCategories.map((c) => c.id)).toEqual(['sights', 'food', 'shopping', 'nature']);
    expect(d.banners).toHaveLength(3);
  });

  it('writes every text in Chinese and English', () => {
    const texts: { 'zh-CN': string; en: string }[] = [];
    JSON.stringify(seed, (_k, v: unknown) => {
      if (v !== null && typeof v === 'object' && 'zh-CN' in v) texts.push(v as (typeof texts)[number]);
      return v;
    });
    expect(texts.length).toBeGreaterThan(300);
    const bad = texts.filter((t) => !/[\u4e00-\u9fff]/.test(t['zh-CN']) || !/[A-Za-z]/.test(t.en));
    expect(bad).toEqual([]);
  });

  it('has at least 30 POIs across the four categories, with real Auckland-region coordinates', () => {
    expect(seed.pois.length).toBeGreaterThanOrEqual(30);
    for (const category of ['sights', 'food', 'shopping', 'nature']) {
      expect(seed.pois.filter((p) => p.category === category).length).toBeGreaterThanOrEqual(5);
    }
    for (const { location } of seed.pois) {
      expect(location.coordSystem).toBe('wgs84');
      expect(location.lat).toBeGreaterThan(-37.1);
      expect(location.lat).toBeLessThan(-36.7);
      expect(location.lng).toBeGreaterThan(174.4);
      expect(location.lng).toBeLessThan(175.1);
    }
    expect(seed.pois.find((p) => p.id === 'sky-tower')?.location).toMatchObject({
      lat: -36.84848,
      lng: 174.76218,
    });
  });

  it('marks demo merchants in their names', () => {
    const merchants = seed.pois.filter((p) => p.id.endsWith('-demo'));
    expect(merchants.length).toBeGreaterThanOrEqual(6);
    for (const m of merchants) {
      expect(m.name['zh-CN']).toContain('示例');
      expect(m.name.en).toContain('demo');
    }
    for (const offer of seed.offers) expect(offer.merchant.name.en).toMatch(/demo/);
  });

  it('has opening hours past midnight, closed weekdays, round the clock and always open', () => {
    const hours = (id: string) => seed.pois.find((p) => p.id === id)?.hours ?? [];
    const pastMidnight = seed.pois.filter((p) =>
      p.hours.some((h) => h.close <= h.open && h.close !== '00:00'),
    );
    expect(pastMidnight.map((p) => p.id)).toContain('k-road-night-noodles-demo');
    expect(hours('k-road-night-noodles-demo')).toContainEqual({ day: 5, open: '17:00', close: '03:00' });
    const closedWeekday = seed.pois.filter(
      (p) => p.hours.length > 0 && [1, 2, 3, 4, 5].some((day) => !p.hours.some((h) => h.day === day)),
    );
    expect(closedWeekday.map((p) => p.id)).toEqual(expect.arrayContaining(['devonport-pie-shop-demo']));
    expect(hours('queen-street-allday-diner-demo')).toEqual(
      [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open: '00:00', close: '00:00' })),
    );
    expect(hours('mission-bay')).toEqual([]);
    expect(seed.pois.find((p) => p.id === 'auckland-zoo')?.closedDates).toContain('2026-12-25');
  });

  it('ships Mandarin audio guides for at least five sights, and every asset it names', () => {
    const guided = seed.pois.filter((p) => p.category === 'sights' && p.audioGuide?.lang === 'zh-CN');
    expect(guided.length).toBeGreaterThanOrEqual(5);
    const urls = [
      ...seed.pois.flatMap((p) => [...p.photos, ...(p.audioGuide ? [p.audioGuide.url] : [])]),
      ...seed.events.map((e) => e.image),
      ...seed.products.flatMap((p) => p.images),
      ...seed.destination.banners.map((b) => b.image),
    ];
    for (const url of urls) {
      expect(url).toMatch(/^\/assets\//);
      expect(existsSync(join(DATA_DIR, url))).toBe(true);
    }
    for (const poi of seed.pois) expect(poi.photos.length).toBeLessThanOrEqual(3);
  });

  it('resolves every POI, product and ticket type reference', () => {
    const poiIds = new Set(seed.pois.map((p) => p.id));
    const productIds = new Set(seed.products.map((p) => p.id));
    for (const p of seed.products) if (p.poiId) expect(poiIds).toContain(p.poiId);
    for (const e of seed.events) if (e.poiId) expect(poiIds).toContain(e.poiId);
    for (const o of seed.offers) if (o.merchant.poiId) expect(poiIds).toContain(o.merchant.poiId);
    for (const poi of seed.pois) for (const id of poi.productIds) expect(productIds).toContain(id);
    expect(seed.pois.find((p) => p.id === 'waiheke-island')?.productIds).toEqual([
      'waiheke-ferry-return',
      'waiheke-wine-tour',
    ]);
    expect(Object.keys(seed.calendars).sort()).toEqual([...productIds].sort());
    for (const product of seed.products) {
      const typeIds = product.ticketTypes.map((t) => t.id);
      for (const day of seed.calendars[product.id] ?? []) {
        expect(day.prices.map((p) => p.ticketTypeId)).toEqual(typeIds);
      }
    }
    for (const banner of seed.destination.banners) {
      const linked = /productId=([\w-]+)/.exec(banner.link ?? '')?.[1];
      if (linked) expect(productIds).toContain(linked);
    }
  });

  it('sells at least six products of several categories, with ticket rules and a non-refundable one', () => {
    expect(seed.products.length).toBeGreaterThanOrEqual(6);
    expect(new Set(seed.products.map((p) => p.category))).toEqual(
      new Set(['attraction', 'museum', 'transport', 'tour', 'experience']),
    );
    expect(seed.products.some((p) => !p.refundable)).toBe(true);
    const kinds = new Set(seed.products.flatMap((p) => p.ticketTypes.map((t) => t.kind)));
    expect(kinds).toEqual(new Set(['adult', 'child', 'senior', 'family']));
    for (const type of seed.products.flatMap((p) => p.ticketTypes))
      expect(type.minQty).toBeLessThanOrEqual(type.maxQty);
    const sky = seed.products.find((p) => p.id === 'sky-tower-skydeck');
    expect(sky?.fromPrice).toEqual({ amount: 1950, currency: 'NZD' });
  });

  it('expands 90 days of calendar from Auckland’s today, not UTC’s', () => {
    expect(CALENDAR_DAYS).toBe(90);
    expect(seed.today).toBe('2026-11-23');
    const sky = seed.calendars['sky-tower-skydeck'] ?? [];
    expect(sky).toHaveLength(90);
    expect(sky[0]?.date).toBe('2026-11-23');
    expect(sky[89]?.date).toBe('2027-02-20');
    sky.slice(1).forEach((day, i) => expect(day.date).toBe(nextDate(sky[i]?.date ?? '')));
    // Closed days are absent, and only those.
    for (const product of rawProducts()) {
      const days = seed.calendars[product.id] ?? [];
      for (const d of days) expect(d.date >= '2026-11-23' && d.date <= '2027-02-20').toBe(true);
      for (const closed of product.calendar.closedDates)
        expect(days.some((d) => d.date === closed)).toBe(false);
    }
    expect(seed.calendars['auckland-zoo-entry']).toHaveLength(89);
    expect((seed.calendars['eden-park-stadium-tour'] ?? []).some((d) => d.date === '2026-11-28')).toBe(false);
  });

  it('moves "today" at Auckland’s midnight', () => {
    expect(loadSeed(Date.parse('2026-11-22T10:59:59Z')).today).toBe('2026-11-22');
    expect(loadSeed(Date.parse('2026-11-22T11:00:00Z')).today).toBe('2026-11-23');
  });

  it('has sold-out days and days with few tickets left', () => {
    const fewLeftAt = new Map(rawProducts().map((p) => [p.id, p.calendar.fewLeftAt]));
    const all = Object.entries(seed.calendars).flatMap(([id, days]) => days.map((d) => ({ id, ...d })));
    const soldOut = all.filter((d) => d.soldOut);
    expect(soldOut.length).toBeGreaterThanOrEqual(5);
    for (const d of soldOut) expect(d.remaining).toBe(0);
    expect(soldOut.map((d) => `${d.id} ${d.date}`)).toContain('waiheke-ferry-return 2027-01-02');
    const fewLeft = all.filter((d) => d.remaining > 0 && d.remaining <= (fewLeftAt.get(d.id) ?? 0));
    expect(fewLeft.length).toBeGreaterThanOrEqual(10);
    expect(seed.stockRules['waiheke-ferry-return']).toEqual({
      capacity: 900,
      fewLeftAt: 40,
      persons: { adult: 1, child: 1, senior: 1 },
    });
  });

  it('adds weekend and public-holiday surcharges to the base prices', () => {
    expect(price(seed, 'kelly-tarltons-entry', '2026-11-25', 'adult')).toBe(4500); // Wednesday
    expect(price(seed, 'kelly-tarltons-entry', '2026-11-28', 'adult')).toBe(4950); // Saturday, +10%
    expect(price(seed, 'kelly-tarltons-entry', '2026-12-28', 'adult')).toBe(5175); // Boxing Day observed, +15%
    expect(price(seed, 'kelly-tarltons-entry', '2026-12-26', 'child')).toBe(2875); // Saturday holiday: the larger
    expect(price(seed, 'waiheke-ferry-return', '2026-11-28', 'adult')).toBe(5800); // no surcharge
  });

  it('keeps every date across the end of daylight saving (first Sunday of April)', () => {
    const march = loadSeed(Date.parse('2027-03-01T00:00:00Z'));
    expect(march.today).toBe('2027-03-01');
    expect(dayjs.tz('2027-04-03T12:00', ZONE).utcOffset()).toBe(780);
    expect(dayjs.tz('2027-04-05T12:00', ZONE).utcOffset()).toBe(720);
    const days = (march.calendars['sky-tower-skydeck'] ?? []).map((d) => d.date);
    expect(days).toHaveLength(90);
    days.slice(1).forEach((date, i) => expect(date).toBe(nextDate(days[i] ?? '')));
    expect(days.filter((d) => d === '2027-04-04')).toHaveLength(1);
    expect(days).toContain('2027-04-05');
    expect(price(march, 'kelly-tarltons-entry', '2027-04-04', 'adult')).toBe(4950); // still a Sunday
    expect(price(march, 'kelly-tarltons-entry', '2027-04-05', 'adult')).toBe(4500);
  });

  it('keeps every date across the start of daylight saving (last Sunday of September)', () => {
    // 11:30 UTC on 19 September 2027 is 23:30 NZST on the 19th.
    const september = loadSeed(Date.parse('2027-09-19T11:30:00Z'));
    expect(september.today).toBe('2027-09-19');
    expect(dayjs.tz('2027-09-25T12:00', ZONE).utcOffset()).toBe(720);
    expect(dayjs.tz('2027-09-27T12:00', ZONE).utcOffset()).toBe(780);
    const days = (september.calendars['sky-tower-skydeck'] ?? []).map((d) => d.date);
    expect(days).toHaveLength(90);
    days.slice(1).forEach((date, i) => expect(date).toBe(nextDate(days[i] ?? '')));
    expect(days.filter((d) => d === '2027-09-26')).toHaveLength(1);
    expect(price(september, 'kelly-tarltons-entry', '2027-09-26', 'adult')).toBe(4950);
  });

  it('lists at least six upcoming events over the next months', () => {
    const upcoming = seed.events.filter((e) => e.endDate >= seed.today);
    expect(upcoming.length).toBeGreaterThanOrEqual(6);
    expect(upcoming.some((e) => e.startDate >= '2027-03-01')).toBe(true);
    expect(seed.events.some((e) => e.endDate < seed.today)).toBe(true); // one already over, for the filter
  });

  it('offers coupons of every kind the wallet handles', () => {
    const { offers, today } = seed;
    expect(offers.length).toBeGreaterThanOrEqual(10);
    expect(new Set(offers.map((o) => o.category))).toEqual(new Set(['food', 'shopping', 'attractions']));
    expect(offers.some((o) => o.discount.type === 'fixed')).toBe(true);
    expect(offers.some((o) => o.discount.type === 'percent')).toBe(true);
    const checkout = offers.filter((o) => o.scope === 'ticket_checkout');
    expect(checkout.length).toBeGreaterThanOrEqual(2);
    expect(checkout.some((o) => o.productCategories?.includes('transport'))).toBe(true);
    expect(checkout.some((o) => o.productCategories === undefined)).toBe(true);
    expect(offers.some((o) => o.validUntil < today)).toBe(true);
    expect(offers.some((o) => o.validFrom > today)).toBe(true);
    expect(offers.find((o) => o.id === 'wynyard-grill-last-table')?.remaining).toBe(1);
    for (const o of offers) {
      expect(seed.couponCodePrefixes[o.id]).toMatch(/^[A-Z0-9]{2,10}$/);
      if (o.merchant.poiId) expect(o.merchant.location).toBeDefined();
    }
  });

  it('prices three insurance plans in CNY by age band, with safe terms', () => {
    expect(seed.plans.map((p) => p.id)).toEqual(['basic', 'standard', 'premium']);
    for (const plan of seed.plans) {
      expect(plan.coverage.map((c) => c.key)).toEqual([
        'medical',
        'evacuation',
        'cancellation',
        'baggage',
        'delay',
      ]);
      for (const row of plan.coverage) expect(row.limit.currency).toBe('CNY');
      const rules = seed.premiumRules[plan.id] ?? [];
      expect(rules.map((r) => [r.ageBand, r.minAge])).toEqual([
        ['child', 0],
        ['adult', 18],
        ['senior', 65],
      ]);
      expect(rules[2]?.maxAge).toBe(plan.maxAge);
      expect(plan.pricePerDayFrom).toEqual(rules[0]?.perDay);
      for (const html of [plan.termsHtml['zh-CN'], plan.termsHtml.en]) {
        expect(html).toMatch(/^<h3>/);
        expect(html).not.toMatch(/<script|<iframe|<style|javascript:|\son\w+=/i);
      }
    }
  });

  it('refuses data that breaks a reference, an asset or the contract, naming each problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wayfarer-seed-'));
    try {
      cpSync(DATA_DIR, dir, { recursive: true });
      const edit = (file: string, change: (records: Record<string, unknown>[]) => void): void => {
        const records = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, unknown>[];
        change(records);
        writeFileSync(join(dir, file), JSON.stringify(records));
      };
      edit('products.json', (products) => Object.assign(products[0]!, { poiId: 'atlantis' }));
      edit('pois.json', (pois) => {
        Object.assign(pois[1]!, { photos: ['/assets/images/missing.svg'] });
        // A link that is not https, a stop with no walk to it.
        Object.assign(pois[0]!, {
          website: 'http://www.skycityauckland.co.nz',
          nearestStop: { name: { 'zh-CN': '站', en: 'Stop' }, mode: 'bus', walkMinutes: 0 },
        });
      });
      edit('offers.json', (offers) =>
        Object.assign(offers[0]!, { minSpend: { amount: -1, currency: 'NZD' } }),
      );
      let message = '';
      try {
        loadSeed(NOW, dir);
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message.split('\n').slice(1).sort()).toEqual([
        `- offers.json harbour-dumplings-10-off: minSpend.amount must be >= 0`,
        '- pois.json auckland-museum: no asset file for /assets/images/missing.svg',
        '- pois.json sky-tower: nearestStop.walkMinutes must be >= 1',
        '- pois.json sky-tower: website must match pattern "^https://"',
        '- products.json sky-tower-skydeck: poiId atlantis is not a POI',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
