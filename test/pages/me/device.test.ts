/** @jest-environment jsdom */
// What Me does to this device, over the real dev API: the privacy sheet WeChat asks for before the first guarded
// call (both answers leave the app usable), the hub counts from the server, and "delete my data", which keeps
// the ids of payments still being confirmed until the next launch reconciles them.
import type { RunningServer } from '../../support/server';
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { textOf } from '../../support/simulate';
import { resendNotification } from '../../support/stack';
import { connect, devApi, START } from '../tickets/helpers';
import { entries, launch, ME, open, tap, until } from './helpers';

let fake: FakeWx | undefined;
let api: RunningServer;
let visitors = 0;
const f = () => fake!;

beforeAll(async () => {
  api = await devApi(() => fake?.clock.now ?? START);
});
afterAll(() => api.close());

beforeEach(() => {
  fake = installFakeWx();
  fake.clock.now = START;
  // Real WeChat Pay, not the develop build's sandbox sheet; every test is its own visitor (login codes are single use).
  fake.envVersion = 'trial';
  fake.login.user = `me-visitor${++visitors}`;
  connect(fake, api);
});

describe('the privacy sheet', () => {
  test('appears on the first guarded call; agreeing lets the call through and the page carries on', async () => {
    f().privacy.needAuthorization = true;
    await launch(f());
    const page = await open(ME);
    expect(textOf(page, '.privacy')).toBe('');
    const { locate } = await import('../../../miniprogram/services/location');
    const located = locate();
    await until(() => textOf(page, '.privacy').includes('隐私保护提示'), 'the sheet', page);
    expect(textOf(page, '.privacy')).toContain('阅读《隐私政策》');

    page.querySelector('.privacy')!.querySelector('.agree')!.dispatchEvent('agreeprivacyauthorization');
    await expect(located).resolves.toMatchObject({ ok: true });
    expect(textOf(page, '.privacy')).toBe('');
    tap(page, '.lang-en');
    await until(() => textOf(page).includes('My e-tickets'), 'the page still working', page);
  });

  test('refusing fails only the guarded call: no location, the sheet goes, the page keeps working', async () => {
    f().privacy.needAuthorization = true;
    await launch(f());
    const page = await open(ME);
    const { locate } = await import('../../../miniprogram/services/location');
    const located = locate();
    await until(() => textOf(page, '.privacy') !== '', 'the sheet', page);
    page.querySelector('.privacy')!.querySelector('.refuse')!.dispatchEvent('tap');
    await expect(located).resolves.toEqual({ ok: false, reason: 'privacy_refused' });
    expect(textOf(page, '.privacy')).toBe('');

    tap(page, '.entry-orders');
    await until(() => f().ui.navigations.length > 0, 'the navigation', page);
    expect(f().ui.navigations).toEqual(['/packages/orders/pages/list/index']);
    // The sheet links the policy, and asks again next time.
    const again = locate();
    await until(() => textOf(page, '.privacy') !== '', 'the sheet again', page);
    page.querySelector('.privacy')!.querySelector('.policy')!.dispatchEvent('tap');
    await until(() => f().ui.navigations.length > 1, 'the policy', page);
    expect(f().ui.navigations[1]).toBe('/packages/account/pages/privacy/index');
    page.querySelector('.privacy')!.querySelector('.agree')!.dispatchEvent('agreeprivacyauthorization');
    await expect(again).resolves.toMatchObject({ ok: true });
  });
});

test('"delete my data" clears the phone but keeps unconfirmed payments until the next launch reconciles them', async () => {
  await launch(f());
  const preferences = await import('../../../miniprogram/services/preferences');
  const orders = await import('../../../miniprogram/api/orders');
  await preferences.switchLanguage('en');
  const created = await orders.createOrder(
    {
      items: [{ productId: 'sky-tower-skydeck', ticketTypeId: 'adult', date: '2026-11-28', quantity: 1 }],
      contact: { name: 'Li Lei', mobile: '+8613800138000', email: 'lilei@example.com' },
    },
    `me-delete-${visitors}`,
  );
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  const orderId = created.data.id;
  // The payer paid, but WeChat Pay's notification has not reached the server yet.
  api.sim.faults.notify.push({ kind: 'drop' });
  await expect(orders.payForOrder(orderId)).resolves.toMatchObject({ kind: 'unknown' });

  const page = await open(ME);
  await until(() => entries(page)[1] === 'My orders 1 to pay ›', 'the order count from the server', page);
  expect([...f().storage.keys()].sort()).toEqual([
    'me.counts',
    'payments.pending',
    'prefs.language',
    'session',
  ]);

  f().ui.modalAnswers.push(false);
  tap(page, '.delete');
  await until(() => f().ui.modals.length === 1, 'the confirmation', page);
  expect(f().ui.modals[0]!.title).toBe('Delete data on this device?');
  expect(f().storage.size).toBe(4);

  tap(page, '.delete');
  await until(() => textOf(page, '.notice') !== '', 'the notice', page);
  expect(textOf(page, '.notice')).toBe(
    'The data on this device was deleted. 1 payment(s) are still being confirmed: their order numbers stay until they are.',
  );
  expect([...f().storage.keys()]).toEqual(['payments.pending']);
  expect(entries(page)[1]).toBe('My orders ›');

  // WeChat Pay's retry of the notification arrives; the next launch (a new session, the default language)
  // reconciles and forgets it.
  expect(await resendNotification(api, orderId)).toBe(204);
  await launch(f());
  const i18n = await import('../../../miniprogram/i18n/index');
  expect(i18n.currentLang()).toBe('zh-CN');
  const reconciled = await (await import('../../../miniprogram/api/orders')).reconcileOnLaunch();
  expect(reconciled.map((o) => o.id)).toEqual([orderId]);
  await expect((await import('../../../miniprogram/services/payment')).pendingPayments()).resolves.toEqual(
    [],
  );
});
