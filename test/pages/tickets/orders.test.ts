/** @jest-environment jsdom */
// Orders: the list by tab, the detail with its history, cancelling an unpaid order, and a refund going
// REFUNDING -> REFUNDED; the wallet follows.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { textOf } from '../../support/simulate';
import {
  coldStart,
  connect,
  devApi,
  devCall,
  lastRedirect,
  open,
  openCheckout,
  START,
  waitFor,
} from './helpers';

const CART = { productId: 'sky-tower-skydeck', date: '2026-11-28', q: 'adult.1' };

let fake: FakeWx | undefined;
let api: RunningServer;
let visitors = 0;

beforeAll(async () => {
  api = await devApi(() => fake?.clock.now ?? START);
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = installFakeWx();
  fake.envVersion = 'trial';
  fake.login.user = `buyer${++visitors}`;
  connect(fake, api);
  await devCall(api, 'POST', '/dev/reset');
  await coldStart(fake);
});

async function buy(outcome: 'ok' | 'cancel'): Promise<string> {
  // simulate renders a component only once per module registry: each purchase is its own app run.
  await coldStart(fake!);
  fake!.payment.outcomes.push(outcome);
  const checkout = await openCheckout(CART);
  await checkout.instance.onPay();
  return lastRedirect(fake!).orderId!;
}

test('the list filters by tab without another request, and opens the detail', async () => {
  await buy('ok');
  await buy('cancel');
  const list = await open('packages/orders/pages/list/index');
  await waitFor(() => list.data.state === 'ready', 'the list');
  expect(list.data.items).toHaveLength(2);
  const requests = fake!.net.log.length;
  list.querySelector('.tab-unpaid')!.dispatchEvent('tap');
  await waitFor(() => list.data.tab === 'unpaid', 'the unpaid tab');
  expect(textOf(list)).toContain('待支付');
  expect(list.data.items).toHaveLength(1);
  list.querySelector('.tab-refunds')!.dispatchEvent('tap');
  await waitFor(() => list.data.state === 'empty', 'the empty refunds tab');
  expect(list.data.items).toEqual([]);
  expect(fake!.net.log.length).toBe(requests);
});

test('detail: history in local time; cancelling an unpaid order', async () => {
  const orderId = await buy('cancel');
  const detail = await open('packages/orders/pages/detail/index', { orderId });
  await waitFor(() => detail.data.state === 'ready', 'the detail');
  expect(textOf(detail)).toContain('待支付');
  expect(textOf(detail)).toContain('138****8000');
  expect(textOf(detail)).toMatch(/2026-11-22 22:00（当地时间）/);
  detail.instance.onCancel();
  await waitFor(() => detail.data.view.status === 'CANCELLED', 'the cancellation');
  expect(textOf(detail)).toContain('已取消');
  expect(detail.data.view.history.map((h: { label: string }) => h.label)).toEqual(['待支付', '已取消']);
});

test('refund: a reason is required, then REFUNDING, then REFUNDED; the tickets stop showing a QR', async () => {
  const orderId = await buy('ok');
  const trips = await open('pages/trips/index');
  await waitFor(() => trips.querySelectorAll('.qr').length === 1, 'the ticket');

  const refund = await open('packages/orders/pages/refund/index', { orderId });
  await refund.instance.onSubmit();
  expect(textOf(refund, '.error')).toBe('请选择退款原因');
  refund.querySelector('.reason-plans')!.dispatchEvent('tap');
  await waitFor(() => refund.data.reason === 'plans', 'the reason');
  await refund.instance.onSubmit();
  expect(fake!.callsTo('navigateBack')).toHaveLength(1);

  const detail = await open('packages/orders/pages/detail/index', { orderId });
  await waitFor(() => detail.data.state === 'ready', 'the detail');
  expect(detail.data.view.status).toMatch(/REFUNDING|REFUNDED/);
  fake!.clock.now += 60 * 1000;
  detail.instance.onShow();
  await waitFor(() => detail.data.view.status === 'REFUNDED', 'the refund');
  expect(textOf(detail)).toContain('已退款');

  trips.instance.onShow();
  await waitFor(() => trips.querySelectorAll('.qr').length === 0, 'the voided ticket');
  expect(textOf(trips)).toContain('已退款');
});
