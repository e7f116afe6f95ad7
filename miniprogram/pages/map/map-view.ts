// What the map sends to the view: compact markers, a small window of carousel cards, and setData payloads
// kept under the per-call budget. No wx.
import { toGcj02, type GeoPoint } from '../../domain/geo';
import { utf8Bytes } from '../../services/storage';
import { CATEGORY_COLORS } from '../guide/poi-view';

export interface MapMarker {
  id: number;
  latitude: number;
  longitude: number;
  iconPath: string;
  width: number;
  height: number;
  joinCluster: boolean;
  zIndex?: number;
}

/** Under the 32 KB we hold every setData to (the platform's own line is 256 KB), with room for other keys. */
export const SETDATA_BUDGET = 24 * 1024;
/** Cards rendered in the carousel at once: the selected one and three either side. */
export const CAROUSEL_SIZE = 7;
export const SELECTED_Z = 10;

export function pinPath(tone: number, selected: boolean): string {
  return `/pages/map/pins/${tone % CATEGORY_COLORS.length}${selected ? '-on' : ''}.png`;
}

/** `<map>` takes GCJ-02; six decimals (~10 cm) keep 500 markers small. */
export function marker(id: number, location: GeoPoint, tone: number, selected: boolean): MapMarker {
  const p = toGcj02(location);
  const m: MapMarker = {
    id,
    latitude: Math.round(p.lat * 1e6) / 1e6,
    longitude: Math.round(p.lng * 1e6) / 1e6,
    iconPath: pinPath(tone, selected),
    width: 30,
    height: 36,
    joinCluster: true,
  };
  if (selected) m.zIndex = SELECTED_Z;
  return m;
}

/**
 * The first card of the carousel window for a selection. The window only moves when the selection reaches
 * its first or last slot, so swiping within it changes nothing but the index.
 */
export function carouselStart(selected: number, total: number, currentStart: number): number {
  const last = Math.max(0, total - CAROUSEL_SIZE);
  const inside = selected > currentStart && selected < currentStart + CAROUSEL_SIZE - 1;
  const atEdgeOfList =
    (selected === 0 && currentStart === 0) || (selected === total - 1 && currentStart === last);
  if ((inside || atEdgeOfList) && currentStart <= last) return currentStart;
  return Math.min(last, Math.max(0, selected - Math.floor(CAROUSEL_SIZE / 2)));
}

/**
 * One logical update as several setData payloads, each under `budget` bytes: the other keys and as much of
 * the array as fits go first, the rest follow as `key[i]` paths.
 */
export function chunkedUpdate(
  base: Record<string, unknown>,
  key: string,
  items: readonly unknown[],
  budget = SETDATA_BUDGET,
): Array<Record<string, unknown>> {
  let size = utf8Bytes(JSON.stringify(base)) + key.length + 4;
  let n = 0;
  while (n < items.length && size + utf8Bytes(JSON.stringify(items[n])) + 1 <= budget) {
    size += utf8Bytes(JSON.stringify(items[n])) + 1;
    n++;
  }
  const payloads: Array<Record<string, unknown>> = [{ ...base, [key]: items.slice(0, n) }];
  let current: Record<string, unknown> = {};
  size = 2;
  for (let i = n; i < items.length; i++) {
    const path = `${key}[${i}]`;
    const bytes = utf8Bytes(JSON.stringify(items[i])) + path.length + 4;
    if (size + bytes > budget && Object.keys(current).length) {
      payloads.push(current);
      current = {};
      size = 2;
    }
    current[path] = items[i];
    size += bytes;
  }
  if (Object.keys(current).length) payloads.push(current);
  return payloads;
}
