// A destination's content: the JSON files a DMO authors (the demo's are in content/demo), checked and turned into
// records in exactly the contract's shapes. Calendars are not stored day by day: each product states rules (prices, surcharges,
// capacity, closed and sold-out dates) and they are expanded here into CALENDAR_DAYS days from the destination's
// today at `now`.
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import type { components } from '../../typings/api';
import { addDays, isLocalDate, isoWeekday, localDateAt } from '../../miniprogram/domain/time';
import { loadContract } from '../core/contract';

type Schemas = components['schemas'];
type Money = Schemas['Money'];
type LocalizedText = Schemas['LocalizedText'];
type Destination = Schemas['Destination'];
type TicketType = Schemas['TicketType'];

/** Days of calendar from the destination's today (today included). */
export const CALENDAR_DAYS = 90;

export const DATA_DIR = join(__dirname, 'demo');

export interface StockRule {
  /** Places per day (people), all ticket types together. */
  capacity: number;
  /** By ticket type id: the places one ticket takes (a family ticket admits several people). */
  persons: Record<string, number>;
  /** A day with this many tickets left or fewer is "few left". */
  fewLeftAt: number;
}

export interface PremiumRule {
  ageBand: Schemas['AgeBand'];
  /** Inclusive ages (on the trip's start date) of the band. */
  minAge: number;
  maxAge: number;
  /** Premium per traveller per trip day. */
  perDay: Money;
}

export interface Seed {
  /** The destination's date at `now`: the first day of every calendar. */
  today: string;
  destination: Schemas['Destination'];
  /** Public holidays at the destination (LocalDates); holiday surcharges apply on them. */
  publicHolidays: string[];
  pois: Schemas['Poi'][];
  events: Schemas['Event'][];
  /** `fromPrice` and `saleState` are those of the seeded calendar. */
  products: Schemas['Product'][];
  /** By product id: the days from `today` on which it is on sale (closed days are absent), in date order. */
  calendars: Record<string, Schemas['CalendarDay'][]>;
  /** By product id. */
  stockRules: Record<string, StockRule>;
  /** `remaining` is the offer's initial stock. */
  offers: Schemas['Offer'][];
  /** By offer id: what its coupon codes start with. */
  couponCodePrefixes: Record<string, string>;
  plans: Schemas['InsurancePlan'][];
  /** By plan id: one rule per age band, covering the plan's ages without gaps. */
  premiumRules: Record<string, PremiumRule[]>;
}

// ---------- the data files as authored ----------

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
type Weekday = (typeof WEEKDAYS)[number];

export interface DestinationFile extends Destination {
  publicHolidays: { date: string; name: string }[];
}

export interface PoiFile extends Omit<Schemas['Poi'], 'hours' | 'productIds' | 'distanceMeters'> {
  /** Weekday groups sharing one interval, e.g. {days: ["sat", "sun"], open: "10:00", close: "02:00"}. */
  hours: { days: Weekday[]; open: string; close: string }[];
}

interface CalendarRules extends StockRule {
  weekendSurchargePercent: number;
  holidaySurchargePercent: number;
  /** Share of the capacity already sold, by weekday: how the demo shows busy and quiet days. */
  bookedPercentByWeekday: Record<Weekday, number>;
  closedWeekdays: Weekday[];
  closedDates: string[];
  soldOutDates: string[];
}

export interface ProductFile extends Omit<Schemas['Product'], 'ticketTypes' | 'fromPrice' | 'saleState'> {
  /** `persons`: places one ticket takes of the day's capacity (default 1; a family ticket admits several). */
  ticketTypes: (TicketType & { basePrice: Money; persons?: number })[];
  calendar: CalendarRules;
}

export interface OfferFile extends Omit<Schemas['Offer'], 'merchant' | 'remaining'> {
  /** A POI's id (its name, location and address are used), a name, or both (the name wins). */
  merchant: { poiId?: string; name?: LocalizedText };
  stock: number;
  codePrefix: string;
}

export interface PlanFile extends Omit<Schemas['InsurancePlan'], 'pricePerDayFrom'> {
  premiumRules: PremiumRule[];
}

/** Content that does not hold together: every problem, each naming file, record and field. */
export class ContentError extends Error {
  constructor(readonly problems: string[]) {
    super(`The content is invalid:\n- ${problems.join('\n- ')}`);
    this.name = 'ContentError';
  }
}

/**
 * Maps each record, or names it as malformed when it lacks what the checks read (e.g. a missing array): the
 * import then lists it with the other problems instead of failing on the first.
 */
function wellFormed<F extends { id?: unknown }, R>(
  problems: Problems,
  file: string,
  records: F[],
  map: (record: F) => R,
): R[] {
  if (!Array.isArray(records)) {
    problems.add(file, '', 'must be a JSON array of records');
    return [];
  }
  return records.flatMap((record, i) => {
    try {
      return [map(record)];
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      problems.add(
        file,
        String(record?.id ?? `[${i}]`),
        `malformed: a field is missing or of the wrong type (${why})`,
      );
      return [];
    }
  });
}

/** Collects every problem of the data so that a DMO editing it sees all of them at once. */
class Problems {
  readonly list: string[] = [];
  add(file: string, where: string, message: string): void {
    this.list.push(`${file} ${where}: ${message}`);
  }
  check(ok: boolean, file: string, where: string, message: string): void {
    if (!ok) this.add(file, where, message);
  }
}

/** The authored files of a destination, as parsed JSON. */
export interface ContentFiles {
  destination: DestinationFile;
  pois: PoiFile[];
  events: (Schemas['Event'] & { demo?: boolean })[];
  products: ProductFile[];
  offers: OfferFile[];
  plans: PlanFile[];
}

/** File name of each part of ContentFiles. */
export const CONTENT_FILES: Record<keyof ContentFiles, string> = {
  destination: 'destination.json',
  pois: 'pois.json',
  events: 'events.json',
  products: 'products.json',
  offers: 'offers.json',
  plans: 'insurance-plans.json',
};

export function readContentFiles(dataDir: string): ContentFiles {
  const read = <T>(file: string): T => JSON.parse(readFileSync(join(dataDir, file), 'utf8')) as T;
  return {
    destination: read(CONTENT_FILES.destination),
    pois: read(CONTENT_FILES.pois),
    events: read(CONTENT_FILES.events),
    products: read(CONTENT_FILES.products),
    offers: read(CONTENT_FILES.offers),
    plans: read(CONTENT_FILES.plans),
  };
}

/** `dataDir` holds the JSON files and assets/ (tests load broken copies). */
export function loadSeed(now: number, dataDir: string = DATA_DIR): Seed {
  return buildSeed(readContentFiles(dataDir), now, {
    hasAsset: (url) => existsSync(join(dataDir, url)),
    checkContract: true,
  });
}

export interface BuildOptions {
  /** Whether a local `/assets/...` path names a file of the content. */
  hasAsset(url: string): boolean;
  /** Checks every record against the contract's schemas (on import; published content was checked then). */
  checkContract: boolean;
}

/** Checks the files (every problem at once, naming file, record and field) and builds the seed for `now`. */
export function buildSeed(files: ContentFiles, now: number, options: BuildOptions): Seed {
  const problems = new Problems();
  const assets = (file: string, where: string, urls: string[]): void =>
    checkAssets(problems, options.hasAsset, file, where, urls);

  const destinationFile = files.destination;
  const destination = pick(destinationFile, [
    'id',
    'name',
    'timeZone',
    'currency',
    'fx',
    'essentials',
    'emergency',
    'banners',
    'poiCategories',
    'demo',
  ]);
  const { currency, timeZone } = destination;
  const today = localDateAt(now, timeZone);
  const publicHolidays = destinationFile.publicHolidays.map((h) => h.date);
  publicHolidays.forEach((date, i) =>
    problems.check(isLocalDate(date), 'destination.json', `publicHolidays[${i}]`, `${date} is not a date`),
  );
  assets(
    'destination.json',
    'banners',
    destination.banners.map((b) => b.image),
  );

  const poiFiles = files.pois;
  const productFiles = files.products;
  const poiIds = new Set(poiFiles.map((p) => p.id));
  const categories = new Set(destination.poiCategories.map((c) => c.id));

  const pois = wellFormed(problems, 'pois.json', poiFiles, (poi) => {
    problems.check(categories.has(poi.category), 'pois.json', poi.id, `unknown category ${poi.category}`);
    poi.closedDates.forEach((d) => problems.check(isLocalDate(d), 'pois.json', poi.id, `${d} is not a date`));
    assets('pois.json', poi.id, [...poi.photos, ...(poi.audioGuide ? [poi.audioGuide.url] : [])]);
    return toPoi(poi, productFiles, problems);
  });

  const events = wellFormed(problems, 'events.json', files.events, (event) => {
    checkLink(problems, 'events.json', event.id, 'poiId', event.poiId, poiIds);
    problems.check(event.startDate <= event.endDate, 'events.json', event.id, 'endDate is before startDate');
    assets('events.json', event.id, [event.image]);
    return pick(event, ['id', 'title', 'summary', 'startDate', 'endDate', 'venue', 'poiId', 'image']);
  });

  const holidays = new Set(publicHolidays);
  const calendars: Seed['calendars'] = {};
  const stockRules: Seed['stockRules'] = {};
  const products = wellFormed(problems, 'products.json', productFiles, (file) => {
    checkProduct(problems, file, poiIds, currency);
    assets('products.json', file.id, file.images);
    const days = expandCalendar(file, today, holidays);
    calendars[file.id] = days;
    stockRules[file.id] = {
      capacity: file.calendar.capacity,
      fewLeftAt: file.calendar.fewLeftAt,
      persons: Object.fromEntries(file.ticketTypes.map((t) => [t.id, t.persons ?? 1])),
    };
    return toProduct(file, days, currency);
  });

  const couponCodePrefixes: Seed['couponCodePrefixes'] = {};
  const offers = wellFormed(problems, 'offers.json', files.offers, (file) => {
    checkOffer(problems, file, poiIds, currency);
    couponCodePrefixes[file.id] = file.codePrefix;
    return toOffer(file, pois);
  });

  const premiumRules: Seed['premiumRules'] = {};
  const plans = wellFormed(problems, 'insurance-plans.json', files.plans, (file) => {
    checkPlan(problems, file);
    premiumRules[file.id] = file.premiumRules;
    return toPlan(file);
  });

  const seed: Seed = {
    today,
    destination,
    publicHolidays,
    pois,
    events,
    products,
    calendars,
    stockRules,
    offers,
    couponCodePrefixes,
    plans,
    premiumRules,
  };
  checkUniqueIds(problems, seed);
  if (options.checkContract) checkContract(problems, seed);
  if (problems.list.length > 0) {
    throw new ContentError(problems.list);
  }
  return seed;
}

// ---------- records in the contract's shapes ----------

function toPoi(file: PoiFile, products: ProductFile[], problems: Problems): Schemas['Poi'] {
  const hours = file.hours.flatMap(({ days, open, close }) =>
    days.map((day) => {
      const iso = WEEKDAYS.indexOf(day) + 1;
      problems.check(iso > 0, 'pois.json', file.id, `unknown weekday ${day}`);
      return { day: iso, open, close };
    }),
  );
  return {
    ...pick(file, [
      'id',
      'category',
      'name',
      'summary',
      'description',
      'location',
      'address',
      'phone',
      'website',
      'bookingUrl',
      'accessibility',
      'nearestStop',
      'closedDates',
      'fees',
      'photos',
      'audioGuide',
      'popularity',
    ]),
    hours: hours.sort((a, b) => a.day - b.day || a.open.localeCompare(b.open)),
    productIds: products.filter((p) => p.poiId === file.id).map((p) => p.id),
  };
}

/**
 * One day per date from `today`, skipping closed weekdays and dates. A weekend or public-holiday surcharge is a
 * percentage of each ticket type's base price (the larger one when both apply), rounded to the minor unit.
 */
function expandCalendar(file: ProductFile, today: string, holidays: Set<string>): Schemas['CalendarDay'][] {
  const rules = file.calendar;
  const closed = new Set(rules.closedDates);
  const soldOut = new Set(rules.soldOutDates);
  const days: Schemas['CalendarDay'][] = [];
  for (let i = 0; i < CALENDAR_DAYS; i++) {
    const date = addDays(today, i);
    const weekday = WEEKDAYS[isoWeekday(date) - 1] as Weekday;
    if (closed.has(date) || rules.closedWeekdays.includes(weekday)) continue;
    const surcharge = Math.max(
      holidays.has(date) ? rules.holidaySurchargePercent : 0,
      weekday === 'sat' || weekday === 'sun' ? rules.weekendSurchargePercent : 0,
    );
    const booked = Math.round((rules.capacity * rules.bookedPercentByWeekday[weekday]) / 100);
    const remaining = soldOut.has(date) ? 0 : Math.max(0, rules.capacity - booked);
    days.push({
      date,
      soldOut: remaining === 0,
      remaining,
      prices: file.ticketTypes.map((type) => ({
        ticketTypeId: type.id,
        price: {
          amount: Math.round((type.basePrice.amount * (100 + surcharge)) / 100),
          currency: type.basePrice.currency,
        },
      })),
    });
  }
  return days;
}

function toProduct(file: ProductFile, days: Schemas['CalendarDay'][], currency: string): Schemas['Product'] {
  const open = days.filter((d) => !d.soldOut);
  const amounts = (open.length > 0 ? open : days).flatMap((d) => d.prices.map((p) => p.price.amount));
  const fromAmount =
    amounts.length > 0 ? Math.min(...amounts) : Math.min(...file.ticketTypes.map((t) => t.basePrice.amount));
  // The product is as good as its best day: "available" while some day still has more than a few tickets.
  const best = Math.max(0, ...open.map((d) => d.remaining));
  const saleState: Schemas['SaleState'] =
    best === 0 ? 'sold_out' : best <= file.calendar.fewLeftAt ? 'few_left' : 'available';
  return {
    ...pick(file, [
      'id',
      'poiId',
      'category',
      'title',
      'description',
      'images',
      'validity',
      'refundPolicy',
      'refundable',
    ]),
    ticketTypes: file.ticketTypes.map((type) =>
      pick(type, ['id', 'kind', 'name', 'minAge', 'maxAge', 'idRequired', 'minQty', 'maxQty', 'persons']),
    ),
    fromPrice: { amount: fromAmount, currency },
    saleState,
  };
}

function toOffer(file: OfferFile, pois: Schemas['Poi'][]): Schemas['Offer'] {
  const poi = pois.find((p) => p.id === file.merchant.poiId);
  const merchant: Schemas['Merchant'] = poi
    ? { name: file.merchant.name ?? poi.name, poiId: poi.id, location: poi.location, address: poi.address }
    : { name: file.merchant.name ?? { 'zh-CN': '', en: '' } };
  const image = file.image ?? poi?.photos[0];
  return {
    ...pick(file, [
      'id',
      'category',
      'title',
      'terms',
      'discount',
      'minSpend',
      'scope',
      'productCategories',
      'validFrom',
      'validUntil',
      'perUserLimit',
    ]),
    merchant,
    ...(image !== undefined && { image }),
    remaining: file.stock,
  };
}

function toPlan(file: PlanFile): Schemas['InsurancePlan'] {
  const cheapest = file.premiumRules.reduce((a, b) => (b.perDay.amount < a.perDay.amount ? b : a));
  return {
    ...pick(file, [
      'id',
      'name',
      'coverage',
      'excess',
      'minAge',
      'maxAge',
      'maxTripDays',
      'termsVersion',
      'termsHtml',
    ]),
    pricePerDayFrom: cheapest.perDay,
  };
}

/** The listed keys of `from` that are present: the data files carry fields (demo, rules) the API does not show. */
function pick<T extends object, K extends keyof T>(from: T, keys: K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) if (from[key] !== undefined) out[key] = from[key];
  return out;
}

// ---------- what the contract's schemas cannot say ----------

function checkLink(
  problems: Problems,
  file: string,
  where: string,
  field: string,
  id: string | undefined,
  ids: Set<string>,
): void {
  if (id !== undefined) problems.check(ids.has(id), file, where, `${field} ${id} is not a POI`);
}

/** Local asset paths must name a file under data/assets (absolute URLs are taken as they are). */
function checkAssets(
  problems: Problems,
  hasAsset: (url: string) => boolean,
  file: string,
  where: string,
  urls: string[],
): void {
  for (const url of urls) {
    if (url.startsWith('/assets/')) problems.check(hasAsset(url), file, where, `no asset file for ${url}`);
  }
}

function checkProduct(problems: Problems, file: ProductFile, poiIds: Set<string>, currency: string): void {
  const where = file.id;
  const rules = file.calendar;
  checkLink(problems, 'products.json', where, 'poiId', file.poiId, poiIds);
  for (const type of file.ticketTypes) {
    problems.check(
      type.basePrice.currency === currency,
      'products.json',
      where,
      `${type.id} is not priced in ${currency}`,
    );
    problems.check(type.minQty <= type.maxQty, 'products.json', where, `${type.id} has minQty above maxQty`);
    const persons = type.persons ?? 1;
    problems.check(
      Number.isInteger(persons) && persons >= 1 && persons <= 20,
      'products.json',
      where,
      `${type.id}.persons must be a whole number from 1 to 20`,
    );
    problems.check(
      (type.minAge ?? 0) <= (type.maxAge ?? Infinity),
      'products.json',
      where,
      `${type.id} has minAge above maxAge`,
    );
  }
  problems.check(Number.isInteger(rules.capacity) && rules.capacity > 0, 'products.json', where, 'capacity');
  problems.check(
    rules.fewLeftAt >= 0 && rules.fewLeftAt < rules.capacity,
    'products.json',
    where,
    'fewLeftAt',
  );
  problems.check(
    rules.weekendSurchargePercent >= 0 && rules.holidaySurchargePercent >= 0,
    'products.json',
    where,
    'surcharges must not be negative',
  );
  for (const day of WEEKDAYS) {
    const booked = rules.bookedPercentByWeekday[day];
    problems.check(booked >= 0 && booked <= 100, 'products.json', where, `bookedPercentByWeekday.${day}`);
  }
  rules.closedWeekdays.forEach((day) =>
    problems.check(WEEKDAYS.includes(day), 'products.json', where, `unknown weekday ${day}`),
  );
  [...rules.closedDates, ...rules.soldOutDates].forEach((date) =>
    problems.check(isLocalDate(date), 'products.json', where, `${date} is not a date`),
  );
}

function checkOffer(problems: Problems, file: OfferFile, poiIds: Set<string>, currency: string): void {
  const where = file.id;
  checkLink(problems, 'offers.json', where, 'merchant.poiId', file.merchant.poiId, poiIds);
  problems.check(
    file.merchant.poiId !== undefined || file.merchant.name !== undefined,
    'offers.json',
    where,
    'merchant needs a poiId or a name',
  );
  problems.check(file.validFrom <= file.validUntil, 'offers.json', where, 'validUntil is before validFrom');
  problems.check(Number.isInteger(file.stock) && file.stock >= 0, 'offers.json', where, 'stock');
  problems.check(
    /^[A-Z0-9]{2,10}$/.test(file.codePrefix),
    'offers.json',
    where,
    'codePrefix: 2-10 of A-Z 0-9',
  );
  const amounts = [file.minSpend, file.discount.type === 'fixed' ? file.discount.amount : file.discount.cap];
  problems.check(
    amounts.every((m) => m.currency === currency),
    'offers.json',
    where,
    `amounts must be in ${currency}`,
  );
  problems.check(
    file.productCategories === undefined || file.scope === 'ticket_checkout',
    'offers.json',
    where,
    'productCategories only apply to ticket_checkout offers',
  );
}

/** The bands must tile minAge..maxAge exactly, in one currency with the coverage. */
function checkPlan(problems: Problems, file: PlanFile): void {
  const rules = [...file.premiumRules].sort((a, b) => a.minAge - b.minAge);
  let next = file.minAge;
  for (const rule of rules) {
    problems.check(rule.minAge === next, 'insurance-plans.json', file.id, `no premium rule for age ${next}`);
    next = rule.maxAge + 1;
  }
  problems.check(
    next === file.maxAge + 1,
    'insurance-plans.json',
    file.id,
    `premium rules must end at ${file.maxAge}`,
  );
  problems.check(
    new Set(rules.map((r) => r.ageBand)).size === rules.length,
    'insurance-plans.json',
    file.id,
    'an age band appears twice',
  );
  const currencies = new Set([
    file.excess.currency,
    ...file.coverage.map((c) => c.limit.currency),
    ...rules.map((r) => r.perDay.currency),
  ]);
  problems.check(currencies.size === 1, 'insurance-plans.json', file.id, 'mixes currencies');
}

function checkUniqueIds(problems: Problems, seed: Seed): void {
  const files = {
    'pois.json': seed.pois,
    'events.json': seed.events,
    'products.json': seed.products,
    'offers.json': seed.offers,
    'insurance-plans.json': seed.plans,
  };
  for (const [file, records] of Object.entries(files)) {
    const seen = new Set<string>();
    for (const { id } of records) {
      problems.check(!seen.has(id), file, id, 'id used twice');
      seen.add(id);
    }
  }
}

/** Every record as the API will send it (asset paths completed as the server does) against the contract. */
function checkContract(problems: Problems, seed: Seed): void {
  const { operations } = loadContract();
  const check = (operationId: string, file: string, where: string, body: unknown): void => {
    const declared = operations.find((op) => op.operationId === operationId)?.response(200);
    if (declared?.kind !== 'json')
      throw new Error(`the contract has no JSON 200 response for ${operationId}`);
    for (const error of declared.check(withOrigin(body))) problems.add(file, where, error.message);
  };
  check('getDestination', 'destination.json', seed.destination.id, seed.destination);
  seed.pois.forEach((poi) => check('getPoi', 'pois.json', poi.id, poi));
  seed.events.forEach((event) => check('listEvents', 'events.json', event.id, { items: [event] }));
  seed.products.forEach((product) => check('getProduct', 'products.json', product.id, product));
  for (const [productId, days] of Object.entries(seed.calendars)) {
    const { timeZone, currency } = seed.destination;
    check('getProductCalendar', 'products.json', `${productId} calendar`, {
      productId,
      timeZone,
      currency,
      days,
    });
  }
  seed.offers.forEach((offer) => check('getOffer', 'offers.json', offer.id, offer));
  seed.plans.forEach((plan) =>
    check('listInsurancePlans', 'insurance-plans.json', plan.id, { items: [plan] }),
  );
}

function withOrigin(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value), (_key, v: unknown) =>
    typeof v === 'string' && v.startsWith('/assets/') ? `http://127.0.0.1${v}` : v,
  );
}
