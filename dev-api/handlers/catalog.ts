// Public catalog reads: destination, POIs, events, ticket products and their calendar, offers, insurance plans.
// Seed content, with stock and offer counts taken live from the state.
import { createHash } from 'crypto';
import type { components } from '../../typings/api';
import { selectPois } from '../../miniprogram/domain/poi-filter';
import { daysBetween } from '../../miniprogram/domain/time';
import { validationFailed } from '../contract';
import { notFound } from '../state/world';
import type { Handler, HandlerResult, ServerContext } from '../types';

type Schemas = components['schemas'];

const MAX_CALENDAR_DAYS = 120;

const ok = (body: unknown): HandlerResult => ({ status: 200, body });

function today(ctx: ServerContext): string {
  return ctx.state.world.today();
}

const listPois: Handler = (req, ctx) => {
  const query = req.query as { category?: string; near?: string; q?: string; cursor?: string; limit: number };
  const near = query.near === undefined ? undefined : parseNear(query.near);
  // The client's own filter and order (miniprogram/domain/poi-filter), so list and map agree with the API.
  const matches = selectPois(ctx.seed.pois, { category: query.category, text: query.q, near });
  const filters = JSON.stringify([query.category, query.near, query.q?.trim().toLowerCase()]);
  const offset = query.cursor === undefined ? 0 : readCursor(query.cursor, filters);
  const page = matches.slice(offset, offset + query.limit);
  const next = offset + page.length;
  const body: Schemas['PoiPage'] = {
    items: page.map(({ poi, distance }) =>
      poiSummary(poi, distance === undefined ? undefined : Math.round(distance)),
    ),
    ...(next < matches.length && { nextCursor: writeCursor(next, filters) }),
  };
  return ok(body);
};

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

const getPoi: Handler = (req, ctx) => {
  const poi = ctx.seed.pois.find((p) => p.id === req.params.id);
  if (!poi) throw notFound('POI', req.params.id ?? '');
  return ok(poi);
};

const listEvents: Handler = (_req, ctx) => {
  const from = today(ctx);
  const items = ctx.seed.events
    .filter((event) => event.endDate >= from)
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.id.localeCompare(b.id));
  return ok({ items } satisfies Schemas['EventList']);
};

/** A product is sold out when no day from today on has a ticket left, whatever the seed said. */
function withLiveSaleState(product: Schemas['Product'], ctx: ServerContext): Schemas['Product'] {
  const from = today(ctx);
  const open = (ctx.seed.calendars[product.id] ?? []).some(
    (day) => day.date >= from && !day.soldOut && remaining(ctx, product.id, day) > 0,
  );
  return open ? product : { ...product, saleState: 'sold_out' };
}

function remaining(ctx: ServerContext, productId: string, day: Schemas['CalendarDay']): number {
  return ctx.state.remaining(productId, day.date) ?? day.remaining;
}

const listProducts: Handler = (req, ctx) => {
  const { poiId } = req.query as { poiId?: string };
  const items = ctx.seed.products
    .filter((product) => poiId === undefined || product.poiId === poiId)
    .map((product) => withLiveSaleState(product, ctx));
  return ok({ items } satisfies Schemas['ProductList']);
};

const getProduct: Handler = (req, ctx) => {
  const product = ctx.seed.products.find((p) => p.id === req.params.id);
  if (!product) throw notFound('product', req.params.id ?? '');
  return ok(withLiveSaleState(product, ctx));
};

const getProductCalendar: Handler = (req, ctx) => {
  const { from, to } = req.query as { from: string; to: string };
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
  const productId = req.params.id ?? '';
  if (!ctx.seed.products.some((p) => p.id === productId)) throw notFound('product', productId);
  // Past days are not on sale, so they are absent like any other day without sales.
  const first = from > today(ctx) ? from : today(ctx);
  const days = (ctx.seed.calendars[productId] ?? [])
    .filter((day) => day.date >= first && day.date <= to)
    .map((day) => {
      const left = remaining(ctx, productId, day);
      return { ...day, remaining: left, soldOut: day.soldOut || left === 0 };
    });
  const { timeZone, currency } = ctx.seed.destination;
  return ok({ productId, timeZone, currency, days } satisfies Schemas['Calendar']);
};

function withLiveStock(offer: Schemas['Offer'], ctx: ServerContext): Schemas['Offer'] {
  return { ...offer, remaining: ctx.state.offerRemaining(offer.id) ?? offer.remaining };
}

const listOffers: Handler = (req, ctx) => {
  const { category } = req.query as { category?: string };
  const from = today(ctx);
  const items = ctx.seed.offers
    .filter((offer) => (category === undefined || offer.category === category) && offer.validUntil >= from)
    .map((offer) => withLiveStock(offer, ctx));
  return ok({ items } satisfies Schemas['OfferList']);
};

const getOffer: Handler = (req, ctx) => {
  const offer = ctx.seed.offers.find((o) => o.id === req.params.id);
  if (!offer) throw notFound('offer', req.params.id ?? '');
  return ok(withLiveStock(offer, ctx));
};

const listInsurancePlans: Handler = (_req, ctx) =>
  ok({ items: ctx.seed.plans } satisfies Schemas['InsurancePlanList']);

export const handlers: Record<string, Handler> = {
  getDestination: (_req, ctx) => ok(ctx.seed.destination),
  listPois,
  getPoi,
  listEvents,
  listProducts,
  getProduct,
  getProductCalendar,
  listOffers,
  getOffer,
  listInsurancePlans,
};
