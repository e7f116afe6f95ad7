// A deterministic city of N synthetic POIs around the demo destination, shaped as the API's PoiSummary.
// The benchmark and the page tests that need more POIs than the demo data has use it.
import type { components } from '../typings/api';

type PoiSummary = components['schemas']['PoiSummary'];

const CATEGORIES = ['sights', 'food', 'shopping', 'nature'];
const CENTRE = { lat: -36.8485, lng: 174.7633 };

/** mulberry32: a small seeded generator, so every run measures the same city. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function syntheticPois(count: number, seed = 42): PoiSummary[] {
  const next = random(seed);
  const pois: PoiSummary[] = [];
  for (let i = 0; i < count; i++) {
    const n = String(i + 1).padStart(4, '0');
    const overnight = next() < 0.1;
    pois.push({
      id: `poi-${n}`,
      category: CATEGORIES[i % CATEGORIES.length]!,
      name: { 'zh-CN': `示例地点${n}`, en: `Sample Place ${n}` },
      summary: { 'zh-CN': `示例地点${n}的简介。`, en: `About sample place ${n}.` },
      location: {
        lat: Math.round((CENTRE.lat + (next() - 0.5) * 0.4) * 1e5) / 1e5,
        lng: Math.round((CENTRE.lng + (next() - 0.5) * 0.5) * 1e5) / 1e5,
        coordSystem: 'wgs84',
      },
      address: { 'zh-CN': `奥克兰示例路${n}号`, en: `${n} Sample Road, Auckland` },
      hours: [1, 2, 3, 4, 5, 6, 7].map((day) =>
        overnight ? { day, open: '17:00', close: '02:00' } : { day, open: '09:00', close: '17:00' },
      ),
      closedDates: [],
      photo: '/assets/images/sky-tower-1.svg',
      popularity: Math.floor(next() * 100),
    });
  }
  return pois;
}
