// Personal data stays out of plain storage and out of logs. A run of the fault soak's flows (insurance purchases with
// passport, PRC ID and permit numbers, ticket checkouts with mobile numbers, coupon claims; kills, retries and
// relaunches included) through the real service layer leaves no document number, mobile number or session token
// in any unencrypted storage item, and nothing of them in captured console output. The mini program has no
// console call at all, so no page can log one either.
import fs from 'node:fs';
import path from 'node:path';
import { requireApp, type App } from '../../scripts/lib/soak/app';
import { runSoak } from '../../scripts/lib/soak/index';

function freshApp(): App {
  let app: App | undefined;
  jest.isolateModules(() => {
    app = requireApp();
  });
  return app!;
}

test('after purchases, claims, kills and relaunches: no personal data or token in plain storage or in logs', async () => {
  const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((method) =>
    jest.spyOn(console, method).mockImplementation(() => undefined),
  );
  try {
    const report = await runSoak({ runs: 120, seed: 3, loadApp: freshApp });
    expect(report.details.filter((d) => d.startsWith('leaks'))).toEqual([]);
    expect(report.leaks).toBe(0);
    // The run did handle such data: insurance applications, contacts and sessions.
    expect(report.secrets.filter((s) => /^(E\d{8}|C\d{8}|\d{17}[\dX])$/.test(s)).length).toBeGreaterThan(10);
    expect(report.secrets.filter((s) => s.startsWith('+86')).length).toBeGreaterThan(10);
    const logged = JSON.stringify(spies.map((spy) => spy.mock.calls));
    expect(report.secrets.filter((secret) => logged.includes(secret))).toEqual([]);
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}, 60000);

test('the mini program itself never writes to the console', () => {
  const root = path.resolve(__dirname, '../../miniprogram');
  const offenders: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|wxs)$/.test(entry.name) && /\bconsole\s*\./.test(fs.readFileSync(full, 'utf8')))
        offenders.push(path.relative(root, full));
    }
  };
  walk(root);
  expect(offenders).toEqual([]);
});
