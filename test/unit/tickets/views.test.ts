import { qrMatrix } from '../../../miniprogram/components/ticket-qr/qr-matrix';
import { setLang } from '../../../miniprogram/i18n/index';
import {
  countdown,
  inTab,
  maskMobile,
  orderDetail,
  resultState,
} from '../../../miniprogram/packages/orders/order-view';
import { refusal } from '../../../miniprogram/packages/tickets/pages/checkout/checkout-view';
import { typeRules } from '../../../miniprogram/packages/tickets/product-view';
import { tripGroups } from '../../../miniprogram/pages/trips/trips-view';
import type { Order } from '../../../miniprogram/api/orders';
import type { Ticket } from '../../../miniprogram/api/tickets';

beforeEach(() => setLang('zh-CN'));

const nzd = (amount: number) => ({ amount, currency: 'NZD' });

function order(status: Order['status'], expiresAt = '2026-11-22T09:15:00Z'): Order {
  return {
    id: 'ord_1',
    kind: 'tickets',
    status,
    items: [
      {
        productId: 'p',
        ticketTypeId: 'adult',
        title: { 'zh-CN': '天空塔 · 成人票', en: 'Sky Tower · Adult' },
        date: '2026-11-28',
        quantity: 2,
        unitPrice: nzd(3900),
        subtotal: nzd(7800),
      },
    ],
    subtotal: nzd(7800),
    discount: nzd(0),
    total: nzd(7800),
    totalCny: { amount: 32370, currency: 'CNY' },
    contact: { name: '李雷', mobile: '+8613800138000', email: 'li@example.com' },
    createdAt: '2026-11-22T09:00:00Z',
    expiresAt,
    history: [{ status, at: '2026-11-22T09:00:00Z' }],
  };
}

describe('QR matrix', () => {
  test('a version-sized square with the three finder patterns', () => {
    const { size, dark } = qrMatrix('WAYFARER:T1:ABCDEFGH2345:sky-tower-skydeck:2026-11-28');
    expect((size - 17) % 4).toBe(0);
    expect(dark).toHaveLength(size);
    const finder = (r: number, c: number) =>
      [0, 6].every((i) => dark[r + i]!.slice(c, c + 7).every(Boolean)) && dark[r + 2]![c + 3] === true;
    expect(finder(0, 0) && finder(0, size - 7) && finder(size - 7, 0)).toBe(true);
  });

  test('deterministic for a payload, different for another; UTF-8 needs more room than ASCII', () => {
    expect(qrMatrix('A1')).toEqual(qrMatrix('A1'));
    expect(qrMatrix('A1').dark).not.toEqual(qrMatrix('A2').dark);
    expect(qrMatrix('券'.repeat(20)).size).toBeGreaterThan(qrMatrix('A'.repeat(20)).size);
  });
});

describe('orders', () => {
  test('the server’s status decides the result page; the outcome only explains a pending order', () => {
    const now = Date.parse('2026-11-22T09:05:00Z');
    expect(resultState(order('FULFILLED'), 'cancelled', now)).toBe('paid');
    expect(resultState(order('PENDING_PAYMENT'), 'cancelled', now)).toBe('cancelled');
    expect(resultState(order('PENDING_PAYMENT'), 'paid', now)).toBe('confirming');
    expect(resultState(order('PENDING_PAYMENT'), 'failed', Date.parse('2026-11-22T09:20:00Z'))).toBe(
      'expired',
    );
    expect(resultState(order('EXPIRED'), 'confirming', now)).toBe('expired');
  });

  test('tabs, countdown, masked mobile, local times', () => {
    expect(inTab(order('FULFILLED'), 'paid')).toBe(true);
    expect(inTab(order('REFUNDING'), 'paid')).toBe(false);
    expect(inTab(order('REFUNDING'), 'refunds')).toBe(true);
    expect(countdown(Date.parse('2026-11-22T09:15:00Z'), Date.parse('2026-11-22T09:00:55Z'))).toBe(
      '14 分 05 秒',
    );
    expect(maskMobile('+8613800138000')).toBe('+86138****8000');
    const detail = orderDetail(
      order('PENDING_PAYMENT'),
      'Pacific/Auckland',
      Date.parse('2026-11-22T09:05:00Z'),
    );
    expect(detail.history[0]!.at).toBe('2026-11-22 22:00（当地时间）');
    expect(detail.payable).toBe(true);
    expect(detail.discount).toBeNull();
  });

  test('refusals: stock, sale and contact fields are told apart', () => {
    const http = (code: string, status = 409, field?: string) =>
      ({ kind: 'http', status, code, message: '', ...(field ? { field } : {}) }) as const;
    expect(refusal(http('SOLD_OUT', 409, 'items[0]'))).toEqual({ kind: 'stock', soldOut: true });
    expect(refusal(http('INSUFFICIENT_STOCK', 409, 'items[0]'))).toEqual({ kind: 'stock', soldOut: false });
    expect(refusal(http('VALIDATION_FAILED', 400, 'contact.mobile'))).toEqual({
      kind: 'field',
      field: 'mobile',
    });
    expect(refusal(http('VALIDATION_FAILED', 400, 'items[0].date'))).toEqual({ kind: 'not_on_sale' });
    expect(refusal({ kind: 'network', reason: 'offline' })).toEqual({
      kind: 'other',
      messageKey: 'common.errorOffline',
    });
  });
});

describe('wallet and product views', () => {
  const ticket = (id: string, visitDate: string, status: Ticket['status'] = 'valid'): Ticket => ({
    id,
    orderId: 'ord_1',
    productId: 'p',
    title: { 'zh-CN': '天空塔', en: 'Sky Tower' },
    ticketTypeId: 'adult',
    holderType: 'adult',
    code: `CODE${id}`,
    qrPayload: `WAYFARER:T1:CODE${id}`,
    visitDate,
    validUntil: visitDate,
    status,
  });

  test('grouped by visit date, upcoming first with today and tomorrow named, past last without QR', () => {
    const groups = tripGroups(
      [
        ticket('a', '2026-11-30'),
        ticket('b', '2026-11-21'),
        ticket('c', '2026-11-22'),
        ticket('d', '2026-11-23', 'refunded'),
      ],
      '2026-11-22',
    );
    expect(groups.map((g) => g.label)).toEqual([
      '2026-11-22 周日 今天',
      '2026-11-23 周一 明天',
      '2026-11-30 周一',
      '2026-11-21 周六',
    ]);
    expect(groups.map((g) => g.tickets[0]!.showQr)).toEqual([true, false, true, false]);
  });

  test('ticket type rules in one line', () => {
    setLang('en');
    expect(
      typeRules({
        id: 'senior',
        kind: 'senior',
        name: { 'zh-CN': '长者', en: 'Senior' },
        minAge: 65,
        idRequired: true,
        minQty: 0,
        maxQty: 10,
      }),
    ).toBe('Ages 65+ · ID required at entry · Up to 10 per order');
  });
});
