// A tiny benchmark harness: each benchmark runs a warm-up, then many timed runs; the median is reported in
// one table for every benchmark the project keeps (add yours to the list in scripts/bench.ts).
import { performance } from 'perf_hooks';

export interface Benchmark {
  name: string;
  /** Runs the measured work once; what it returns is kept so the work cannot be optimised away. */
  run(): unknown;
  /** Fails `npm run bench` when the median is above it. */
  targetMs?: number;
  runs?: number;
  warmup?: number;
}

export interface BenchResult {
  name: string;
  medianMs: number;
  runs: number;
  targetMs?: number;
}

export const DEFAULT_RUNS = 1000;
const DEFAULT_WARMUP = 100;

export function median(values: readonly number[]): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

let sink: unknown;

export function measure(b: Benchmark): BenchResult {
  const runs = b.runs ?? DEFAULT_RUNS;
  for (let i = 0; i < (b.warmup ?? DEFAULT_WARMUP); i++) sink = b.run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink = b.run();
    times.push(performance.now() - start);
  }
  void sink;
  return { name: b.name, medianMs: median(times), runs, targetMs: b.targetMs };
}

/** One table: name, median, runs. */
export function formatTable(results: readonly BenchResult[]): string {
  const rows = [
    ['benchmark', 'median', 'runs'],
    ...results.map((r) => [r.name, `${r.medianMs.toFixed(3)} ms`, String(r.runs)]),
  ];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function overTarget(results: readonly BenchResult[]): BenchResult[] {
  return results.filter((r) => r.targetMs !== undefined && r.medianMs > r.targetMs);
}
