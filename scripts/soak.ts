// npm run soak -- --runs N --seed S: the fault soak of every purchase flow (scripts/lib/soak). Prints one line,
// `soak: N intents, X faults injected (R server restarts), P payments, A unaccounted, T paid twice, D duplicates, L lost, U unhandled,
// S stuck`, and exits 1 unless A, T, D, L, U and S are all 0 (the findings behind them are listed first).
import { loadAppFromNode } from './lib/soak/app';
import { formatReport, runSoak } from './lib/soak/index';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isSafeInteger(value) || value < 0) {
    console.error(`soak: --${name} needs a whole number`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const report = await runSoak({
    runs: option('runs', 200),
    seed: option('seed', 1),
    loadApp: loadAppFromNode,
  });
  for (const line of report.details) console.log(line);
  const screens = Object.entries(report.screens).sort(([, a], [, b]) => b - a);
  console.log(`ended on: ${screens.map(([screen, n]) => `${screen} ${n}`).join(', ')}`);
  console.log(`intents with a fault: ${report.faultedIntents} of ${report.intents}`);
  console.log(formatReport(report));
  const failed =
    report.unaccounted +
      report.paidTwice +
      report.duplicates +
      report.lost +
      report.unhandled +
      report.stuck >
    0;
  process.exit(failed ? 1 : 0);
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
