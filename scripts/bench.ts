// `npm run bench`: every benchmark the project keeps, one table; exits 1 when one misses its target.
import { guideBenchmarks } from '../bench/guide';
import { formatTable, measure, overTarget, type Benchmark } from '../bench/harness';

const benchmarks: Benchmark[] = [...guideBenchmarks];

const results = benchmarks.map(measure);
console.log(formatTable(results));
const slow = overTarget(results);
for (const r of slow)
  console.error(`${r.name}: median ${r.medianMs.toFixed(3)} ms is over its ${r.targetMs} ms target`);
process.exitCode = slow.length ? 1 : 0;
