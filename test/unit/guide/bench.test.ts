import { guideBenchmarks } from '../../../bench/guide';
import { formatTable, measure, median, overTarget } from '../../../bench/harness';

test('median of odd and even counts', () => {
  expect(median([5, 1, 3])).toBe(3);
  expect(median([4, 1, 3, 2])).toBe(2.5);
  expect(median([])).toBeNaN();
});

test('one table with a row per benchmark; targets flag the slow ones', () => {
  const results = [
    { name: 'fast', medianMs: 0.5, runs: 10, targetMs: 5 },
    { name: 'a longer name', medianMs: 12.25, runs: 200, targetMs: 5 },
    { name: 'untargeted', medianMs: 99, runs: 1 },
  ];
  expect(formatTable(results).split('\n')).toEqual([
    'benchmark         median  runs',
    '-------------  ---------  ----',
    'fast            0.500 ms    10',
    'a longer name  12.250 ms   200',
    'untargeted     99.000 ms     1',
  ]);
  expect(overTarget(results).map((r) => r.name)).toEqual(['a longer name']);
});

test('the guide benchmarks run and measure the work the map does', () => {
  const result = measure({ ...guideBenchmarks[0]!, runs: 5, warmup: 1 });
  expect(result).toMatchObject({ name: 'distance sort, 2000 POIs', runs: 5, targetMs: 5 });
  expect(result.medianMs).toBeGreaterThan(0);
  const sorted = guideBenchmarks[0]!.run() as Array<{ distance: number }>;
  expect(sorted).toHaveLength(2000);
  expect(sorted.every((r, i) => i === 0 || sorted[i - 1]!.distance <= r.distance)).toBe(true);
});
