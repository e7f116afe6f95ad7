// The coupon wallet in storage (encrypted, one coupon remembered at a time) and the brightness while a code shows.
import type { Coupon } from '../../../miniprogram/api/coupons';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';

let fake: FakeWx;
let brightnessAnswer: ((value: number) => void) | undefined;

beforeEach(() => {
  fake = installFakeWx();
  jest.resetModules();
  brightnessAnswer = undefined;
  fake.extend({
    getScreenBrightness: (opts: { success?: (r: { value: number }) => void; fail?: () => void }) => {
      brightnessAnswer = (value) => (value < 0 ? opts.fail?.() : opts.success?.({ value }));
    },
  });
});

const loadBrightness = () => import('../../../miniprogram/services/brightness');
const brightness = () => fake.callsTo('setScreenBrightness').map((o) => o.value);
const keptOn = () => fake.callsTo('setKeepScreenOn').map((o) => o.keepScreenOn);

describe('brightness', () => {
  it('raises to full and keeps the screen on, then puts the user’s level back', async () => {
    const { raiseBrightness, restoreBrightness } = await loadBrightness();
    raiseBrightness();
    brightnessAnswer!(0.3);
    expect(brightness()).toEqual([1]);
    expect(keptOn()).toEqual([true]);
    restoreBrightness();
    expect(brightness()).toEqual([1, 0.3]);
    expect(keptOn()).toEqual([true, false]);
  });

  it('a second raise keeps the first level to restore (never restores to full)', async () => {
    const { raiseBrightness, restoreBrightness } = await loadBrightness();
    raiseBrightness();
    brightnessAnswer!(0.3);
    const answerBefore = brightnessAnswer;
    raiseBrightness();
    expect(brightnessAnswer).toBe(answerBefore);
    restoreBrightness();
    restoreBrightness();
    expect(brightness()).toEqual([1, 0.3]);
  });

  it('a restore before the level was read leaves brightness alone, even when the answer comes later', async () => {
    const { raiseBrightness, restoreBrightness } = await loadBrightness();
    raiseBrightness();
    restoreBrightness();
    brightnessAnswer!(0.3);
    expect(brightness()).toEqual([]);
    expect(keptOn()).toEqual([true, false]);
  });

  it('does not raise what it could not read (it could never put it back)', async () => {
    const { raiseBrightness, restoreBrightness } = await loadBrightness();
    raiseBrightness();
    brightnessAnswer!(-1);
    restoreBrightness();
    expect(brightness()).toEqual([]);
  });
});

describe('coupon wallet storage', () => {
  const coupon = (id: string, status: Coupon['status'] = 'unused'): Coupon => ({
    id,
    offerId: 'o1',
    code: `CODE${id}`,
    status,
    claimedAt: '2026-11-22T09:00:00Z',
    title: { 'zh-CN': '券', en: 'Coupon' },
    merchant: { name: { 'zh-CN': '店', en: 'Shop' } },
    discount: { type: 'fixed', amount: { amount: 500, currency: 'NZD' } },
    minSpend: { amount: 2000, currency: 'NZD' },
    scope: 'in_store',
    validFrom: '2026-11-01',
    validUntil: '2027-06-30',
  });

  it('is stored encrypted (codes are bearer credentials) and read back', async () => {
    const store = await import('../../../miniprogram/services/coupon-wallet');
    await store.saveCouponWallet({ coupons: [coupon('a')], syncedAt: 1, timeZone: 'Pacific/Auckland' });
    expect(fake.storage.get('wallet.coupons')?.encrypt).toBe(true);
    expect((await store.loadCouponWallet())?.coupons.map((c) => c.code)).toEqual(['CODEa']);
  });

  it('remembers a new coupon first and replaces a known one in place', async () => {
    const store = await import('../../../miniprogram/services/coupon-wallet');
    await store.rememberCoupon(coupon('a'), 'Pacific/Auckland');
    await store.rememberCoupon(coupon('b'), 'Pacific/Auckland');
    await store.rememberCoupon(coupon('a', 'used'), 'Pacific/Auckland');
    const wallet = await store.loadCouponWallet();
    expect(wallet?.coupons.map((c) => [c.id, c.status])).toEqual([
      ['b', 'unused'],
      ['a', 'used'],
    ]);
    // Never fully synced yet, but its zone is known so expiry can be judged offline.
    expect(wallet).toMatchObject({ syncedAt: 0, timeZone: 'Pacific/Auckland' });
  });
});
