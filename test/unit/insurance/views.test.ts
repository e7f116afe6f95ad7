// What the insurance pages show, from pure view builders (no wx).
import { loadSeed } from '../../../server/content/seed';
import type { InsurancePlan, Policy } from '../../../miniprogram/api/insurance';
import {
  newDraft,
  withQuote,
  withQuoteInputs,
  withTravellerField,
  type InsuranceDraft,
} from '../../../miniprogram/packages/insurance/domain/insurance-draft';
import { setLang } from '../../../miniprogram/i18n/index';
import {
  buildDraftCard,
  buildPlansView,
} from '../../../miniprogram/packages/insurance/pages/plans/plans-view';
import {
  buildQuoteResult,
  buildQuoteView,
} from '../../../miniprogram/packages/insurance/pages/quote/quote-view';
import {
  buildTermsView,
  buildTravellersView,
  type TravellersContext,
} from '../../../miniprogram/packages/insurance/pages/travellers/travellers-view';
import { buildPolicyDetail, displayStatus } from '../../../miniprogram/packages/insurance/policy-view';
import { fieldMessage } from '../../../miniprogram/packages/insurance/labels';
import { makeId } from '../validate/fixtures';

const plans: InsurancePlan[] = loadSeed(Date.parse('2026-11-22T09:00:00Z')).plans;
const basic = plans[0]!;
const NOW = Date.parse('2026-11-22T09:00:00Z');

function quotedDraft(): InsuranceDraft {
  const draft = withQuoteInputs(newDraft('basic'), {
    startDate: '2026-12-01',
    endDate: '2026-12-05',
    birthDates: ['1985-03-02', '2016-05-20'],
  });
  return withQuote(draft, {
    id: 'q1',
    planId: 'basic',
    startDate: '2026-12-01',
    endDate: '2026-12-05',
    tripDays: 5,
    premium: { amount: 7000, currency: 'CNY' },
    perTraveller: [
      { birthDate: '1985-03-02', ageBand: 'adult', premium: { amount: 4000, currency: 'CNY' } },
      { birthDate: '2016-05-20', ageBand: 'child', premium: { amount: 3000, currency: 'CNY' } },
    ],
    expiresAt: '2026-11-22T09:30:00Z',
  });
}

const ctx = (over: Partial<TravellersContext> = {}): TravellersContext => ({
  plan: basic,
  today: '2026-11-22',
  now: NOW,
  touched: {},
  showAll: false,
  serverErrors: {},
  ...over,
});

beforeEach(() => setLang('zh-CN'));

test('plans: one column per plan, one row per coverage and term, in both languages', () => {
  const view = buildPlansView(plans);
  expect(view.columns.map((c) => c.id)).toEqual(['basic', 'standard', 'premium']);
  expect(view.rows.map((r) => r.key)).toEqual([
    'price',
    'medical',
    'evacuation',
    'cancellation',
    'baggage',
    'delay',
    'excess',
    'ages',
    'maxTrip',
    'terms',
  ]);
  expect(view.rows[0]!.cells.map((c) => c.text)).toEqual(['¥6.00 起', '¥10.00 起', '¥18.00 起']);
  setLang('en');
  expect(buildPlansView(plans).rows[1]).toEqual({
    key: 'medical',
    label: 'Medical costs',
    cells: [
      { id: 'basic', text: '¥300,000.00' },
      { id: 'standard', text: '¥600,000.00' },
      { id: 'premium', text: '¥1,000,000.00' },
    ],
  });
});

test('plans: a coverage a plan lacks shows a dash', () => {
  const partial = { ...basic, coverage: basic.coverage.filter((c) => c.key !== 'delay') };
  expect(buildPlansView([partial]).rows.find((r) => r.key === 'delay')!.cells).toEqual([
    { id: 'basic', text: '—' },
  ]);
});

test('the draft card shows only an application with a quote, and nothing personal', () => {
  expect(buildDraftCard(undefined, plans)).toBeNull();
  expect(buildDraftCard(newDraft('basic'), plans)).toBeNull();
  const draft = withTravellerField(quotedDraft(), 0, 'documentNumber', 'E12345678');
  expect(buildDraftCard(draft, plans)).toEqual({
    summary: '境外旅行险·基础型（示例） · 2026-12-01 至 2026-12-05 · 2 人',
  });
});

test('a quote is held for whole minutes and then says it expired', () => {
  const quote = quotedDraft().quote!;
  expect(buildQuoteResult(quote, NOW).held).toBe('报价保留 30 分钟');
  expect(buildQuoteResult(quote, NOW + 29.5 * 60000).held).toBe('报价保留 1 分钟');
  expect(buildQuoteResult(quote, NOW + 30 * 60000)).toMatchObject({
    held: '报价已过期，请重新报价',
    expired: true,
  });
});

test('quote view: the end date picker is bounded by the plan, empty fields are quiet until a quote is asked', () => {
  const draft = withQuoteInputs(newDraft('basic'), { startDate: '2026-12-01' });
  const quiet = buildQuoteView(draft, {
    plan: basic,
    today: '2026-11-22',
    place: '奥克兰',
    now: NOW,
    showAll: false,
    serverErrors: {},
  });
  expect([quiet.endMin, quiet.endMax]).toEqual(['2026-12-01', '2026-12-30']);
  expect([quiet.endError, quiet.travellers[0]!.error]).toEqual(['', '']);
  const loud = buildQuoteView(draft, {
    plan: basic,
    today: '2026-11-22',
    place: '奥克兰',
    now: NOW,
    showAll: true,
    serverErrors: { startDate: 'server' },
  });
  expect([loud.startError, loud.endError]).toEqual(['保险公司未接受此项，请核对', '请填写此项']);
});

describe('travellers view', () => {
  test('a message shows once its field is touched, and the birth date speaks up once the ID is typed', () => {
    let draft = withTravellerField(quotedDraft(), 0, 'documentType', 'prc_id');
    draft = withTravellerField(draft, 0, 'documentNumber', makeId('110101', '19850303', '123'));
    expect(buildTravellersView(draft, ctx()).travellers[0]!.errors).toEqual({
      nameZh: '',
      namePinyin: '',
      documentType: '',
      passportIssuer: '',
      documentNumber: '',
      birthDate: '',
      sex: '',
    });
    const touched = buildTravellersView(draft, ctx({ touched: { 'travellers[0].documentNumber': true } }));
    expect(touched.travellers[0]!.errors.birthDate).toBe('出生日期与身份证号中的不一致');
    expect(touched.travellers[0]!.errors.nameZh).toBe('');
    expect(touched.travellers[0]!.sexFromId).toBe('男（据身份证）');
    const all = buildTravellersView(draft, ctx({ showAll: true }));
    expect(all.travellers[0]!.errors.nameZh).toBe('请填写此项');
    expect(all.holder.errors).toEqual({ name: '请填写此项', mobile: '请填写此项', email: '请填写此项' });
  });

  test('each document type shows its own fields and keyboard', () => {
    const base = quotedDraft();
    const id = buildTravellersView(withTravellerField(base, 0, 'documentType', 'prc_id'), ctx())
      .travellers[0]!;
    expect([id.isPassport, id.showSex, id.numberInputType, id.nameZhOptional]).toEqual([
      false,
      false,
      'idcard',
      false,
    ]);
    let passport = withTravellerField(base, 0, 'documentType', 'passport');
    passport = withTravellerField(passport, 0, 'passportIssuer', 'other');
    const p = buildTravellersView(passport, ctx()).travellers[0]!;
    expect([p.isPassport, p.showSex, p.numberInputType, p.nameZhOptional]).toEqual([
      true,
      true,
      'text',
      true,
    ]);
    expect(p.docTypes.filter((o) => o.selected).map((o) => o.label)).toEqual(['护照']);
    expect(p.title).toBe('被保险人 1 · 成人');
  });

  test('a field the server refused says so until it is edited', () => {
    const view = buildTravellersView(
      quotedDraft(),
      ctx({ serverErrors: { 'travellers[1].documentNumber': 'quote_mismatch' } }),
    );
    expect(view.travellers[1]!.errors.documentNumber).toBe('保险公司未接受此项，请核对');
    expect(fieldMessage('email.format')).toBe('邮箱格式不正确，例如 name@example.com');
  });

  test('terms: accepted for the current version only', () => {
    const draft = quotedDraft();
    expect(buildTermsView(draft, { plan: basic, showAll: false })).toEqual({
      accepted: false,
      text: '阅读并同意保险条款',
      error: '',
    });
    expect(buildTermsView(draft, { plan: basic, showAll: true }).error).toBe('请先阅读并同意保险条款');
    expect(
      buildTermsView({ ...draft, acceptedTermsVersion: basic.termsVersion }, { plan: basic, showAll: true }),
    ).toEqual({ accepted: true, text: '已阅读并同意（版本 2026.11-basic）', error: '' });
    expect(
      buildTermsView({ ...draft, acceptedTermsVersion: '2025.01-basic' }, { plan: basic, showAll: false })
        .error,
    ).toBe('保险条款已更新，请重新阅读并同意');
  });

  test('the pay button names the premium and the summary the cover', () => {
    const view = buildTravellersView(quotedDraft(), ctx());
    expect(view.payLabel).toBe('支付 ¥70.00');
    expect(view.cover).toBe('2026-12-01 至 2026-12-05');
  });
});

describe('policy view', () => {
  const policy: Policy = {
    id: 'pol_1',
    policyNumber: 'WFPABCDEFGHJKL',
    orderId: 'ord_1',
    planId: 'basic',
    planName: basic.name,
    status: 'active',
    startDate: '2026-12-01',
    endDate: '2026-12-05',
    timeZone: 'Pacific/Auckland',
    insured: [
      {
        nameZh: '张伟',
        namePinyin: 'ZHANG WEI',
        documentType: 'prc_id',
        documentNumberMasked: '110101********1234',
        birthDate: '1985-03-02',
        sex: 'M',
        ageBand: 'adult',
        premium: { amount: 4000, currency: 'CNY' },
      },
    ],
    holder: { name: '张伟', mobile: '+8613800138000', email: 'zhang.wei@example.com' },
    coverage: basic.coverage,
    excess: basic.excess,
    premium: { amount: 4000, currency: 'CNY' },
    termsVersion: basic.termsVersion,
    issuedAt: '2026-11-22T09:01:00Z',
    cancellable: true,
    documentUrl: 'http://127.0.0.1:3000/v1/policies/pol_1/document',
  };

  test('"active" reads as not started until the start date at the destination', () => {
    expect(displayStatus(policy, Date.parse('2026-11-30T10:59:00Z'))).toBe('upcoming');
    // 11:00 UTC on 30 November is midnight on 1 December in Auckland (NZDT).
    expect(displayStatus(policy, Date.parse('2026-11-30T11:00:00Z'))).toBe('active');
    expect(displayStatus({ ...policy, status: 'cancelled' }, NOW)).toBe('cancelled');
  });

  test('personal data is masked; names stay for the policyholder to check', () => {
    const view = buildPolicyDetail(policy, NOW);
    expect(view.insuredPeople).toEqual([
      {
        index: 0,
        name: '张伟 ZHANG WEI',
        document: '居民身份证 110101********1234',
        birth: '1985-**-**',
        band: '成人',
        premium: '¥40.00',
      },
    ]);
    expect(view.holder).toEqual({ name: '张伟', mobile: '+86 138****8000', email: 'z***@example.com' });
    expect(JSON.stringify(view)).not.toContain('13800138000');
    expect(view.cancelNote).toBe('出发日（2026-12-01）前可退保');
    expect(buildPolicyDetail({ ...policy, cancellable: false }, NOW).cancelNote).toBe('');
  });
});
