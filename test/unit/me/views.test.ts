// What the Me tab and the account pages show, from what the phone holds and what the build knows.
import { aboutRows, privacyPolicy } from '../../../miniprogram/packages/account/account-view';
import { contactView, hubEntries, localCounts, serverCounts } from '../../../miniprogram/pages/me/me-view';
import type { Order } from '../../../miniprogram/api/orders';
import type { Policy } from '../../../miniprogram/api/insurance';
import { setLang } from '../../../miniprogram/i18n/index';
import { coupon, ticket } from './fixtures';

// 2026-11-22 23:30 UTC is already the 23rd in Auckland.
const NOW = Date.parse('2026-11-22T23:30:00Z');
const ZONE = 'Pacific/Auckland';

afterEach(() => setLang('zh-CN'));

test('tickets count when valid on or after the destination’s today; coupons when still usable there', () => {
  const wallet = {
    tickets: [
      ticket('a', 'valid', '2026-11-23'),
      ticket('b', 'valid', '2026-11-22'),
      ticket('c', 'used', '2026-11-30'),
      ticket('d', 'valid', '2026-12-01'),
    ],
    syncedAt: 0,
    timeZone: ZONE,
  };
  const coupons = {
    coupons: [
      coupon('x', 'unused', '2026-11-23'),
      coupon('y', 'unused', '2026-11-22'),
      coupon('z', 'used', '2026-12-31'),
    ],
    syncedAt: 0,
    timeZone: ZONE,
  };
  expect(localCounts({ wallet, coupons, server: { orders: 1, policies: 0 } }, NOW)).toEqual({
    tickets: 2,
    coupons: 1,
    orders: 1,
    policies: 0,
  });
  expect(localCounts({}, NOW)).toEqual({ orders: undefined, policies: undefined });
});

test('orders count while payable, policies while active', () => {
  const order = (status: Order['status'], expiresAt: string) => ({ status, expiresAt }) as Order;
  const policy = (status: Policy['status']) => ({ status }) as Policy;
  expect(
    serverCounts(
      [
        order('PENDING_PAYMENT', '2026-11-23T00:00:00Z'),
        order('PENDING_PAYMENT', '2026-11-22T23:00:00Z'),
        order('PAID', '2026-11-23T00:00:00Z'),
      ],
      [policy('active'), policy('cancelled'), policy('active')],
      NOW,
    ),
  ).toEqual({ orders: 1, policies: 2 });
});

test('hub entries say what each count means, in both languages, and nothing for zero or unknown', () => {
  const counts = { tickets: 2, orders: 0, coupons: 3 };
  expect(hubEntries(counts).map((e) => `${e.label}|${e.count}`)).toEqual([
    '我的电子票|2 张可用',
    '我的订单|',
    '我的优惠券|3 张可用',
    '我的保单|',
  ]);
  setLang('en');
  expect(hubEntries(counts).map((e) => `${e.label}|${e.count}`)).toEqual([
    'My e-tickets|2 valid',
    'My orders|',
    'My coupons|3 to use',
    'My policies|',
  ]);
});

test('customer service gets the brand’s title and the page the visitor asks from', () => {
  expect(contactView('pages/me/index', 'en')).toEqual({
    title: 'Wayfarer travel help',
    path: '/pages/me/index',
    sessionFrom: 'page=pages/me/index&lang=en',
  });
});

test('about: release shows the version; develop and trial also the commit and the API base URL', () => {
  const info = { version: '1.2.3', commit: 'abc1234' };
  const env = (envVersion: 'develop' | 'trial' | 'release', apiBaseUrl: string) => ({
    envVersion,
    apiBaseUrl,
    devTools: envVersion === 'develop',
  });
  expect(aboutRows(info, env('release', 'https://api.example.com'))).toEqual([
    { id: 'version', label: '版本', value: '1.2.3' },
    { id: 'environment', label: '环境', value: '正式版' },
  ]);
  expect(aboutRows(info, env('trial', 'https://trial.example.com')).map((r) => r.value)).toEqual([
    '1.2.3',
    '体验版',
    'abc1234',
    'https://trial.example.com',
  ]);
});

test('the privacy policy covers what, why, how long and how to delete, with the brand’s contact', () => {
  setLang('en');
  const policy = privacyPolicy();
  expect(policy.intro).toContain('Wayfarer');
  expect(policy.sections.map((s) => s.id)).toEqual(['collect', 'keep', 'delete']);
  const text = policy.sections.flatMap((s) => [s.title, ...s.paragraphs]).join('\n');
  expect(text).toMatch(/Location: .*distances/);
  expect(text).toContain('How long we keep it');
  expect(text).toContain('Me > Delete my data on this device');
  expect(text).toContain('privacy@wayfarer.example.com');
});
