import { execFileSync } from 'child_process';
import path from 'path';
// The one eligibility and discount rule (miniprogram/domain/coupon.ts), shared by the checkout's picker and the
// dev API's order pricing: every rule and boundary.
import {
  applyCoupon,
  bestCoupon,
  couponStatus,
  rankCoupons,
  shortfall,
  type CartLine,
  type CouponStatus,
  type CouponTerms,
} from '../../../miniprogram/domain/coupon';
import { money } from '../../../miniprogram/domain/money';

const NZD = (amount: number) => money(amount, 'NZD');
const line = (category: string, amount: number, currency = 'NZD'): CartLine => ({
  category,
  subtotal: money(amount, currency),
});

type TestCoupon = CouponTerms & { id: string; status: CouponStatus };

function coupon(overrides: Partial<TestCoupon> = {}): TestCoupon {
  return {
    id: 'c1',
    status: 'unused',
    discount: { type: 'fixed', amount: NZD(800) },
    minSpend: NZD(6000),
    scope: 'ticket_checkout',
    validFrom: '2026-11-01',
    validUntil: '2026-11-30',
    ...overrides,
  };
}

const TODAY = '2026-11-22';

describe('minimum spend', () => {
  it('applies when the spend exactly meets the minimum', () => {
    expect(applyCoupon(coupon(), [line('attraction', 6000)], TODAY)).toEqual({
      ok: true,
      discount: NZD(800),
    });
  });

  it('refuses one minor unit below it', () => {
    expect(applyCoupon(coupon(), [line('attraction', 5999)], TODAY)).toEqual({
      ok: false,
      reason: 'min_spend',
    });
  });

  it('counts every line in scope together', () => {
    expect(applyCoupon(coupon(), [line('attraction', 3000), line('museum', 3000)], TODAY).ok).toBe(true);
  });

  it('counts only the lines in the coupon’s categories', () => {
    const c = coupon({ productCategories: ['attraction'] });
    const lines = [line('attraction', 5000), line('transport', 5000)];
    expect(applyCoupon(c, lines, TODAY)).toEqual({ ok: false, reason: 'min_spend' });
    expect(shortfall(c, lines)).toEqual(NZD(1000));
  });

  it('a zero minimum always passes', () => {
    expect(applyCoupon(coupon({ minSpend: NZD(0) }), [line('tour', 1)], TODAY)).toEqual({
      ok: true,
      discount: NZD(1),
    });
  });

  it('shortfall is what is missing, and zero once met', () => {
    expect(shortfall(coupon(), [line('attraction', 4550)])).toEqual(NZD(1450));
    expect(shortfall(coupon(), [line('attraction', 6000)])).toEqual(NZD(0));
    expect(shortfall(coupon(), [line('attraction', 9000)])).toEqual(NZD(0));
  });
});

describe('discount amount', () => {
  const percent = (p: number, cap: number) =>
    coupon({ discount: { type: 'percent', percent: p, cap: NZD(cap) } });

  it('a fixed discount takes its amount', () => {
    expect(applyCoupon(coupon(), [line('attraction', 9750)], TODAY)).toEqual({
      ok: true,
      discount: NZD(800),
    });
  });

  it('a fixed discount larger than the eligible subtotal takes only the subtotal', () => {
    const c = coupon({ discount: { type: 'fixed', amount: NZD(5000) }, minSpend: NZD(0) });
    expect(applyCoupon(c, [line('attraction', 3900)], TODAY)).toEqual({ ok: true, discount: NZD(3900) });
  });

  it('a fixed discount stops at the eligible lines, not the whole cart', () => {
    const c = coupon({
      discount: { type: 'fixed', amount: NZD(5000) },
      minSpend: NZD(0),
      productCategories: ['museum'],
    });
    expect(applyCoupon(c, [line('museum', 2000), line('attraction', 9000)], TODAY)).toEqual({
      ok: true,
      discount: NZD(2000),
    });
  });

  it('a percent discount below its cap', () => {
    expect(applyCoupon(percent(10, 2000), [line('attraction', 9750)], TODAY)).toEqual({
      ok: true,
      discount: NZD(975),
    });
  });

  it('a percent discount exactly at its cap', () => {
    expect(applyCoupon(percent(10, 2000), [line('attraction', 20000)], TODAY)).toEqual({
      ok: true,
      discount: NZD(2000),
    });
  });

  it('a percent discount above its cap stops at the cap', () => {
    expect(applyCoupon(percent(10, 2000), [line('attraction', 25000)], TODAY)).toEqual({
      ok: true,
      discount: NZD(2000),
    });
  });

  it('rounds half away from zero (money.ts’s one rule)', () => {
    // 15% of 6010 = 901.5 -> 902; 15% of 6009 = 901.35 -> 901.
    expect(applyCoupon(percent(15, 5000), [line('attraction', 6010)], TODAY)).toEqual({
      ok: true,
      discount: NZD(902),
    });
    expect(applyCoupon(percent(15, 5000), [line('attraction', 6009)], TODAY)).toEqual({
      ok: true,
      discount: NZD(901),
    });
  });

  it('100 percent takes the whole eligible amount up to the cap', () => {
    const c = coupon({ discount: { type: 'percent', percent: 100, cap: NZD(100000) }, minSpend: NZD(0) });
    expect(applyCoupon(c, [line('tour', 4200)], TODAY)).toEqual({ ok: true, discount: NZD(4200) });
  });

  it('percent applies to the in-category lines only', () => {
    const c = coupon({
      discount: { type: 'percent', percent: 10, cap: NZD(2000) },
      minSpend: NZD(5000),
      productCategories: ['attraction', 'museum'],
    });
    expect(applyCoupon(c, [line('attraction', 6000), line('transport', 10000)], TODAY)).toEqual({
      ok: true,
      discount: NZD(600),
    });
  });
});

describe('scope, categories and currency', () => {
  it('an in-store coupon never applies at ticket checkout', () => {
    expect(applyCoupon(coupon({ scope: 'in_store' }), [line('attraction', 9000)], TODAY)).toEqual({
      ok: false,
      reason: 'scope',
    });
  });

  it('a coupon without categories applies to every category', () => {
    for (const category of ['attraction', 'museum', 'tour', 'transport', 'experience']) {
      expect(applyCoupon(coupon(), [line(category, 6000)], TODAY).ok).toBe(true);
    }
  });

  it('a cart with none of the coupon’s categories is the wrong category', () => {
    const c = coupon({ productCategories: ['transport'] });
    expect(applyCoupon(c, [line('attraction', 9000)], TODAY)).toEqual({ ok: false, reason: 'category' });
  });

  it('an empty cart is the wrong category, not a discount', () => {
    expect(applyCoupon(coupon({ minSpend: NZD(0) }), [], TODAY)).toEqual({ ok: false, reason: 'category' });
  });

  it('a cart in another currency is refused', () => {
    expect(applyCoupon(coupon(), [line('attraction', 9000, 'AUD')], TODAY)).toEqual({
      ok: false,
      reason: 'currency',
    });
  });
});

describe('status and validity (destination dates)', () => {
  it('a used coupon is used whatever its dates', () => {
    expect(applyCoupon(coupon({ status: 'used' }), [line('attraction', 9000)], TODAY)).toEqual({
      ok: false,
      reason: 'used',
    });
    expect(couponStatus('used', '2020-01-01', TODAY)).toBe('used');
  });

  it('valid on its first and last day, not before, not after', () => {
    const lines = [line('attraction', 9000)];
    expect(applyCoupon(coupon(), lines, '2026-10-31')).toEqual({ ok: false, reason: 'not_started' });
    expect(applyCoupon(coupon(), lines, '2026-11-01').ok).toBe(true);
    expect(applyCoupon(coupon(), lines, '2026-11-30').ok).toBe(true);
    expect(applyCoupon(coupon(), lines, '2026-12-01')).toEqual({ ok: false, reason: 'expired' });
  });

  it('a single-day coupon is valid on that day only', () => {
    const c = coupon({ validFrom: '2026-11-22', validUntil: '2026-11-22' });
    expect(applyCoupon(c, [line('attraction', 9000)], '2026-11-22').ok).toBe(true);
    expect(applyCoupon(c, [line('attraction', 9000)], '2026-11-21')).toEqual({
      ok: false,
      reason: 'not_started',
    });
    expect(applyCoupon(c, [line('attraction', 9000)], '2026-11-23')).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('a status the server already judged expired stays expired', () => {
    expect(couponStatus('expired', '2026-11-30', '2026-11-22')).toBe('expired');
    expect(applyCoupon(coupon({ status: 'expired' }), [line('attraction', 9000)], TODAY)).toEqual({
      ok: false,
      reason: 'expired',
    });
  });

  it('expiry is checked before anything else the user could fix', () => {
    const c = coupon({ scope: 'in_store', validUntil: '2026-11-01' });
    expect(applyCoupon(c, [], TODAY)).toEqual({ ok: false, reason: 'expired' });
  });

  describe.each([
    ['Asia/Shanghai', -480],
    ['America/Los_Angeles', 480],
    ['UTC', 0],
    ['Pacific/Kiritimati', -840],
  ])('with the phone in %s', (phoneZone, offset) => {
    // 30 November in Auckland is NZDT (UTC+13): 23:58 there is 10:58Z, midnight 11:00Z. 1 November starts at
    // 11:00Z on 31 October (daylight saving began in September).
    const instants = {
      '2026-10-31T10:59:00Z': { today: '2026-10-31', check: 'not_started' },
      '2026-10-31T11:00:00Z': { today: '2026-11-01', check: true },
      '2026-11-30T10:58:00Z': { today: '2026-11-30', status: 'unused', check: true },
      '2026-11-30T10:59:59Z': { today: '2026-11-30', status: 'unused', check: true },
      '2026-11-30T11:00:00Z': { today: '2026-12-01', status: 'expired', check: 'expired' },
    };

    it('a coupon valid until 30 Nov is valid at 23:58 and expired at 00:00 Auckland time; it starts at 00:00', () => {
      // jest's process.env is a copy, so the phone's zone is set on a child process running the same rule.
      const probe = path.join(__dirname, 'phone-zone-probe.ts');
      const tsx = path.join(__dirname, '../../../node_modules/.bin/tsx');
      const raw = execFileSync(tsx, [probe, ...Object.keys(instants)], {
        env: { ...process.env, TZ: phoneZone },
        encoding: 'utf8',
      });
      const result = JSON.parse(raw) as { offset: number; out: Array<Record<string, unknown>> };
      expect(result.offset).toBe(offset);
      for (const [iso, expected] of Object.entries(instants)) {
        expect(result.out.find((o) => o.iso === iso)).toMatchObject(expected);
      }
    });
  });
});

describe('ranking and the best coupon', () => {
  const welcome = coupon({
    id: 'welcome',
    discount: { type: 'fixed', amount: NZD(800) },
    minSpend: NZD(6000),
  });
  const tenPercent = coupon({
    id: 'ten',
    discount: { type: 'percent', percent: 10, cap: NZD(2000) },
    minSpend: NZD(5000),
    productCategories: ['attraction', 'museum'],
  });
  const ferries = coupon({
    id: 'ferries',
    discount: { type: 'fixed', amount: NZD(500) },
    minSpend: NZD(4000),
    productCategories: ['transport'],
  });
  const later = coupon({ id: 'later', validFrom: '2026-12-20', validUntil: '2027-02-28' });
  const old = coupon({ id: 'old', validUntil: '2026-10-31' });
  const store = coupon({ id: 'store', scope: 'in_store' });
  const all = [store, old, later, ferries, welcome, tenPercent];

  it('picks the largest discount: 10% of NZ$97.50 beats NZ$8 off', () => {
    const best = bestCoupon(all, [line('attraction', 9750)], TODAY);
    expect(best).toEqual({ coupon: tenPercent, discount: NZD(975) });
  });

  it('picks the fixed coupon when the percent one gives less', () => {
    expect(bestCoupon(all, [line('attraction', 7000)], TODAY)).toEqual({
      coupon: welcome,
      discount: NZD(800),
    });
  });

  it('none when nothing applies', () => {
    expect(bestCoupon(all, [line('tour', 1000)], TODAY)).toBeUndefined();
    expect(bestCoupon([], [line('tour', 9000)], TODAY)).toBeUndefined();
  });

  it('lists eligible coupons first by discount, then ineligible ones by what the user can act on', () => {
    const ranked = rankCoupons(all, [line('attraction', 9750)], TODAY);
    expect(ranked.map((r) => [r.coupon.id, r.check.ok ? r.check.discount.amount : r.check.reason])).toEqual([
      ['ten', 975],
      ['welcome', 800],
      ['later', 'not_started'],
      ['ferries', 'category'],
      ['store', 'scope'],
      ['old', 'expired'],
    ]);
  });

  it('on equal discounts prefers the coupon that expires sooner, then the lower minimum', () => {
    const a = coupon({ id: 'a', validUntil: '2027-01-31' });
    const b = coupon({ id: 'b', validUntil: '2026-12-31' });
    const c = coupon({ id: 'c', validUntil: '2026-12-31', minSpend: NZD(1000) });
    expect(rankCoupons([a, b, c], [line('attraction', 9000)], TODAY).map((r) => r.coupon.id)).toEqual([
      'c',
      'b',
      'a',
    ]);
  });

  it('is stable by id when everything else is equal', () => {
    const x = coupon({ id: 'x' });
    const y = coupon({ id: 'y' });
    expect(rankCoupons([y, x], [line('attraction', 9000)], TODAY).map((r) => r.coupon.id)).toEqual([
      'x',
      'y',
    ]);
  });
});
