import { distanceMeters, toGcj02 } from '../../../miniprogram/domain/geo';
import { selectPois, type FilterablePoi } from '../../../miniprogram/domain/poi-filter';

describe('haversine distance', () => {
  test('zero to itself, symmetric', () => {
    const sky = { lat: -36.84848, lng: 174.76218 };
    const museum = { lat: -36.86033, lng: 174.7778 };
    expect(distanceMeters(sky, sky)).toBe(0);
    expect(distanceMeters(sky, museum)).toBeCloseTo(distanceMeters(museum, sky), 6);
  });

  test.each([
    // One degree of latitude on the mean sphere: 2 pi R / 360.
    ['one degree of latitude', { lat: 0, lng: 0 }, { lat: 1, lng: 0 }, 111195, 1],
    ['one degree of longitude at 60° is half as long', { lat: 60, lng: 0 }, { lat: 60, lng: 1 }, 55597, 1],
    [
      'Sky Tower to Auckland Museum',
      { lat: -36.84848, lng: 174.76218 },
      { lat: -36.86033, lng: 174.7778 },
      1917,
      5,
    ],
    ['across the antimeridian', { lat: -36.85, lng: 179.99 }, { lat: -36.85, lng: -179.99 }, 1781, 2],
    ['to the antipode: half the circumference', { lat: 0, lng: 0 }, { lat: 0, lng: 180 }, 20015115, 1],
  ])('%s', (_, a, b, metres, tolerance) => {
    expect(Math.abs(distanceMeters(a, b) - metres)).toBeLessThanOrEqual(tolerance);
  });
});

describe('GCJ-02', () => {
  test('outside mainland China the coordinates are unchanged (Auckland), and gcj02 input passes through', () => {
    expect(toGcj02({ lat: -36.84848, lng: 174.76218, coordSystem: 'wgs84' })).toEqual({
      lat: -36.84848,
      lng: 174.76218,
    });
    expect(toGcj02({ lat: 39.9087, lng: 116.3975, coordSystem: 'gcj02' })).toEqual({
      lat: 39.9087,
      lng: 116.3975,
    });
  });

  test('inside mainland China a WGS-84 point shifts by a few hundred metres, north-east around Beijing', () => {
    const wgs = { lat: 39.9087, lng: 116.3975 };
    const gcj = toGcj02({ ...wgs, coordSystem: 'wgs84' });
    const shift = distanceMeters(wgs, gcj);
    expect(shift).toBeGreaterThan(300);
    expect(shift).toBeLessThan(700);
    expect(gcj.lat).toBeGreaterThan(wgs.lat);
    expect(gcj.lng).toBeGreaterThan(wgs.lng);
  });
});

describe('selectPois', () => {
  const poi = (id: string, category: string, zh: string, en: string, lat: number, popularity: number) => ({
    id,
    category,
    name: { 'zh-CN': zh, en },
    location: { lat, lng: 174.76, coordSystem: 'wgs84' as const },
    popularity,
  });
  const pois: FilterablePoi[] = [
    poi('museum', 'sights', '奥克兰博物馆', 'Auckland Museum', -36.86, 90),
    poi('sky', 'sights', '天空塔', 'Sky Tower', -36.848, 98),
    poi('fish', 'food', '鱼市场', 'Auckland Fish Market', -36.843, 70),
    poi('zoo', 'sights', '动物园', 'Auckland Zoo', -36.864, 90),
  ];
  const ids = (r: { poi: { id: string } }[]) => r.map((x) => x.poi.id);

  test('without a position: by popularity, ties by id, no distances', () => {
    const r = selectPois(pois, {});
    expect(ids(r)).toEqual(['sky', 'museum', 'zoo', 'fish']);
    expect(r.every((x) => x.distance === undefined)).toBe(true);
  });

  test('with a position: nearest first, with distances', () => {
    const r = selectPois(pois, { near: { lat: -36.842, lng: 174.76 } });
    expect(ids(r)).toEqual(['fish', 'sky', 'museum', 'zoo']);
    expect(r[0]!.distance).toBeCloseTo(111, 0);
  });

  test('category and name (zh or en, any case, trimmed) narrow the set', () => {
    expect(ids(selectPois(pois, { category: 'sights' }))).toEqual(['sky', 'museum', 'zoo']);
    expect(ids(selectPois(pois, { text: ' auckland ' }))).toEqual(['museum', 'zoo', 'fish']);
    expect(ids(selectPois(pois, { text: '天空' }))).toEqual(['sky']);
    expect(ids(selectPois(pois, { category: 'food', text: 'MARKET' }))).toEqual(['fish']);
    expect(selectPois(pois, { text: 'nothing like it' })).toEqual([]);
  });

  test('the input is left as it was', () => {
    const before = ids(pois.map((p) => ({ poi: p })));
    selectPois(pois, { near: { lat: -36.842, lng: 174.76 } });
    expect(ids(pois.map((p) => ({ poi: p })))).toEqual(before);
  });
});
