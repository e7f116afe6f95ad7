import {
  fingerprint,
  newDraft,
  policyRequest,
  quoteMatches,
  validateApplication,
  validateQuoteInputs,
  withBirthDate,
  withHolderField,
  withPurchaseKey,
  withPurchaseOrder,
  draftAfterOrder,
  withQuote,
  withQuoteInputs,
  withTravellerAdded,
  withTravellerField,
  withTravellerRemoved,
  type InsuranceDraft,
  type Quote,
} from '../../../miniprogram/packages/insurance/domain/insurance-draft';
import { makeId } from '../validate/fixtures';

const TODAY = '2026-11-22';
const PLAN = { minAge: 0, maxAge: 75, maxTripDays: 30 };
const ID = makeId('110101', '19850302', '123');

function quoteFor(draft: InsuranceDraft, id = 'q1'): Quote {
  return {
    id,
    planId: draft.planId,
    startDate: draft.startDate,
    endDate: draft.endDate,
    tripDays: 7,
    premium: { amount: 26600, currency: 'CNY' },
    perTraveller: draft.birthDates.map((birthDate, i) => ({
      birthDate,
      ageBand: i === 2 ? 'child' : 'adult',
      premium: { amount: i === 2 ? 7000 : 9800, currency: 'CNY' },
    })),
    expiresAt: '2026-11-22T09:30:00Z',
  };
}

function quoted(): InsuranceDraft {
  let draft = withQuoteInputs(newDraft('standard'), { startDate: '2026-12-10', endDate: '2026-12-16' });
  draft = withTravellerAdded(withTravellerAdded(draft));
  draft = withBirthDate(
    withBirthDate(withBirthDate(draft, 0, '1985-03-02'), 1, '1987-07-15'),
    2,
    '2016-05-20',
  );
  return withQuote(draft, quoteFor(draft));
}

function filled(): InsuranceDraft {
  const fields: Array<[number, Parameters<typeof withTravellerField>[2], string]> = [
    [0, 'documentType', 'prc_id'],
    [0, 'nameZh', '张伟'],
    [0, 'namePinyin', 'ZHANG WEI'],
    [0, 'documentNumber', ID.toLowerCase()],
    [1, 'documentType', 'passport'],
    [1, 'passportIssuer', 'CHN'],
    [1, 'nameZh', '李娜'],
    [1, 'namePinyin', 'LI NA'],
    [1, 'documentNumber', 'E12345678'],
    [1, 'sex', 'F'],
    [2, 'documentType', 'passport'],
    [2, 'passportIssuer', 'other'],
    [2, 'namePinyin', 'ZHANG XIAOMING'],
    [2, 'documentNumber', 'LA123456'],
  ];
  let draft = fields.reduce((d, [i, field, value]) => withTravellerField(d, i, field, value), quoted());
  draft = withHolderField(draft, 'name', '张伟');
  draft = withHolderField(draft, 'mobile', '138 0013 8000');
  return withHolderField(draft, 'email', 'zhang.wei@example.com');
}

describe('quote inputs', () => {
  test('a quote lines the traveller forms up with its travellers', () => {
    const draft = quoted();
    expect(draft.travellers.map((t) => t.birthDate)).toEqual(['1985-03-02', '1987-07-15', '2016-05-20']);
    expect(draft.travellers[0]).toEqual({
      nameZh: '',
      namePinyin: '',
      documentType: '',
      passportIssuer: '',
      documentNumber: '',
      birthDate: '1985-03-02',
      sex: '',
    });
    expect(quoteMatches(draft, draft.quote!)).toBe(true);
  });

  test('changing a date or a birth date drops the quote but keeps what was typed', () => {
    const draft = filled();
    const moved = withQuoteInputs(draft, { endDate: '2026-12-17' });
    expect(moved.quote).toBeUndefined();
    expect(moved.travellers).toEqual(draft.travellers);
    expect(withBirthDate(draft, 1, '1987-07-16').quote).toBeUndefined();
    expect(withQuoteInputs(draft, { endDate: draft.endDate }).quote).toBe(draft.quote);
    const requoted = withQuote(moved, quoteFor(moved, 'q2'));
    expect(requoted.travellers.map((t) => t.documentNumber)).toEqual([
      ID.toLowerCase(),
      'E12345678',
      'LA123456',
    ]);
  });

  test('another plan drops the quote and the accepted terms', () => {
    const draft = { ...filled(), acceptedTermsVersion: '2026.11-standard' };
    const other = withQuoteInputs(draft, { planId: 'premium' });
    expect(other.quote).toBeUndefined();
    expect(other.acceptedTermsVersion).toBeUndefined();
    expect(withQuoteInputs(draft, { planId: 'standard' }).acceptedTermsVersion).toBe('2026.11-standard');
  });

  test('removing a traveller removes their form too; at least one and at most nine remain', () => {
    const draft = withTravellerRemoved(filled(), 1);
    expect(draft.birthDates).toEqual(['1985-03-02', '2016-05-20']);
    expect(draft.travellers.map((t) => t.namePinyin)).toEqual(['ZHANG WEI', 'ZHANG XIAOMING']);
    expect(withTravellerRemoved(newDraft('basic'), 0).birthDates).toEqual(['']);
    let many = newDraft('basic');
    for (let i = 0; i < 12; i++) many = withTravellerAdded(many);
    expect(many.birthDates).toHaveLength(9);
  });

  test('errors name the request paths: trip rules, then each birth date against the start date', () => {
    const empty = newDraft('premium');
    expect(validateQuoteInputs(empty, { today: TODAY, plan: PLAN })).toEqual([
      { field: 'startDate', code: 'required' },
      { field: 'endDate', code: 'required' },
      { field: 'travellers[0].birthDate', code: 'required' },
    ]);
    const draft = withQuoteInputs(newDraft('premium'), {
      startDate: '2026-11-21',
      endDate: '2026-11-20',
      birthDates: ['1950-01-01', '2026-12-01'],
    });
    expect(validateQuoteInputs(draft, { today: TODAY, plan: PLAN })).toEqual([
      { field: 'startDate', code: 'date.past' },
      { field: 'endDate', code: 'trip.end_before_start' },
      { field: 'travellers[1].birthDate', code: 'date.future' },
    ]);
    const long = withQuoteInputs(draft, { startDate: TODAY, endDate: '2026-12-22' });
    expect(validateQuoteInputs(long, { today: TODAY, plan: PLAN })).toEqual([
      { field: 'endDate', code: 'trip.too_long' },
      { field: 'travellers[1].birthDate', code: 'date.future' },
    ]);
    // Ages on the start date: 76 on 2026-12-10 is too old for a plan up to 75; the day before, 75 is fine.
    const old = withQuoteInputs(draft, {
      startDate: '2026-12-10',
      endDate: '2026-12-20',
      birthDates: ['1950-12-10'],
    });
    expect(validateQuoteInputs(old, { today: TODAY, plan: PLAN })).toEqual([
      { field: 'travellers[0].birthDate', code: 'age.too_old' },
    ]);
    const at75 = withQuoteInputs(old, { startDate: '2026-12-09' });
    expect(validateQuoteInputs(at75, { today: TODAY, plan: PLAN })).toEqual([]);
  });
});

describe('the application', () => {
  const ctx = { today: TODAY, tripStart: '2026-12-10', plan: PLAN };

  test('every traveller and the holder by the shared rules, at the API paths', () => {
    const draft = withHolderField(
      withTravellerField(withTravellerField(quoted(), 0, 'documentType', 'prc_id'), 0, 'documentNumber', ID),
      'mobile',
      '12345',
    );
    const result = validateApplication(draft, ctx);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors).toEqual([
      { field: 'travellers[0].nameZh', code: 'required' },
      { field: 'travellers[0].namePinyin', code: 'required' },
      { field: 'travellers[1].namePinyin', code: 'required' },
      { field: 'travellers[1].documentType', code: 'required' },
      { field: 'travellers[2].namePinyin', code: 'required' },
      { field: 'travellers[2].documentType', code: 'required' },
      { field: 'holder.name', code: 'required' },
      { field: 'holder.mobile', code: 'mobile.format' },
      { field: 'holder.email', code: 'required' },
    ]);
  });

  test('an ID card whose birth date is not the quoted one is named on the birth date', () => {
    const other = makeId('110101', '19850303', '123');
    const draft = withTravellerField(filled(), 0, 'documentNumber', other);
    const result = validateApplication(draft, ctx);
    expect(!result.ok && result.errors).toEqual([
      { field: 'travellers[0].birthDate', code: 'id.birth_mismatch' },
    ]);
  });

  test('a valid application is sent normalized; an ID card carries the sex, so none is sent for it', () => {
    const result = validateApplication(filled(), ctx);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(policyRequest('q1', result.value, '2026.11-standard')).toEqual({
      quoteId: 'q1',
      travellers: [
        {
          nameZh: '张伟',
          namePinyin: 'ZHANG WEI',
          documentType: 'prc_id',
          documentNumber: ID,
          birthDate: '1985-03-02',
        },
        {
          nameZh: '李娜',
          namePinyin: 'LI NA',
          documentType: 'passport',
          passportIssuer: 'CHN',
          documentNumber: 'E12345678',
          birthDate: '1987-07-15',
          sex: 'F',
        },
        {
          namePinyin: 'ZHANG XIAOMING',
          documentType: 'passport',
          passportIssuer: 'other',
          documentNumber: 'LA123456',
          birthDate: '2016-05-20',
        },
      ],
      holder: { name: '张伟', mobile: '+8613800138000', email: 'zhang.wei@example.com' },
      acceptedTermsVersion: '2026.11-standard',
    });
  });

  test('switching the document type clears the fields the new one does not have', () => {
    let draft = withTravellerField(quoted(), 0, 'documentType', 'passport');
    draft = withTravellerField(withTravellerField(draft, 0, 'passportIssuer', 'other'), 0, 'sex', 'F');
    const toId = withTravellerField(draft, 0, 'documentType', 'prc_id').travellers[0]!;
    expect([toId.passportIssuer, toId.sex]).toEqual(['', '']);
    const toPermit = withTravellerField(draft, 0, 'documentType', 'hk_macao_permit').travellers[0]!;
    expect([toPermit.passportIssuer, toPermit.sex]).toEqual(['', 'F']);
  });
});

describe('the purchase key', () => {
  test('one key per body: kept for the same body, new for a changed one', () => {
    const result = validateApplication(filled(), { today: TODAY, tripStart: '2026-12-10', plan: PLAN });
    if (!result.ok) throw new Error('invalid');
    const body = policyRequest('q1', result.value, 'v1');
    let n = 0;
    const newKey = () => `key-${++n}`;
    const first = withPurchaseKey(filled(), body, newKey);
    expect(first.purchase.key).toBe('key-1');
    expect(withPurchaseKey(first, { ...body }, newKey).purchase.key).toBe('key-1');
    expect(withPurchaseKey(first, { ...body, acceptedTermsVersion: 'v2' }, newKey).purchase.key).toBe(
      'key-2',
    );
  });

  test('the fingerprint is a short digest, never the body', () => {
    const body = { documentNumber: ID };
    expect(fingerprint(body)).toBe(fingerprint({ documentNumber: ID }));
    expect(fingerprint(body)).not.toBe(fingerprint({ documentNumber: ID.slice(0, 17) + '0' }));
    expect(fingerprint(body)).toMatch(/^[0-9a-z]{1,7}$/);
  });
});

test('after its order: kept while unpaid, a new intent once that order is gone, finished once paid', () => {
  const keyed = withPurchaseKey(filled(), { quoteId: 'q1' } as never, () => 'key-1');
  const ordered = withPurchaseOrder(keyed, 'ord_1');
  expect(ordered.purchase).toEqual({
    key: 'key-1',
    fingerprint: keyed.purchase.fingerprint,
    orderId: 'ord_1',
  });
  expect(withPurchaseOrder(filled(), 'ord_1').purchase).toBeUndefined();
  expect(draftAfterOrder(ordered, 'PENDING_PAYMENT')).toBe(ordered);
  for (const gone of ['CANCELLED', 'EXPIRED'] as const) {
    const next = draftAfterOrder(ordered, gone);
    expect(next?.purchase).toBeUndefined();
    expect(next?.travellers).toEqual(ordered.travellers);
  }
  for (const bought of ['PAID', 'FULFILLED', 'REFUNDING', 'REFUNDED'] as const) {
    expect(draftAfterOrder(ordered, bought)).toBeUndefined();
  }
});
