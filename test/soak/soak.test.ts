// The fault soak in-process (scripts/lib/soak): 200 purchase intents through the real service layer, fake wx
// phones, the real server and the WeChat simulator, at least 30 % of them meeting faults; every payment WeChat Pay
// took is fulfilled or refunded and none twice, and nothing may be duplicated, lost, unhandled or stuck.
// `npm run soak -- --runs N --seed S` runs the same thing from the command line.
import { requireApp, type App } from '../../scripts/lib/soak/app';
import { formatReport, runSoak } from '../../scripts/lib/soak/index';

/** Every app launch gets its own module instances, as a cold start of the mini program does. */
function freshApp(): App {
  let app: App | undefined;
  jest.isolateModules(() => {
    app = requireApp();
  });
  return app!;
}

test('200 intents under faults: every payment accounted for, 0 duplicates, 0 lost, 0 unhandled, 0 stuck', async () => {
  const report = await runSoak({ runs: 200, seed: 1, loadApp: freshApp });
  expect(report.details).toEqual([]);
  expect(report.faultedIntents).toBeGreaterThanOrEqual(0.3 * report.intents);
  expect(report.payments).toBeGreaterThan(0);
  expect(formatReport(report)).toBe(
    `soak: 200 intents, ${report.faults} faults injected (3 server restarts), ${report.payments} payments, 0 unaccounted, 0 paid twice, 0 duplicates, 0 lost, 0 unhandled, 0 stuck`,
  );
}, 180_000);
