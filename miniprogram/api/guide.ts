// The guide's public reads: POIs (paged, filtered, near), one POI, events, and the ticket products of a POI.
import type { components } from '../../typings/api';
import { request } from '../services/http';
import { fail, type Result } from '../services/result';
import { array, int, literal, localDate, localizedText, money, num, object, optional, str } from './decode';

type Schemas = components['schemas'];
export type PoiSummary = Schemas['PoiSummary'];
export type Poi = Schemas['Poi'];
export type GuideEvent = Schemas['Event'];
/** What the POI page shows of a related ticket product; the ticket pages load the rest. */
export type ProductLink = Pick<Schemas['Product'], 'id' | 'title' | 'fromPrice' | 'saleState'>;

const location = object({ lat: num, lng: num, coordSystem: literal('gcj02', 'wgs84') });
const hours = array(object({ day: int, open: str, close: str }));

const summaryFields = {
  id: str,
  category: str,
  name: localizedText,
  summary: localizedText,
  location,
  address: localizedText,
  hours,
  closedDates: array(localDate),
  popularity: int,
  distanceMeters: optional(int),
};

export const decodePoiSummary = object({ ...summaryFields, photo: str });
const decodePoiPage = object({ items: array(decodePoiSummary), nextCursor: optional(str) });

export const decodePoi = object({
  ...summaryFields,
  description: localizedText,
  phone: optional(str),
  website: optional(str),
  bookingUrl: optional(str),
  accessibility: optional(localizedText),
  nearestStop: optional(
    object({
      name: localizedText,
      mode: literal('bus', 'train', 'ferry', 'tram', 'metro'),
      walkMinutes: int,
    }),
  ),
  fees: optional(localizedText),
  photos: array(str),
  audioGuide: optional(object({ url: str, durationSec: int, lang: literal('zh-CN', 'en') })),
  productIds: array(str),
});

export const decodeEvent = object({
  id: str,
  title: localizedText,
  summary: localizedText,
  startDate: localDate,
  endDate: localDate,
  venue: localizedText,
  poiId: optional(str),
  image: str,
});

const decodeProductLink = object({
  id: str,
  title: localizedText,
  fromPrice: money,
  saleState: literal('available', 'few_left', 'sold_out'),
});

export interface PoiListQuery {
  category?: string;
  q?: string;
  near?: { lat: number; lng: number };
  cursor?: string;
  limit?: number;
}

export function listPois(query: PoiListQuery): Promise<Result<Schemas['PoiPage']>> {
  return request({
    path: '/v1/pois',
    auth: 'none',
    decode: decodePoiPage,
    query: {
      category: query.category || undefined,
      q: query.q || undefined,
      // Six decimals is ~10 cm: precise enough, and the same position makes the same URL (shared GETs).
      near: query.near && `${query.near.lat.toFixed(6)},${query.near.lng.toFixed(6)}`,
      cursor: query.cursor,
      limit: query.limit,
    },
  });
}

/** The page size the map loads with; the API's maximum. */
export const MAX_PAGE = 50;

/** Every POI, following the cursor to the end (the map shows them all and filters on the client). */
export async function listAllPois(): Promise<Result<PoiSummary[]>> {
  const all: PoiSummary[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await listPois({ cursor, limit: MAX_PAGE });
    if (!page.ok) return fail(page.error);
    all.push(...page.data.items);
    cursor = page.data.nextCursor;
    // A cursor seen before, or one after an empty page, would page forever: that answer is not a next page.
    if (cursor && (seen.has(cursor) || page.data.items.length === 0)) {
      return fail({ kind: 'decode', path: '.nextCursor' });
    }
    if (cursor) seen.add(cursor);
  } while (cursor);
  return { ok: true, data: all };
}

export function getPoi(id: string): Promise<Result<Poi>> {
  return request({ path: `/v1/pois/${encodeURIComponent(id)}`, auth: 'none', decode: decodePoi });
}

export function listEvents(): Promise<Result<{ items: GuideEvent[] }>> {
  return request({ path: '/v1/events', auth: 'none', decode: object({ items: array(decodeEvent) }) });
}

export function listProductsOfPoi(poiId: string): Promise<Result<{ items: ProductLink[] }>> {
  return request({
    path: '/v1/products',
    auth: 'none',
    query: { poiId },
    decode: object({ items: array(decodeProductLink) }),
  });
}
