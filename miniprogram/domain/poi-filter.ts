// Filter and order POIs on the client (the map holds every POI and filters without a round trip).
// Same order as the API's listPois: by distance when a position is known, else by popularity; ties by id.
import { distanceMeters, toGcj02, type GeoPoint, type LatLng } from './geo';

export interface FilterablePoi {
  id: string;
  category: string;
  name: { 'zh-CN': string; en: string };
  location: GeoPoint;
  popularity: number;
}

export interface PoiQuery {
  /** A category id; empty or absent for all. */
  category?: string;
  /** Matches the zh-CN or the en name, case-insensitively. */
  text?: string;
  /** The user's position in GCJ-02 (what services/location.ts gives the app). */
  near?: LatLng;
}

export interface Ranked<P> {
  poi: P;
  /** Metres from `near`; absent without one. */
  distance?: number;
}

export function matchesText(poi: FilterablePoi, needle: string): boolean {
  return poi.name['zh-CN'].toLowerCase().includes(needle) || poi.name.en.toLowerCase().includes(needle);
}

export function selectPois<P extends FilterablePoi>(pois: readonly P[], query: PoiQuery): Ranked<P>[] {
  const needle = query.text?.trim().toLowerCase() ?? '';
  const out: Ranked<P>[] = [];
  for (const poi of pois) {
    if (query.category && poi.category !== query.category) continue;
    if (needle && !matchesText(poi, needle)) continue;
    out.push(query.near ? { poi, distance: distanceMeters(query.near, toGcj02(poi.location)) } : { poi });
  }
  return out.sort(query.near ? byDistance : byPopularity);
}

function byDistance(a: Ranked<FilterablePoi>, b: Ranked<FilterablePoi>): number {
  return (a.distance ?? 0) - (b.distance ?? 0) || byId(a, b);
}

function byPopularity(a: Ranked<FilterablePoi>, b: Ranked<FilterablePoi>): number {
  return b.poi.popularity - a.poi.popularity || byId(a, b);
}

function byId(a: Ranked<FilterablePoi>, b: Ranked<FilterablePoi>): number {
  return a.poi.id < b.poi.id ? -1 : a.poi.id > b.poi.id ? 1 : 0;
}
