// Public catalog reads: the published content, with places and coupons left taken live from the database.
import { createHash } from 'crypto';
import type { components } from '../../typings/api';
import { selectPois } from '../../miniprogram/domain/poi-filter';
import { daysBetween } from '../../miniprogram/domain/time';
import type { Deps } from '../context';
import { offersRemaining } from '../coupons/claims';
import { notFound, validationFailed } from '../core/errors';
import { todayAt } from '../core/today';
import { dayKey, heldFrom } from '../orders/inventory';
import type { Seed } from '../content/seed';

type Schemas = components['schemas'];

const MAX_CALENDAR_DAYS = 120;

async function current(deps: Deps): Promise<{ seed: Seed; now: number; today: string }> {
  const seed = await deps.content.seed();
  const now = deps.now();
  return { seed, now, today: todayAt(now, seed.destination.timeZone) };
}

export async function destination(deps: Deps): Promise<Schemas['Destination']> {
  return (await deps.content.seed()).destination;
}

export interface PoiQuery {
  category?: string;
  near?: string;
  q?: string;
  cursor?: string;
  limit: number;
}

export async function listPois(deps: Deps, query: PoiQuery): Promise<Schemas['PoiPage']> {
  const seed = await deps.content.seed();
  const near = query.near === undefined ? undefined : parseNear(query.near);
  // The client's own filter and order (miniprogram/domain/poi-filter), so list and map agree with the API.
  const matches = selectPois(seed.pois, { category: query.category, text: query.q, near });
  const filters = JSON.stringify([query.category, query.near, query.q?.trim().toLowerCase()]);
  const offset = query.cursor === undefined ? 0 : readCursor(query.cursor, filters);
  const page = matches.slice(offset, offset + query.limit);
  const next = offset + page.length;
  return {
    items: page.map(({ poi, distance }) =>
      poiSummary(poi, distance === undefined ? undefined : Math.round(distance)),
    ),
    ...(next < matches.length && { nextCursor: writeCursor(next, filters) }),
  };
}

function poiSummary(poi: Schemas['Poi'], distance: number | undefined): Schemas['PoiSummary'] {
  const { id, category, name, summary, location, address, hours, closedDates, popularity } = poi;
  return {
    id,
    category,
    name,
    summary,
    location,
    address,
    hours,
    closedDates,
    popularity,
    photo: poi.photos[0] ?? '',
    ...(distance !== undefined && { distanceMeters: distance }),
  };
}

function parseNear(near: string): { lat: number; lng: number } {
  const [lat = NaN, lng = NaN] = near.split(',').map(Number);
  if (Math.abs(lat) > 90 || Math.abs(lng) > 180) {
    throw validationFailed([
      { field: 'near', code: 'out_of_range', message: 'near must be a latitude,longitude on Earth' },
    ]);
  }
  return { lat, lng };
}

/** Opaque to clients; bound to the filters it was made for, so it cannot page a different result set. */
function writeCursor(offset: number, filters: string): string {
  return Buffer.from(JSON.stringify({ o: offset, f: fingerprint(filters) })).toString('base64url');
}

function readCursor(cursor: string, filters: string): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as {
      o: unknown;
      f: unknown;
    };
    if (Number.isInteger(o) && (o as number) >= 0 && f === fingerprint(filters)) return o as number;
  } catch {
    // falls through to the validation error
  }
  throw validationFailed([
    { field: 'cursor', code: 'invalid', message: 'cursor is not a nextCursor of this query' },
  ]);
}

function fingerprint(filters: string): string {
  return createHash('sha256').update(filters).digest('base64url').slice(0, 12);
}

export async function getPoi(deps: Deps, id: string): Promise<Schemas['Poi']> {
  const poi = (await deps.content.seed()).pois.find((p) => p.id === id);
  if (!poi) throw notFound('POI', id);
  return poi;
}

export async function listEvents(deps: Deps): Promise<Schemas['EventList']> {
  const { seed, today } = await current(deps);
  const items = seed.events
    .filter((event) => event.endDate >= today)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  return { items };
}

/** A product is sold out when no day from today on has a place left, whatever the content said. */
async function withLiveSaleState(deps: Deps, products: Schemas['Product'][]): Promise<Schemas['Product'][]> {
  const { seed, now, today } = await current(deps);
  const held = await heldFrom(
    deps.db,
    seed,
    products.map((p) => p.id),
    today,
    now,
  );
  return products.map((product) => {
    const open = (seed.calendars[product.id] ?? []).some(
      (day) =>
        day.date >= today &&
        !day.soldOut &&
        day.remaining - (held.get(dayKey(product.id, day.date)) ?? 0) > 0,
    );
    return open ? product : { ...product, saleState: 'sold_out' };
  });
}

export async function listProducts(deps: Deps, poiId?: string): Promise<Schemas['ProductList']> {
  const seed = await deps.content.seed();
  const items = seed.products.filter((product) => poiId === undefined || product.poiId === poiId);
  return { items: await withLiveSaleState(deps, items) };
}

export async function getProduct(deps: Deps, id: string): Promise<Schemas['Product']> {
  const product = (await deps.content.seed()).products.find((p) => p.id === id);
  if (!product) throw notFound('product', id);
  const [live] = await withLiveSaleState(deps, [product]);
  return live!;
}

export async function productCalendar(
  deps: Deps,
  productId: string,
  from: string,
  to: string,
): Promise<Schemas['Calendar']> {
  const span = daysBetween(from, to);
  if (span < 0)
    throw validationFailed([{ field: 'to', code: 'out_of_range', message: 'to must not be before from' }]);
  if (span + 1 > MAX_CALENDAR_DAYS) {
    throw validationFailed([
      {
        field: 'to',
        code: 'out_of_range',
        message: `to must be at most ${MAX_CALENDAR_DAYS} days from from`,
      },
    ]);
  }
  const { seed, now, today } = await current(deps);
  if (!seed.products.some((p) => p.id === productId)) throw notFound('product', productId);
  // Past days are not on sale, so they are absent like any other day without sales.
  const first = from > today ? from : today;
  const held = await heldFrom(deps.db, seed, [productId], first, now);
  const days = (seed.calendars[productId] ?? [])
    .filter((day) => day.date >= first && day.date <= to)
    .map((day) => {
      const left = Math.max(0, day.remaining - (held.get(dayKey(productId, day.date)) ?? 0));
      return { ...day, remaining: left, soldOut: day.soldOut || left === 0 };
    });
  const { timeZone, currency } = seed.destination;
  return { productId, timeZone, currency, days };
}

async function withLiveStock(deps: Deps, offers: Schemas['Offer'][]): Promise<Schemas['Offer'][]> {
  const left = await offersRemaining(deps.db, offers);
  return offers.map((offer) => ({ ...offer, remaining: left.get(offer.id) ?? offer.remaining }));
}

export async function listOffers(deps: Deps, category?: string): Promise<Schemas['OfferList']> {
  const { seed, today } = await current(deps);
  const items = seed.offers.filter(
    (offer) => (category === undefined || offer.category === category) && offer.validUntil >= today,
  );
  return { items: await withLiveStock(deps, items) };
}

export async function getOffer(deps: Deps, id: string): Promise<Schemas['Offer']> {
  const offer = (await deps.content.seed()).offers.find((o) => o.id === id);
  if (!offer) throw notFound('offer', id);
  const [live] = await withLiveStock(deps, [offer]);
  return live!;
}

export async function listInsurancePlans(deps: Deps): Promise<Schemas['InsurancePlanList']> {
  return { items: (await deps.content.seed()).plans };
}
