/** @jest-environment jsdom */
// The "Done when": quote a 7-day trip for two adults and a child, fill three travellers (one PRC ID card,
// two passports), kill and restart the app mid-form and find the draft, accept the terms, pay, and find the
// policy with its document. Against the real dev API; the draft never holds a document number in plain text.
import type { FakeWx } from '../../support/fake-wx';
import { pdfText } from '../../support/pdf-text';
import { connect, startApiServer, type RunningServer } from '../../support/server';
import { makeId } from '../../unit/validate/fixtures';
import {
  asUser,
  coldStart,
  dataOf,
  find,
  newFake,
  payAndWait,
  pick,
  settle,
  tap,
  textOf,
  type,
  until,
  type InsuranceApp,
} from './helpers';

const NOW = '2026-11-22T09:00:00Z'; // 22:00 on 22 November in Auckland
const ADULT_ID = makeId('110101', '19850302', '123');
const PASSPORT_CN = 'E12345678';
const PASSPORT_NZ = 'LA123456';
const DOCUMENT_NUMBERS = [ADULT_ID, PASSPORT_CN, PASSPORT_NZ];

let api: RunningServer;
let fake: FakeWx;
let app: InsuranceApp;
const consoleSpies: jest.SpyInstance[] = [];

beforeAll(async () => {
  // The server's clock is the phone's: both agree on the destination's today.
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.parse(NOW)) });
});
afterAll(() => api.close());

beforeEach(async () => {
  fake = newFake(NOW);
  connect(fake, api);
  app = await coldStart(fake);
  for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    consoleSpies.push(jest.spyOn(console, method).mockImplementation(() => undefined));
  }
});

afterEach(() => {
  // Nothing personal is ever logged (the app logs nothing of the form at all).
  for (const spy of consoleSpies.splice(0)) {
    const logged = JSON.stringify(spy.mock.calls);
    for (const number of DOCUMENT_NUMBERS) expect(logged).not.toContain(number);
    spy.mockRestore();
  }
});

interface TravellersData {
  view: {
    travellers: Array<{
      nameZh: string;
      namePinyin: string;
      documentNumber: string;
      errors: Record<string, string>;
    }>;
    holder: { name: string; mobile: string; email: string };
  };
}

/** Every unencrypted storage value, as stored. */
function plainStorage(): string {
  return [...fake.storage.entries()]
    .filter(([, item]) => !item.encrypt)
    .map(([key, item]) => `${key}=${item.json}`)
    .join('\n');
}

test('quote, three travellers, app killed mid-form, terms, payment, then the policy and its document', async () => {
  // Plans side by side; the standard plan is chosen.
  const plans = await app.open('plans');
  expect(textOf(plans)).toContain('境外旅行险·基础型（示例）');
  expect(textOf(plans)).toContain('境外旅行险·尊享型（示例）');
  expect(textOf(plans, '.medical')).toContain('医疗费用');
  await tap(plans, 'choose-standard');
  expect(fake.ui.navigations.at(-1)).toBe('/packages/insurance/pages/quote/index?planId=standard');

  // A 7-day trip at the destination for two adults and a child.
  const quote = await app.open('quote', { planId: 'standard' });
  await pick(quote, '2026-12-10', 'start');
  await pick(quote, '2026-12-16', 'end');
  await tap(quote, 'add');
  await tap(quote, 'add');
  await pick(quote, '1985-03-02', 'birth-0');
  await pick(quote, '1987-07-15', 'birth-1');
  await pick(quote, '2016-05-20', 'birth-2');
  await tap(quote, 'quote');
  const result = textOf(quote, '.result');
  // Standard plan: CNY 14/day per adult, 10/day per child, 7 days.
  expect(result).toContain('保费合计 · 共 7 天 ¥266.00');
  expect(result).toContain('被保险人 1 · 成人 ¥98.00');
  expect(result).toContain('被保险人 3 · 儿童 ¥70.00');
  expect(result).toContain('报价保留 30 分钟');
  await tap(quote, 'continue');
  expect(fake.ui.navigations.at(-1)).toBe('/packages/insurance/pages/travellers/index');

  // Traveller 1 with a PRC ID card, traveller 2 with a Chinese passport; then the app is killed.
  let form = await app.open('travellers');
  expect(textOf(form, '.summary')).toContain('2026-12-10 至 2026-12-16');
  await tap(form, 'traveller-0', 'doc-prc_id');
  await type(form, '张伟', 'traveller-0', 'name-zh');
  await type(form, 'ZHANG WEI', 'traveller-0', 'name-pinyin');
  await type(form, ADULT_ID, 'traveller-0', 'document-number');
  expect(textOf(form, '.traveller-0')).toContain('性别: 男（据身份证）');
  await tap(form, 'traveller-1', 'doc-passport');
  await tap(form, 'traveller-1', 'issuer-CHN');
  await type(form, '李娜', 'traveller-1', 'name-zh');
  await type(form, 'LI NA', 'traveller-1', 'name-pinyin');
  await type(form, 'e1234567', 'traveller-1', 'document-number');
  expect(textOf(form, '.traveller-1')).toContain('请使用大写字母，与证件上一致');
  await type(form, PASSPORT_CN, 'traveller-1', 'document-number');
  await tap(form, 'traveller-1', 'sex-F');
  await settle(50);

  expect(fake.storage.get('insurance.draft')?.encrypt).toBe(true);
  for (const number of DOCUMENT_NUMBERS) expect(plainStorage()).not.toContain(number);

  app = await coldStart(fake);
  form = await app.open('travellers');
  const restored = dataOf<TravellersData>(form).view.travellers;
  expect(restored.map((t) => [t.nameZh, t.namePinyin, t.documentNumber])).toEqual([
    ['张伟', 'ZHANG WEI', ADULT_ID],
    ['李娜', 'LI NA', PASSPORT_CN],
    ['', '', ''],
  ]);
  expect(find(form, 'traveller-1', 'doc-passport').dom!.className).toContain('selected');
  expect(textOf(form, '.traveller-0')).toContain('性别: 男（据身份证）');

  // The child travels on a foreign passport; the policyholder's contact follows.
  await tap(form, 'traveller-2', 'doc-passport');
  await tap(form, 'traveller-2', 'issuer-other');
  await type(form, 'ZHANG XIAOMING', 'traveller-2', 'name-pinyin');
  await type(form, PASSPORT_NZ, 'traveller-2', 'document-number');
  await type(form, '张伟', 'holder-name');
  await type(form, '138 0013 8000', 'holder-mobile');
  await type(form, 'zhang.wei@example.com', 'holder-email');

  // Nothing is sent before the terms are accepted.
  const policyRequests = () => fake.net.log.filter((r) => r.url.endsWith('/v1/insurance/policies'));
  await tap(form, 'pay');
  expect(policyRequests()).toHaveLength(0);
  expect(fake.ui.toasts.at(-1)).toEqual({ title: '请先修正标出的信息', icon: 'none' });
  expect(textOf(form, '.terms-row')).toContain('请先阅读并同意保险条款');

  await tap(form, 'terms-row');
  expect(fake.ui.navigations.at(-1)).toBe('/packages/insurance/pages/terms/index?planId=standard&accept=1');
  const terms = await app.open('terms', { planId: 'standard', accept: '1' });
  expect(textOf(terms)).toContain('版本 2026.11-standard');
  await tap(terms, 'accept');
  expect(fake.callsTo('navigateBack')).toHaveLength(1);
  (form.instance as unknown as { onShow(): void }).onShow();
  await settle(40);
  expect(textOf(form, '.terms-row')).toContain('已阅读并同意（版本 2026.11-standard）');

  // Pay: the sandbox sheet stands in for WeChat Pay in develop; then the ticket flow's result page takes over.
  const redirect = await payAndWait(form);
  expect(policyRequests()).toHaveLength(1);
  expect(fake.ui.actionSheets).toHaveLength(1);
  const orderId = /^\/packages\/orders\/pages\/result\/index\?orderId=([^&]+)&outcome=paid$/.exec(
    redirect,
  )?.[1];
  expect(orderId).toBeDefined();

  // The server holds a fulfilled insurance order; the phone no longer holds the draft.
  const owner = await asUser(api.origin);
  const order = await owner.get<{ kind: string; status: string; policyId?: string }>(`/v1/orders/${orderId}`);
  expect(order).toMatchObject({ kind: 'insurance', status: 'FULFILLED' });
  expect(fake.storage.has('insurance.draft')).toBe(false);

  // The policy is listed, its detail masks personal data, and its document opens.
  const list = await app.open('policies');
  expect(textOf(list)).toContain('境外旅行险·标准型（示例）');
  expect(textOf(list)).toContain('待生效');
  expect(textOf(list)).toContain('3 位被保险人');
  await tap(list, 'policy');
  const policyUrl = fake.ui.navigations.at(-1)!;
  const policyId = /policy\/index\?id=(.+)$/.exec(policyUrl)![1]!;
  expect(policyId).toBe(order.policyId);

  const downloads: Array<{ url: string; header: Record<string, string> }> = [];
  fake.extend({
    downloadFile: (opts: {
      url: string;
      header: Record<string, string>;
      success: (r: { tempFilePath: string; statusCode: number }) => void;
      fail: (e: { errMsg: string }) => void;
    }) => {
      downloads.push({ url: opts.url, header: opts.header });
      void fetch(opts.url, { headers: opts.header }).then(
        async (res) => {
          const text = await pdfText(Buffer.from(await res.arrayBuffer()));
          expect(text).toContain('张伟 ZHANG WEI');
          opts.success({ tempFilePath: 'wxfile://tmp/policy.pdf', statusCode: res.status });
        },
        () => opts.fail({ errMsg: 'downloadFile:fail' }),
      );
    },
  });
  const detail = await app.open('policy', { id: policyId });
  const text = textOf(detail);
  expect(text).toContain('2026-12-10 至 2026-12-16');
  expect(text).toContain('按目的地时间（Pacific/Auckland）');
  expect(text).toContain('张伟 ZHANG WEI');
  expect(text).toContain('居民身份证 110101********');
  expect(text).toContain('护照 E1234****');
  expect(text).toContain('1985-**-**');
  expect(text).toContain('+86 138****8000');
  expect(text).toContain('z***@example.com');
  for (const number of DOCUMENT_NUMBERS) expect(text).not.toContain(number);
  expect(text).not.toContain('13800138000');
  await tap(detail, 'document');
  await until(() => fake.callsTo('openDocument').length > 0);
  expect(downloads).toHaveLength(1);
  expect(downloads[0]!.url).toBe(`${api.origin}/v1/policies/${policyId}/document`);
  expect(downloads[0]!.header.authorization).toMatch(/^Bearer /);
  expect(fake.callsTo('openDocument')).toEqual([
    expect.objectContaining({ filePath: 'wxfile://tmp/policy.pdf', fileType: 'pdf' }),
  ]);

  // After all of it, no plain storage value holds a document number.
  for (const number of DOCUMENT_NUMBERS) expect(plainStorage()).not.toContain(number);
});
