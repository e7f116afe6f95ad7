// Distances and coordinate systems. Pure: the map, the list and the dev API all measure the same way.

export interface LatLng {
  lat: number;
  lng: number;
}

export type CoordSystem = 'gcj02' | 'wgs84';

export interface GeoPoint extends LatLng {
  coordSystem: CoordSystem;
}

/** The IUGG mean Earth radius; a sphere is accurate to ~0.5 % anywhere, plenty for "how far is it". */
const EARTH_RADIUS_M = 6371008.8;
const RAD = Math.PI / 180;

/** Great-circle (haversine) distance in metres. */
export function distanceMeters(a: LatLng, b: LatLng): number {
  const dLat = (b.lat - a.lat) * RAD;
  const dLng = (b.lng - a.lng) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

// GCJ-02 is WGS-84 plus an obfuscation applied only inside mainland China. The formula is the published
// national one (Krasovsky ellipsoid); the box is its usual rough outline, which errs towards "inside".
const KRASOVSKY_A = 6378245.0;
const KRASOVSKY_EE = 0.006693421622965943;

function outsideChina(p: LatLng): boolean {
  return p.lng < 72.004 || p.lng > 137.8347 || p.lat < 0.8293 || p.lat > 55.8271;
}

function offsetLat(x: number, y: number): number {
  let r = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3;
  r += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3;
  return r;
}

function offsetLng(x: number, y: number): number {
  let r = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
  r += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3;
  r += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3;
  r += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3;
  return r;
}

/**
 * The point in GCJ-02, which `<map>` and wx.openLocation expect. Outside mainland China both systems give
 * the same coordinates, so a destination abroad passes through unchanged.
 */
export function toGcj02(p: GeoPoint): LatLng {
  if (p.coordSystem === 'gcj02' || outsideChina(p)) return { lat: p.lat, lng: p.lng };
  const x = p.lng - 105;
  const y = p.lat - 35;
  const radLat = p.lat * RAD;
  const sin = Math.sin(radLat);
  const magic = 1 - KRASOVSKY_EE * sin * sin;
  const sqrtMagic = Math.sqrt(magic);
  const dLat =
    (offsetLat(x, y) * 180) / (((KRASOVSKY_A * (1 - KRASOVSKY_EE)) / (magic * sqrtMagic)) * Math.PI);
  const dLng = (offsetLng(x, y) * 180) / ((KRASOVSKY_A / sqrtMagic) * Math.cos(radLat) * Math.PI);
  return { lat: p.lat + dLat, lng: p.lng + dLng };
}
