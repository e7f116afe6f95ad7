/** @jest-environment jsdom */
// Policies: the list, the detail in the destination's dates with personal data masked, cancellation (refund)
// before the cover starts and not after, and a document that cannot be opened.
import type { FakeWx } from '../../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../../support/server';
import {
  asUser,
  buyPolicy,
  coldStart,
  newFake,
  tap,
  tapStatusAction,
  textOf,
  type InsuranceApp,
} from './helpers';

const NOW = '2026-11-22T09:00:00Z';
const TRIP = { planId: 'premium', start: '2026-12-01', end: '2026-12-10', birthDates: ['1980-01-01'] };

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
  fake.login.user = `holder${++user}`;
  connect(fake, api);
  app = await coldStart(fake);
});

test('no policies yet: says so and leads to the plans', async () => {
  const list = await app.open('policies');
  expect(textOf(list)).toContain('还没有保单');
  await tapStatusAction(list);
  expect(fake.ui.navigations).toEqual(['/packages/insurance/pages/plans/index']);
});

test('cancelled before the start date: asked first, then cancelled with a refund', async () => {
  const policyId = await buyPolicy(api.origin, fake.login.user, TRIP);
  const list = await app.open('policies');
  expect(textOf(list)).toContain('境外旅行险·尊享型（示例） 待生效');
  expect(textOf(list)).toContain('保障期间 2026-12-01 至 2026-12-10');
  expect(textOf(list)).toContain('1 位被保险人');
  expect(textOf(list)).not.toContain('TRAVELLER A');

  const page = await app.open('policy', { id: policyId });
  expect(textOf(page, '.insured')).toContain('TRAVELLER A');
  expect(textOf(page, '.insured')).toContain('护照 LA12****');
  expect(textOf(page, '.insured')).toContain('1980-**-** · 成人');
  expect(textOf(page, '.holder')).toBe('Traveller A +642*****567 · a***@example.com');
  expect(textOf(page, '.coverage')).toContain('医疗费用');
  expect(textOf(page)).toContain('出发日（2026-12-01）前可退保');

  fake.ui.modalAnswers.push(false);
  await tap(page, 'cancel');
  expect(fake.ui.modals).toEqual([{ title: '确认退保？', content: '退保后保障立即终止，保费将原路退回。' }]);
  expect(fake.net.log.filter((r) => r.url.endsWith('/cancel'))).toHaveLength(0);

  await tap(page, 'cancel');
  expect(textOf(page, '.head')).toContain('已退保');
  expect(textOf(page)).not.toContain('退保后');
  expect(page.querySelector('.cancel')).toBeUndefined();
  expect(fake.ui.toasts).toEqual([{ title: '已退保，保费将原路退回', icon: 'none' }]);
  const me = await asUser(api.origin, fake.login.user);
  const policy = await me.get<{ status: string; orderId: string }>(`/v1/policies/${policyId}`);
  expect(policy.status).toBe('cancelled');
  const order = await me.get<{ status: string }>(`/v1/orders/${policy.orderId}`);
  expect(['REFUNDING', 'REFUNDED']).toContain(order.status);
});

test('once the cover has started (destination time) there is no cancelling; afterwards it has ended', async () => {
  const policyId = await buyPolicy(api.origin, fake.login.user, TRIP);
  // 11:30 UTC on 30 November is already 1 December in Auckland.
  fake.clock.now = Date.parse('2026-11-30T11:30:00Z');
  const page = await app.open('policy', { id: policyId });
  expect(textOf(page, '.head')).toContain('保障中');
  expect(page.querySelector('.cancel')).toBeUndefined();

  fake.clock.now = Date.parse('2026-12-10T11:30:00Z');
  app = await coldStart(fake);
  const later = await app.open('policies');
  expect(textOf(later)).toContain('已到期');
});

test('a document that cannot be downloaded says so, with no success icon and nothing opened', async () => {
  const policyId = await buyPolicy(api.origin, fake.login.user, TRIP);
  const answers: Array<{ statusCode: number } | { fail: string }> = [
    { statusCode: 404 },
    { fail: 'downloadFile:fail -109:net::ERR_ADDRESS_UNREACHABLE' },
  ];
  fake.extend({
    downloadFile: (opts: {
      success: (r: { tempFilePath: string; statusCode: number }) => void;
      fail: (e: { errMsg: string }) => void;
    }) => {
      const answer = answers.shift()!;
      setTimeout(() =>
        'fail' in answer
          ? opts.fail({ errMsg: answer.fail })
          : opts.success({ tempFilePath: 'wxfile://tmp/x', statusCode: answer.statusCode }),
      );
    },
  });
  const page = await app.open('policy', { id: policyId });
  await tap(page, 'document');
  await tap(page, 'document');
  expect(fake.ui.toasts).toEqual([
    { title: '保单文件打开失败，请重试', icon: 'none' },
    { title: '网络不可用，请检查网络后重试', icon: 'none' },
  ]);
  expect(fake.callsTo('openDocument')).toHaveLength(0);
});

test('a policy that is not the user’s is not found', async () => {
  const policyId = await buyPolicy(api.origin, 'someone-else', TRIP);
  const page = await app.open('policy', { id: policyId });
  expect(textOf(page)).toContain('未找到该保单');
});
