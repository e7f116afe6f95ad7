/** @jest-environment jsdom */
// The travellers form: localized messages per field, nothing sent until all is valid, an expired quote priced
// again, and payment outcomes continuing on the ticket flow's result page with the same order.
import type { FakeWx } from '../../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../../support/server';
import { makeId } from '../../unit/validate/fixtures';
import {
  acceptTerms,
  asUser,
  coldStart,
  newFake,
  payAndWait,
  quiet,
  quoteTrip,
  tap,
  tapStatusAction,
  textOf,
  type,
  type InsuranceApp,
} from './helpers';
import type { Rendered } from '../../support/simulate';
import { KB, recordSetData } from '../../support/set-data';

const NOW = '2026-11-22T09:00:00Z';
const TRIP = {
  planId: 'basic',
  start: '2026-12-01',
  end: '2026-12-05',
  birthDates: ['1985-03-02', '2016-05-20'],
};
const ID = makeId('110101', '19850302', '123');

let api: RunningServer;
let fake: FakeWx;
let app: InsuranceApp;
let user = 0;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.parse(NOW)) });
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = newFake(NOW);
  // A person of their own per test, so the orders the server holds are this test's.
  fake.login.user = `traveller${++user}`;
  connect(fake, api);
  app = await coldStart(fake);
});

const policyPosts = () => fake.net.log.filter((r) => r.url.endsWith('/v1/insurance/policies'));

async function openForm(): Promise<Rendered> {
  await quoteTrip(app, TRIP);
  return app.open('travellers');
}

async function fillValid(form: Rendered): Promise<void> {
  await tap(form, 'traveller-0', 'doc-prc_id');
  await type(form, '张伟', 'traveller-0', 'name-zh');
  await type(form, 'ZHANG WEI', 'traveller-0', 'name-pinyin');
  await type(form, ID, 'traveller-0', 'document-number');
  await tap(form, 'traveller-1', 'doc-hk_macao_permit');
  await type(form, '张小明', 'traveller-1', 'name-zh');
  await type(form, 'ZHANG XIAOMING', 'traveller-1', 'name-pinyin');
  await type(form, 'C12345678', 'traveller-1', 'document-number');
  await type(form, '张伟', 'holder-name');
  await type(form, '+86 138 0013 8000', 'holder-mobile');
  await type(form, 'zhang.wei@example.com', 'holder-email');
}

test('each wrong field says what is wrong, in the current language, and nothing is sent', async () => {
  const form = await openForm();
  expect(textOf(form, '.traveller-0')).not.toContain('请填写此项');

  await tap(form, 'traveller-0', 'doc-prc_id');
  await type(form, 'Zhang', 'traveller-0', 'name-zh');
  await type(form, 'zhang wei', 'traveller-0', 'name-pinyin');
  await type(form, '１１０１０１１９８５０３０２１２３Ｘ', 'traveller-0', 'document-number');
  let text = textOf(form, '.traveller-0');
  expect(text).toContain('请按证件填写中文姓名');
  expect(text).toContain('请使用大写字母，与证件上一致');
  expect(text).toContain('含有全角字符，请切换到半角后输入');
  await type(form, ID.slice(0, 17) + (ID.endsWith('1') ? '2' : '1'), 'traveller-0', 'document-number');
  expect(textOf(form, '.traveller-0')).toContain('身份证号校验位不符');
  await type(form, makeId('110101', '19850303', '123'), 'traveller-0', 'document-number');
  text = textOf(form, '.traveller-0');
  expect(text).toContain('出生日期与身份证号中的不一致');
  expect(text).toContain('性别: 男（据身份证）');

  await tap(form, 'traveller-1', 'doc-passport');
  await tap(form, 'traveller-1', 'issuer-CHN');
  await type(form, 'G1234', 'traveller-1', 'document-number');
  expect(textOf(form, '.traveller-1')).toContain('中国护照号应为 E 加 8 位数字');
  await type(form, '12345', 'holder-mobile');
  await type(form, 'a@b', 'holder-email');
  expect(textOf(form, '.holder')).toContain('请填写手机号');
  expect(textOf(form, '.holder')).toContain('邮箱格式不正确');

  await tap(form, 'pay');
  expect(policyPosts()).toHaveLength(0);
  expect(fake.ui.toasts).toEqual([{ title: '请先修正标出的信息', icon: 'none' }]);
  expect(textOf(form, '.traveller-1')).toContain('请填写此项');
  expect(textOf(form, '.holder')).toContain('请填写此项');

  const { switchLanguage } = await import('../../../miniprogram/services/preferences');
  await switchLanguage('en');
  await quiet();
  expect(textOf(form, '.traveller-0')).toContain('This birth date doesn’t match the one in the ID number.');
  expect(textOf(form, '.traveller-1')).toContain('A Chinese passport number is E + 8 digits');
  expect(textOf(form, '.holder')).toContain('Please fill this in.');
});

test('a cancelled payment continues on the result page; paying again reuses the same order', async () => {
  let form = await openForm();
  await fillValid(form);
  await acceptTerms(app, form, 'basic');
  fake.ui.actionSheetTaps.push(1);
  const cancelled = await payAndWait(form);
  const orderId = /orderId=([^&]+)&outcome=cancelled$/.exec(cancelled)?.[1];
  expect(orderId).toBeDefined();
  expect(fake.storage.get('insurance.draft')?.encrypt).toBe(true);

  // Back to the application from the plans page's "continue" card, and pay.
  const plans = await app.open('plans');
  expect(textOf(plans, '.draft')).toContain('2026-12-01 至 2026-12-05 · 2 人');
  form = await app.open('travellers');
  expect(await payAndWait(form)).toBe(`/packages/orders/pages/result/index?orderId=${orderId}&outcome=paid`);
  const me = await asUser(api.origin, fake.login.user);
  const orders = await me.get<{ items: Array<{ id: string; kind: string; status: string }> }>('/v1/orders');
  expect(orders.items).toEqual([
    expect.objectContaining({ id: orderId, kind: 'insurance', status: 'FULFILLED' }),
  ]);
  expect(policyPosts()).toHaveLength(2);
  expect(policyPosts()[1]!.headers['idempotency-key']).toBe(policyPosts()[0]!.headers['idempotency-key']);
  expect(fake.storage.has('insurance.draft')).toBe(false);
});

test('paid elsewhere (the result page, another launch): the next visit finds the application finished', async () => {
  const form = await openForm();
  await fillValid(form);
  await acceptTerms(app, form, 'basic');
  fake.ui.actionSheetTaps.push(1);
  const orderId = /orderId=([^&]+)/.exec(await payAndWait(form))![1]!;
  const me = await asUser(api.origin, fake.login.user);
  // Paid meanwhile (the result page's "pay again", say): the order is paid without this form knowing.
  expect(await me.pay(orderId)).toBe('paid');

  app = await coldStart(fake);
  const plans = await app.open('plans');
  expect(textOf(plans)).not.toContain('继续填写投保信息');
  expect(fake.storage.has('insurance.draft')).toBe(false);
  const empty = await app.open('travellers');
  expect(textOf(empty)).toContain('还没有填写中的投保信息');
  await tapStatusAction(empty);
  expect(fake.callsTo('redirectTo').at(-1)).toEqual(
    expect.objectContaining({ url: '/packages/insurance/pages/plans/index' }),
  );
});

test('an expired quote is priced again before anything is sent', async () => {
  const form = await openForm();
  await fillValid(form);
  await acceptTerms(app, form, 'basic');
  fake.clock.now += 31 * 60 * 1000;
  app = await coldStart(fake);
  const later = await app.open('travellers');
  expect(textOf(later, '.summary')).toContain('报价已过期，请重新报价');
  await tap(later, 'pay');
  expect(policyPosts()).toHaveLength(0);
  await tap(later, 'refresh');
  expect(textOf(later, '.summary')).toContain('报价保留 30 分钟');
  expect(textOf(later, '.summary')).not.toContain('重新报价');
  // What was typed survives the new quote.
  expect(textOf(later, '.traveller-0')).not.toContain('请填写此项');
  expect(await payAndWait(later)).toMatch(/outcome=paid$/);
  expect(policyPosts()).toHaveLength(1);
});

test('typing sends only that traveller (or the holder) to the view, and every setData stays small', async () => {
  const form = await openForm();
  const sent = recordSetData(form);
  await tap(form, 'traveller-1', 'doc-passport');
  await type(form, 'E1234', 'traveller-1', 'document-number');
  expect(new Set(sent.keys())).toEqual(new Set(['view.travellers[1]']));
  sent.reset();
  await type(form, 'zhang@example.com', 'holder-email');
  expect(new Set(sent.keys())).toEqual(new Set(['view.holder']));
  await tap(form, 'pay');
  expect(sent.largest()).toBeLessThan(32 * KB);
  sent.stop();
});
