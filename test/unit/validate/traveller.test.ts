import {
  prefixErrors,
  validateTraveller,
  type FieldError,
  type TravellerContext,
  type TravellerInput,
} from '../../../miniprogram/domain/validate';
import { TODAY, makeId, withWrongCheck } from './fixtures';

const ctx: TravellerContext = { today: TODAY, tripStart: '2025-07-01', minAge: 0, maxAge: 70 };

const ID_1990_M = makeId('110105', '19900315', '123');

const withId: TravellerInput = {
  nameZh: '张三',
  namePinyin: 'ZHANG SAN',
  documentType: 'prc_id',
  documentNumber: ID_1990_M,
  birthDate: '1990-03-15',
  sex: 'M',
};
const withPrcPassport: TravellerInput = {
  nameZh: '李四',
  namePinyin: 'LI SI',
  documentType: 'passport',
  passportIssuer: 'CHN',
  documentNumber: 'E12345678',
  birthDate: '1988-01-01',
  sex: 'F',
};
const withForeignPassport: TravellerInput = {
  namePinyin: 'SMITH JANE',
  documentType: 'passport',
  passportIssuer: 'other',
  documentNumber: 'LA1234567',
  birthDate: '1985-05-05',
};
const withPermit: TravellerInput = {
  nameZh: '王小明',
  namePinyin: 'WANG XIAOMING',
  documentType: 'hk_macao_permit',
  documentNumber: 'C12345678',
  birthDate: '2015-08-08',
};

const err = (field: string, code: FieldError['code']): FieldError => ({ field, code });

describe('validateTraveller rejects', () => {
  test.each<[string, TravellerInput, Partial<TravellerContext>, FieldError[]]>([
    [
      'birth date not matching the ID',
      { ...withId, birthDate: '1990-03-16' },
      {},
      [err('birthDate', 'id.birth_mismatch')],
    ],
    [
      'birth year not matching the ID',
      { ...withId, birthDate: '1991-03-15' },
      {},
      [err('birthDate', 'id.birth_mismatch')],
    ],
    ['sex not matching the ID', { ...withId, sex: 'F' }, {}, [err('sex', 'id.sex_mismatch')]],
    [
      'male stated for a female ID',
      { ...withId, documentNumber: makeId('110105', '19900315', '124'), sex: 'M' },
      {},
      [err('sex', 'id.sex_mismatch')],
    ],
    [
      'wrong ID check digit',
      { ...withId, documentNumber: withWrongCheck(ID_1990_M) },
      {},
      [err('documentNumber', 'id.checksum')],
    ],
    [
      'an ID with an impossible date (19990230)',
      { ...withId, documentNumber: makeId('110105', '19990230', '123'), birthDate: '1999-02-28' },
      {},
      [err('documentNumber', 'id.birthdate')],
    ],
    [
      'too old for the plan (ID and birth date agree)',
      { ...withId, documentNumber: makeId('110105', '19540701', '123'), birthDate: '1954-07-01' },
      {},
      [err('birthDate', 'age.too_old')],
    ],
    ['too young for the plan', withPermit, { minAge: 18 }, [err('birthDate', 'age.too_young')]],
    ['no Chinese name with an ID card', { ...withId, nameZh: '' }, {}, [err('nameZh', 'required')]],
    [
      'no Chinese name with a PRC passport',
      { ...withPrcPassport, nameZh: undefined },
      {},
      [err('nameZh', 'required')],
    ],
    ['no Chinese name with a permit', { ...withPermit, nameZh: '   ' }, {}, [err('nameZh', 'required')]],
    [
      'Latin in the optional Chinese name',
      { ...withForeignPassport, nameZh: 'Jane' },
      {},
      [err('nameZh', 'name.zh')],
    ],
    ['lowercase pinyin', { ...withId, namePinyin: 'zhang san' }, {}, [err('namePinyin', 'lowercase')]],
    [
      'pinyin with tone marks',
      { ...withId, namePinyin: 'ZH\u0100NG SAN' },
      {},
      [err('namePinyin', 'name.pinyin')],
    ],
    [
      'unknown document type',
      { ...withId, documentType: 'driver_licence' },
      {},
      [err('documentType', 'choice')],
    ],
    ['no document type', { ...withId, documentType: undefined }, {}, [err('documentType', 'required')]],
    [
      'no passport issuer',
      { ...withPrcPassport, passportIssuer: undefined },
      {},
      [err('passportIssuer', 'required')],
    ],
    [
      'unknown passport issuer',
      { ...withPrcPassport, passportIssuer: 'USA' },
      {},
      [err('passportIssuer', 'choice')],
    ],
    [
      'foreign number on a PRC passport',
      { ...withPrcPassport, documentNumber: 'LA1234567' },
      {},
      [err('documentNumber', 'passport.cn')],
    ],
    [
      'passport number on a permit',
      { ...withPermit, documentNumber: 'E12345678' },
      {},
      [err('documentNumber', 'permit.format')],
    ],
    [
      'ID number with a space',
      { ...withId, documentNumber: `110105 ${ID_1990_M.slice(6)}` },
      {},
      [err('documentNumber', 'whitespace')],
    ],
    ['unknown sex', { ...withPermit, sex: 'X' }, {}, [err('sex', 'choice')]],
    [
      'birth date in the future',
      { ...withForeignPassport, birthDate: '2025-06-16' },
      {},
      [err('birthDate', 'date.future')],
    ],
    [
      'impossible birth date',
      { ...withForeignPassport, birthDate: '1990-02-30' },
      {},
      [err('birthDate', 'date.invalid')],
    ],
    [
      'nothing filled in',
      {},
      {},
      [err('namePinyin', 'required'), err('documentType', 'required'), err('birthDate', 'required')],
    ],
    [
      'several problems, in form order',
      {
        ...withId,
        nameZh: '张 三',
        namePinyin: 'Zhang San',
        documentNumber: '',
        birthDate: '1990-3-15',
        sex: 'F',
      },
      {},
      [
        err('nameZh', 'whitespace'),
        err('namePinyin', 'lowercase'),
        err('documentNumber', 'required'),
        err('birthDate', 'date.format'),
      ],
    ],
  ])('%s', (_what, input, ctxChange, errors) => {
    expect(validateTraveller(input, { ...ctx, ...ctxChange })).toEqual({ ok: false, errors });
  });
});

describe('validateTraveller accepts', () => {
  test('a PRC ID card holder', () => {
    expect(validateTraveller(withId, ctx)).toEqual({ ok: true, value: withId });
  });

  test('sex taken from the ID when not stated; lowercase x upper-cased', () => {
    const id = makeId('110105', '19491231', '002');
    const result = validateTraveller(
      { ...withId, documentNumber: id.toLowerCase(), birthDate: '1949-12-31', sex: undefined },
      { ...ctx, maxAge: 80 },
    );
    expect(result).toEqual({
      ok: true,
      value: { ...withId, documentNumber: id, birthDate: '1949-12-31', sex: 'F' },
    });
  });

  test('a 29 February birthday in the ID', () => {
    const input = {
      ...withId,
      documentNumber: makeId('440305', '20000229', '042'),
      birthDate: '2000-02-29',
      sex: 'F',
    };
    expect(validateTraveller(input, ctx)).toEqual({ ok: true, value: input });
  });

  test('exactly the maximum age on the first day of cover', () => {
    const input = { ...withId, documentNumber: makeId('110105', '19550701', '123'), birthDate: '1955-07-01' };
    expect(validateTraveller(input, ctx)).toEqual({ ok: true, value: input });
  });

  test('exactly the minimum age on the first day of cover', () => {
    expect(validateTraveller(withPermit, { ...ctx, minAge: 9 })).toEqual({ ok: true, value: withPermit });
  });

  test('a PRC passport', () => {
    expect(validateTraveller(withPrcPassport, ctx)).toEqual({ ok: true, value: withPrcPassport });
  });

  test('a foreign passport without a Chinese name', () => {
    expect(validateTraveller(withForeignPassport, ctx)).toEqual({ ok: true, value: withForeignPassport });
  });

  test('values are normalized; a passport issuer on another document is dropped', () => {
    const result = validateTraveller(
      { ...withPermit, nameZh: ' 王小明 ', namePinyin: 'WANG XIAOMING ', passportIssuer: 'CHN', sex: 'M' },
      ctx,
    );
    expect(result).toEqual({ ok: true, value: { ...withPermit, sex: 'M' } });
  });
});

test('prefixErrors nests paths for request bodies', () => {
  expect(prefixErrors([err('birthDate', 'date.future')], 'travellers[1]')).toEqual([
    err('travellers[1].birthDate', 'date.future'),
  ]);
});
