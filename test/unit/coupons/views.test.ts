// What the coupons pages and the picker show, from the pure view modules: terms in words (both languages), the
// claim button for each situation, each refusal's message, the wallet's tabs and the picker's reasons.
import type { Coupon, Offer } from '../../../miniprogram/api/coupons';
import {
  capText,
  discountText,
  minSpendText,
  termsMoney,
} from '../../../miniprogram/components/coupon-labels';
import {
  couponRefusalKey,
  pickerView,
  sameSelection,
} from '../../../miniprogram/packages/tickets/components/coupon-picker/picker-view';
import { money } from '../../../miniprogram/domain/money';
import { setLang } from '../../../miniprogram/i18n/index';
import {
  availability,
  claimButton,
  claimRefusal,
  offerCards,
} from '../../../miniprogram/packages/coupons/offer-view';
import { couponDetail, walletView } from '../../../miniprogram/packages/coupons/wallet-view';
import type { ApiError } from '../../../miniprogram/services/result';

const NZD = (amount: number) => money(amount, 'NZD');
const ZONE = 'Pacific/Auckland';
const TODAY = '2026-11-22';
const text = (s: string) => ({ 'zh-CN': s, en: s });

function offer(overrides: Partial<Offer> = {}): Offer {
  return {
    id: 'o1',
    merchant: { name: { 'zh-CN': '饺子馆', en: 'Dumplings' } },
    category: 'food',
    title: text('NZ$10 off'),
    terms: text('Terms'),
    discount: { type: 'fixed', amount: NZD(1000) },
    minSpend: NZD(5000),
    scope: 'in_store',
    validFrom: '2026-11-01',
    validUntil: '2026-11-30',
    remaining: 10,
    perUserLimit: 2,
    ...overrides,
  };
}

function coupon(overrides: Partial<Coupon> = {}): Coupon {
  return {
    id: 'c1',
    offerId: 'o1',
    code: 'HDUMPAB12CD34',
    status: 'unused',
    claimedAt: '2026-11-20T00:00:00Z',
    title: text('Coupon'),
    merchant: { name: text('Merchant'), location: { lat: -36.8, lng: 174.7, coordSystem: 'wgs84' } },
    discount: { type: 'fixed', amount: NZD(800) },
    minSpend: NZD(6000),
    scope: 'ticket_checkout',
    validFrom: '2026-11-01',
    validUntil: '2026-11-30',
    ...overrides,
  };
}

const http = (code: string, status = 409): ApiError => ({ kind: 'http', status, code, message: '' });

afterEach(() => setLang('zh-CN'));

describe('terms in words', () => {
  it('fixed and percent discounts, caps and minimum spends in Chinese', () => {
    expect(discountText({ type: 'fixed', amount: NZD(1000) })).toBe('减 NZ$10');
    expect(discountText({ type: 'percent', percent: 15, cap: NZD(1200) })).toBe('8.5 折');
    expect(discountText({ type: 'percent', percent: 10, cap: NZD(1200) })).toBe('9 折');
    expect(capText({ type: 'percent', percent: 15, cap: NZD(1250) })).toBe('最高减 NZ$12.50');
    expect(capText({ type: 'fixed', amount: NZD(1000) })).toBe('');
    expect(minSpendText(NZD(5000))).toBe('满 NZ$50 可用');
    expect(minSpendText(NZD(0))).toBe('无门槛');
  });

  it('and in English', () => {
    setLang('en');
    expect(discountText({ type: 'fixed', amount: NZD(1000) })).toBe('NZ$10 off');
    expect(discountText({ type: 'percent', percent: 15, cap: NZD(1200) })).toBe('15% off');
    expect(capText({ type: 'percent', percent: 15, cap: NZD(1200) })).toBe('up to NZ$12');
    expect(minSpendText(NZD(2999))).toBe('Min. spend NZ$29.99');
    expect(minSpendText(NZD(0))).toBe('No minimum spend');
  });

  it('amounts drop ".00" only when there are no cents', () => {
    expect(termsMoney(NZD(5000))).toBe('NZ$50');
    expect(termsMoney(NZD(5010))).toBe('NZ$50.10');
    expect(termsMoney(money(500, 'JPY'))).toBe('JP¥500');
  });
});

describe('offers', () => {
  it('availability by the destination’s date and the stock', () => {
    expect(availability(offer(), '2026-10-31')).toBe('not_started');
    expect(availability(offer(), '2026-11-01')).toBe('open');
    expect(availability(offer(), '2026-11-30')).toBe('open');
    expect(availability(offer(), '2026-12-01')).toBe('ended');
    expect(availability(offer({ remaining: 0 }), TODAY)).toBe('sold_out');
  });

  it('lists claimable offers first, keeping the server’s order within each group', () => {
    const offers = [
      offer({ id: 'sold', remaining: 0 }),
      offer({ id: 'later', validFrom: '2026-12-20', validUntil: '2027-01-31' }),
      offer({ id: 'a' }),
      offer({ id: 'b', category: 'shopping' }),
    ];
    expect(offerCards(offers, TODAY, 'all').map((c) => c.id)).toEqual(['a', 'b', 'later', 'sold']);
    expect(offerCards(offers, TODAY, 'shopping').map((c) => c.id)).toEqual(['b']);
    expect(offerCards(offers, TODAY, 'all').map((c) => c.stock)).toEqual([
      '剩余 10 张',
      '剩余 10 张',
      '2026-12-20 开始',
      '已抢光',
    ]);
  });

  it.each([
    ['nothing held', offer(), 0, {}, { state: 'claim', label: '立即领取', enabled: true, held: '' }],
    [
      'one of two held',
      offer(),
      1,
      {},
      { state: 'again', label: '再领一张', enabled: true, held: '你已领取 1 张' },
    ],
    ['limit held', offer(), 2, {}, { state: 'claimed', label: '查看我的券', enabled: true }],
    ['limit held, offer ended', offer({ validUntil: '2026-11-01' }), 2, {}, { state: 'claimed' }],
    ['sold out', offer({ remaining: 0 }), 0, {}, { state: 'sold_out', label: '已抢光', enabled: false }],
    [
      'ended',
      offer({ validUntil: '2026-11-21' }),
      0,
      {},
      { state: 'ended', label: '活动已结束', enabled: false },
    ],
    [
      'not started',
      offer({ validFrom: '2026-11-23' }),
      0,
      {},
      { state: 'not_started', label: '2026-11-23 开始领取', enabled: false },
    ],
    ['server said sold out', offer(), 0, { learned: 'sold_out' }, { state: 'sold_out', enabled: false }],
    ['server said ended', offer(), 0, { learned: 'ended' }, { state: 'ended', enabled: false }],
    ['server said limit', offer(), 0, { learned: 'limit' }, { state: 'claimed', enabled: true }],
    [
      'from Moments',
      offer(),
      1,
      { moments: true },
      { state: 'moments', label: '打开小程序即可领取', enabled: false },
    ],
  ] as const)('claim button: %s', (_, o, held, context, expected) => {
    expect(claimButton(o, TODAY, held, { moments: false, ...context })).toMatchObject(expected);
  });

  it.each([
    ['OFFER_SOLD_OUT', 409, '手慢了，这张券刚刚被领完', 'sold_out'],
    ['CLAIM_LIMIT_REACHED', 409, '你已领过这张券（每人限领 2 张）', 'limit'],
    ['OFFER_EXPIRED', 410, '活动已结束，无法再领取', 'ended'],
    ['OFFER_NOT_STARTED', 409, '活动 2026-11-01 才开始，到时再来领取吧', 'not_started'],
    ['NOT_FOUND', 404, '这个优惠不存在或已下架', undefined],
    ['INTERNAL', 500, '服务暂时不可用，请稍后再试', undefined],
  ])('refusal %s has its own message', (code, status, message, learned) => {
    expect(claimRefusal(http(code, status), offer())).toEqual(learned ? { message, learned } : { message });
  });

  it('network and sign-in failures use the common messages', () => {
    expect(claimRefusal({ kind: 'network', reason: 'offline' }, offer()).message).toBe(
      '网络不可用，请检查网络后重试',
    );
    expect(claimRefusal({ kind: 'auth', code: 'CODE_USED' }, offer()).message).toBe('登录失败，请重试');
  });

  it('refusals read in English too', () => {
    setLang('en');
    expect(claimRefusal(http('CLAIM_LIMIT_REACHED'), offer()).message).toBe(
      'You have already claimed this offer (limit 2 per person).',
    );
    expect(claimRefusal(http('OFFER_SOLD_OUT'), offer()).message).toBe(
      'Too late: the last coupon of this offer has just been claimed.',
    );
  });
});

describe('wallet', () => {
  const coupons = [
    coupon({ id: 'soon', validUntil: '2026-11-25' }),
    coupon({ id: 'late', validUntil: '2027-01-31' }),
    coupon({ id: 'used1', status: 'used', usedAt: '2026-11-21T01:00:00Z' }),
    coupon({ id: 'used2', status: 'used', usedAt: '2026-11-21T03:00:00Z' }),
    coupon({ id: 'gone', validUntil: '2026-11-21' }),
    coupon({ id: 'gone2', status: 'expired', validUntil: '2026-11-10' }),
  ];

  it('tabs with counts; unused by expiry, used by last use, expired by last to end', () => {
    const unused = walletView(coupons, TODAY, ZONE, 'unused');
    expect(unused.tabs.map((t) => [t.label, t.count])).toEqual([
      ['未使用', 2],
      ['已使用', 2],
      ['已过期', 2],
    ]);
    expect(unused.cards.map((c) => c.id)).toEqual(['soon', 'late']);
    expect(walletView(coupons, TODAY, ZONE, 'used').cards.map((c) => c.id)).toEqual(['used2', 'used1']);
    expect(walletView(coupons, TODAY, ZONE, 'expired').cards.map((c) => c.id)).toEqual(['gone', 'gone2']);
    // 03:00Z on 21 Nov is 16:00 in Auckland.
    expect(walletView(coupons, TODAY, ZONE, 'used').cards[0]!.validity).toBe('已于 2026-11-21 16:00 使用');
  });

  it('a coupon starting later says from when', () => {
    const card = walletView(
      [coupon({ validFrom: '2026-12-01', validUntil: '2026-12-31' })],
      TODAY,
      ZONE,
      'unused',
    );
    expect(card.cards[0]!.validity).toBe('2026-12-01 起可用，有效期至 2026-12-31');
  });

  it('a coupon page shows its code only when a merchant can redeem it now', () => {
    const store = { scope: 'in_store' as const };
    expect(couponDetail(coupon(store), TODAY, ZONE)).toMatchObject({
      showCode: true,
      notice: '结账前请向商家出示此码',
    });
    expect(couponDetail(coupon(), TODAY, ZONE)).toMatchObject({
      showCode: false,
      notice: '购票时在结算页自动抵扣',
      directions: null,
    });
    expect(couponDetail(coupon({ ...store, status: 'used' }), TODAY, ZONE)).toMatchObject({
      showCode: false,
      notice: '这张券已使用',
    });
    expect(couponDetail(coupon({ ...store, validUntil: '2026-11-21' }), TODAY, ZONE)).toMatchObject({
      showCode: false,
      status: 'expired',
      notice: '这张券已过期',
    });
    expect(couponDetail(coupon({ ...store, validFrom: '2026-11-23' }), TODAY, ZONE)).toMatchObject({
      showCode: false,
      notice: '2026-11-23 起可用',
    });
    expect(couponDetail(coupon(store), TODAY, ZONE).directions).toMatchObject({
      latitude: -36.8,
      longitude: 174.7,
    });
  });
});

describe('picker', () => {
  const cart = [{ category: 'attraction', subtotal: NZD(9750) }];

  it('gives each ineligible coupon its reason', () => {
    const view = pickerView(
      [
        coupon({ id: 'min', minSpend: NZD(10000) }),
        coupon({ id: 'cat', productCategories: ['transport'] }),
        coupon({ id: 'later', validFrom: '2026-11-25' }),
        coupon({ id: 'old', validUntil: '2026-11-21' }),
        coupon({
          id: 'usd',
          minSpend: money(100, 'USD'),
          discount: { type: 'fixed', amount: money(100, 'USD') },
        }),
      ],
      cart,
      TODAY,
      undefined,
    );
    expect(Object.fromEntries(view.options.map((o) => [o.id, o.note]))).toEqual({
      min: '还差 NZ$2.50 可用',
      later: '2026-11-25 起可用',
      cat: '不适用于此门票',
      usd: '不适用于此币种',
      old: '已过期',
    });
    expect(view.selection).toEqual({ couponId: '', discount: null });
    expect(view.summary).toBe('暂无可用优惠券');
    expect(view.available).toBe('');
  });

  it('leaves out used and in-store coupons', () => {
    const view = pickerView(
      [
        coupon({ id: 'used', status: 'used' }),
        coupon({ id: 'store', scope: 'in_store' }),
        coupon({ id: 'ok' }),
      ],
      cart,
      TODAY,
      undefined,
    );
    expect(view.options.map((o) => o.id)).toEqual(['ok']);
  });

  it('keeps the user’s choice while it applies, falls back to the best when it stops applying', () => {
    const coupons = [
      coupon({ id: 'eight' }),
      coupon({ id: 'ten', discount: { type: 'percent', percent: 10, cap: NZD(2000) }, minSpend: NZD(9000) }),
    ];
    expect(pickerView(coupons, cart, TODAY, undefined).selection).toEqual({
      couponId: 'ten',
      discount: NZD(975),
    });
    expect(pickerView(coupons, cart, TODAY, 'eight').selection).toEqual({
      couponId: 'eight',
      discount: NZD(800),
    });
    expect(pickerView(coupons, cart, TODAY, '').selection).toEqual({ couponId: '', discount: null });
    expect(pickerView(coupons, cart, TODAY, '').summary).toBe('不使用优惠券');
    // The cart shrank below ten's minimum while it was chosen: eight is the best that still applies.
    const small = [{ category: 'attraction', subtotal: NZD(7000) }];
    expect(pickerView(coupons, small, TODAY, 'ten').selection).toEqual({
      couponId: 'eight',
      discount: NZD(800),
    });
    const chosen = pickerView(coupons, cart, TODAY, 'eight');
    expect(chosen.options.find((o) => o.id === 'eight')).toMatchObject({ selected: true, best: false });
    expect(chosen.options.find((o) => o.id === 'ten')).toMatchObject({ selected: false, best: true });
    expect(chosen.summary).toBe('-NZ$8.00');
    expect(chosen.available).toBe('2 张可用');
  });

  it('compares selections by coupon and amount', () => {
    const a = { couponId: 'x', discount: NZD(100) };
    expect(sameSelection(undefined, a)).toBe(false);
    expect(sameSelection(a, { couponId: 'x', discount: NZD(100) })).toBe(true);
    expect(sameSelection(a, { couponId: 'x', discount: NZD(101) })).toBe(false);
    expect(sameSelection({ couponId: '', discount: null }, { couponId: '', discount: null })).toBe(true);
  });

  it('maps the server’s coupon refusal at checkout, and nothing else', () => {
    expect(couponRefusalKey(http('COUPON_NOT_APPLICABLE', 422))).toBe('coupons.notApplicable');
    expect(couponRefusalKey(http('SOLD_OUT'))).toBeUndefined();
    expect(couponRefusalKey({ kind: 'network', reason: 'timeout' })).toBeUndefined();
  });
});
