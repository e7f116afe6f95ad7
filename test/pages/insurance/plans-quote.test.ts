/** @jest-environment jsdom */
// Plans (offline first visit, cached revisit), the quote's rules at the destination's today, and terms that
// reach <rich-text> only sanitized.
import type { FakeWx } from '../../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../../support/server';
import type { RichTextNode } from '../../../miniprogram/packages/insurance/domain/sanitize-html';
import { coldStart, dataOf, newFake, pick, tap, tapStatusAction, textOf, type InsuranceApp } from './helpers';

let api: RunningServer;
let fake: FakeWx;
let app: InsuranceApp;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
});
afterAll(() => api.close());

beforeEach(async () => {
  // 11:30 UTC on 22 November: already the 23rd in Auckland, still the 22nd in Beijing.
  fake = newFake('2026-11-22T11:30:00Z');
  connect(fake, api);
  app = await coldStart(fake);
});

test('plans side by side: coverage rows, excess, ages and trip length per plan', async () => {
  const page = await app.open('plans');
  const table = textOf(page, '.table');
  expect(table).toContain('境外旅行险·基础型（示例） 境外旅行险·标准型（示例） 境外旅行险·尊享型（示例）');
  expect(textOf(page, '.medical')).toBe('医疗费用 ¥300,000.00 ¥600,000.00 ¥1,000,000.00');
  for (const row of [
    'evacuation',
    'cancellation',
    'baggage',
    'delay',
    'excess',
    'ages',
    'maxTrip',
    'terms',
  ]) {
    expect(textOf(page, `.${row}`)).not.toBe('');
  }
  expect(textOf(page, '.maxTrip')).toBe('最长行程 30 天 90 天 180 天');
  expect(textOf(page, '.ages')).toBe('投保年龄 0–80 岁 0–80 岁 0–75 岁');
  await tap(page, 'policies');
  expect(fake.ui.navigations).toEqual(['/packages/insurance/pages/policies/index']);
});

test('offline on the first visit: the reason and a retry; a later offline visit paints from the cache', async () => {
  fake.inject({ fault: 'offline', times: 3 });
  const page = await app.open('plans');
  expect(textOf(page)).toContain('网络不可用，请检查网络后重试');
  await tapStatusAction(page);
  expect(textOf(page)).toContain('境外旅行险·标准型（示例）');

  fake.inject({ fault: 'offline', times: Infinity });
  app = await coldStart(fake);
  expect(textOf(await app.open('plans'))).toContain('境外旅行险·标准型（示例）');
});

test('the quote follows the destination’s today and the plan’s limits, and sends nothing invalid', async () => {
  const page = await app.open('quote', { planId: 'premium' });
  expect(dataOf<{ view: { today: string } }>(page).view.today).toBe('2026-11-23');
  const quotes = () => fake.net.log.filter((r) => r.url.endsWith('/v1/insurance/quotes'));

  await tap(page, 'quote');
  expect(textOf(page, '.start')).toContain('请填写此项');
  expect(textOf(page, '.birth-0')).toContain('请填写此项');

  await pick(page, '2026-11-22', 'start');
  expect(textOf(page, '.start')).toContain('日期不能早于今天');
  await pick(page, '2026-11-23', 'start');
  await pick(page, '2026-11-20', 'end');
  expect(textOf(page, '.end')).toContain('结束日期不能早于开始日期');
  await pick(page, '2027-05-22', 'end');
  expect(textOf(page, '.end')).toContain('行程天数超过了此计划的最长期限');
  await pick(page, '2026-11-30', 'end');
  // 76 on the start date: older than the premium plan's 75.
  await pick(page, '1950-11-22', 'birth-0');
  expect(textOf(page, '.birth-0')).toContain('年龄超过了此计划的最高投保年龄');
  await tap(page, 'quote');
  expect(quotes()).toHaveLength(0);

  await pick(page, '1950-11-24', 'birth-0');
  await tap(page, 'quote');
  expect(quotes()).toHaveLength(1);
  expect(textOf(page, '.result')).toContain('被保险人 1 · 长者');
  // A single traveller cannot be removed.
  expect(page.querySelector('.remove-0')).toBeUndefined();
});

const HOSTILE = [
  '<h3 onclick="alert(1)">Terms</h3>',
  '<script>wx.requestPayment({})</script>',
  '<p style="color:red">Cover <a href="javascript:alert(1)">here</a> and <a href="https://insurer.example/t">there</a></p>',
  '<iframe src="https://evil.example"></iframe><img src=x onerror="alert(1)">',
].join('');

function walk(nodes: readonly RichTextNode[]): RichTextNode[] {
  return nodes.flatMap((n) => ('type' in n ? [n] : [n, ...walk(n.children)]));
}

test('terms reach rich-text sanitized, and can be accepted only from an application', async () => {
  const plansRes = await fetch(`${api.origin}/v1/insurance/plans`);
  const { items } = (await plansRes.json()) as {
    items: Array<{ id: string; termsHtml: Record<string, string> }>;
  };
  fake.net.handler = () => ({
    status: 200,
    data: { items: items.map((p) => ({ ...p, termsHtml: { 'zh-CN': HOSTILE, en: HOSTILE } })) },
  });
  const page = await app.open('terms', { planId: 'basic' });
  const nodes = dataOf<{ nodes: RichTextNode[] }>(page).nodes;
  const json = JSON.stringify(nodes);
  expect(json).not.toMatch(/script|onclick|onerror|iframe|javascript|style|img/i);
  expect(walk(nodes).flatMap((n) => ('type' in n ? [n.text] : []))).toEqual([
    'Terms',
    'Cover ',
    'here',
    ' and ',
    'there',
  ]);
  expect(walk(nodes).find((n) => 'name' in n && n.attrs.href)).toEqual(
    expect.objectContaining({ name: 'a', attrs: { class: 'rt-a', href: 'https://insurer.example/t' } }),
  );
  expect(page.querySelector('.accept')).toBeUndefined();
});
