/**
 * @jest-environment jsdom
 */
// Redeeming in store over the fake wx and the real dev API: the code as text and QR, full brightness while it
// shows (and the user's own back after), the status turning to used when the merchant scans (polled while
// shown, refreshed on show), and the code opening with no network.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { textOf } from '../../support/simulate';
import {
  claimElsewhere,
  coldStart,
  connect,
  devCall,
  networkQuiet,
  open,
  serverCoupons,
  sessionOf,
  START,
  startApi,
  tokenOf,
  waitFor,
  type Clocks,
  type Page,
} from './helpers';

const COUPON = 'packages/coupons/pages/coupon/index';
const USER_BRIGHTNESS = 0.4;

const clocks: Clocks = { serverSkewMs: 0 };
let fake: FakeWx;
let api: RunningServer;
let users = 0;

beforeAll(async () => {
  api = await startApi(clocks);
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = installFakeWx();
  fake.login.user = `diner${++users}`;
  clocks.fake = fake;
  fake.clock.now = START;
  fake.extend({
    getScreenBrightness: (opts: { success?: (r: { value: number }) => void }) =>
      setTimeout(() => opts.success?.({ value: USER_BRIGHTNESS }), 0),
  });
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

async function openCoupon(id: string): Promise<Page> {
  const page = await open(COUPON, { id });
  await waitFor(() => page.data.state !== 'loading', 'the coupon');
  await networkQuiet(fake);
  return page;
}

const brightness = () => fake.callsTo('setScreenBrightness').map((o) => o.value);
const keptOn = () => fake.callsTo('setKeepScreenOn').map((o) => o.keepScreenOn);

test('the code as text and QR at full brightness; the merchant scans it and the page turns to used', async () => {
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'harbour-dumplings-10-off');
  const page = await openCoupon(coupon.id);
  expect(textOf(page)).toContain(coupon.code);
  expect(textOf(page)).toContain('结账前请向商家出示此码');
  expect(textOf(page)).toContain('未使用');
  const qr = page.querySelector('.qr') as unknown as Page;
  expect(qr.data.payload).toBe(coupon.code);
  expect(qr.data.moduleCount).toBeGreaterThanOrEqual(21);
  expect(brightness()).toEqual([1]);
  expect(keptOn()).toEqual([true]);

  // The merchant's scanner (the dev API's endpoint); the page finds out on its next poll.
  const scan = await devCall(api, 'POST', `/dev/coupons/${coupon.code}/redeem`);
  expect(scan.status).toBe(200);
  await waitFor(() => page.data.view.status === 'used', 'the poll to see the scan', 6000);
  expect(textOf(page)).toContain('这张券已使用');
  expect(textOf(page)).toContain('已于 2026-11-22 22:00 使用');
  expect(page.querySelector('.qr')).toBeFalsy();
  expect(brightness()).toEqual([1, USER_BRIGHTNESS]);
  expect(keptOn()).toEqual([true, false]);
  expect(fake.callsTo('vibrateShort')).toHaveLength(1);
  // Polling stopped with the code gone.
  await networkQuiet(fake);
  const requests = fake.net.log.length;
  await new Promise((r) => setTimeout(r, 2500));
  expect(fake.net.log.length).toBe(requests);
  expect((await serverCoupons(api, tokenOf(fake)))[0]!.status).toBe('used');
  // The wallet's stored copy knows too.
  expect(fake.storage.get('wallet.coupons')?.json).toContain('"status":"used"');
});

test('left for another app: brightness back and no polling; scanned meanwhile, it shows used on return', async () => {
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'fish-market-8-off');
  const page = await openCoupon(coupon.id);
  expect(brightness()).toEqual([1]);
  page.instance.onHide();
  expect(brightness()).toEqual([1, USER_BRIGHTNESS]);
  await networkQuiet(fake);
  const requests = fake.net.log.length;
  await devCall(api, 'POST', `/dev/coupons/${coupon.code}/redeem`);
  await new Promise((r) => setTimeout(r, 2500));
  expect(fake.net.log.length).toBe(requests);

  page.instance.onShow();
  await waitFor(() => page.data.view.status === 'used', 'the refresh on show');
  expect(textOf(page)).toContain('已使用');
  // Shown again but nothing to scan: brightness is not raised again.
  expect(brightness()).toEqual([1, USER_BRIGHTNESS]);
  page.instance.onUnload();
});

test('with no network the code and its QR still open from the wallet on the phone', async () => {
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'harbour-dumplings-10-off');
  const wallet = await open('packages/coupons/pages/wallet/index');
  await waitFor(() => wallet.data.cards.length === 1, 'the wallet sync');
  await networkQuiet(fake);

  fake.inject({ fault: 'offline', times: Infinity });
  await coldStart(fake);
  const page = await openCoupon(coupon.id);
  expect(page.data.state).toBe('ready');
  expect(page.data.offline).toBe(true);
  expect(textOf(page)).toContain(coupon.code);
  expect((page.querySelector('.qr') as unknown as Page).data.payload).toBe(coupon.code);
  expect(brightness()).toEqual([1]);
  page.instance.onUnload();
  expect(brightness()).toEqual([1, USER_BRIGHTNESS]);
});

test('a ticket-checkout coupon has no code to show: it says where it applies and leads to the tickets', async () => {
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'tickets-welcome-8-off');
  const page = await openCoupon(coupon.id);
  expect(textOf(page)).toContain('购票时在结算页自动抵扣');
  expect(page.querySelector('.qr')).toBeFalsy();
  expect(brightness()).toEqual([]);
  page.instance.onBuyTickets();
  await waitFor(() => fake.ui.navigations.length === 1, 'navigation');
  expect(fake.ui.navigations[0]).toBe('/packages/tickets/pages/catalog/index');
});

test('in develop, staff can simulate the merchant scan from the page', async () => {
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'allday-diner-5-off');
  const page = await openCoupon(coupon.id);
  expect(textOf(page)).toContain('模拟商家核销（开发环境）');
  await page.instance.onDevRedeem();
  expect(page.data.view.status).toBe('used');
  expect(page.querySelector('.dev-redeem')).toBeFalsy();
  page.instance.onUnload();
});

test('outside develop there is no simulated scan', async () => {
  fake.envVersion = 'trial';
  const coupon = await claimElsewhere(api, await sessionOf(fake), 'allday-diner-5-off');
  const page = await openCoupon(coupon.id);
  expect(page.data.view.showCode).toBe(true);
  expect(page.querySelector('.dev-redeem')).toBeFalsy();
  page.instance.onUnload();
});

test('a coupon that is not the user’s is not found', async () => {
  await sessionOf(fake);
  const page = await openCoupon('cpn_nope');
  expect(page.data.state).toBe('error');
  expect(textOf(page)).toContain('找不到这张优惠券');
});
