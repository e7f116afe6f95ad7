// GET /v1/destination: the destination's name, zone, currency, essentials and banners.
import type { components } from '../../typings/api';
import { envConfig } from '../config/env';
import { request, type CacheOptions } from '../services/http';
import type { Result } from '../services/result';
import { array, bool, instant, int, localizedText, object, optional, str } from './decode';

export type Destination = components['schemas']['Destination'];

export const decodeDestination = object({
  id: str,
  name: localizedText,
  timeZone: str,
  currency: str,
  fx: object({ quote: str, rateMicros: int, asOf: instant }),
  essentials: array(object({ id: str, icon: str, title: localizedText, body: localizedText })),
  emergency: array(object({ id: str, label: localizedText, number: str })),
  banners: array(object({ id: str, image: str, title: localizedText, link: optional(str) })),
  poiCategories: array(object({ id: str, name: localizedText, icon: str })),
  demo: bool,
});

/** Served from cache first when one exists (the revisit paints offline), then revalidated. */
export function getDestination(cache: CacheOptions<Destination> = {}): Promise<Result<Destination>> {
  return request({ path: '/v1/destination', decode: decodeDestination, auth: 'none', cache });
}

/** Image and audio URLs may be relative to the API (as the dev API's are) or absolute (a CDN). */
export function assetUrl(url: string): string {
  return /^https?:\/\//.test(url) ? url : `${envConfig().apiBaseUrl}${url.startsWith('/') ? '' : '/'}${url}`;
}
