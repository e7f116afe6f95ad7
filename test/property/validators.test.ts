// Every shared validator (miniprogram/domain/validate) against hostile input, by property: valid values pass and
// stay as they are; one planted control, bidi, zero-width, full-width, emoji or private-use character is refused
// with its code wherever it sits; nothing ever throws; ages and trips are right at their limits, leap days and
// daylight-saving edges included (checked against independent arithmetic).
import fc from 'fast-check';
import {
  VALIDATION_CODES,
  ageOn,
  charProblem,
  validateAge,
  validateBirthDate,
  validateChineseName,
  validateContact,
  validateContactName,
  validateEmail,
  validateHkMacaoPermit,
  validateLocalDate,
  validateMobile,
  validatePassport,
  validatePinyinName,
  validatePrcId,
  validateTicketContact,
  validateTraveller,
  validateTrip,
  type FieldResult,
} from '../../miniprogram/domain/validate';
import {
  DST_EDGES,
  birthDate,
  chineseName,
  contactName,
  email,
  hostileString,
  mobile,
  otherPassport,
  permit,
  pinyinName,
  planted,
  prcId,
  prcIdFor,
  prcPassport,
} from './hostile-text';

const TODAY = '2026-11-22';
const opts = (seed: number) => ({ numRuns: 150, seed });

interface TextField {
  name: string;
  validate: (value: unknown) => FieldResult<string>;
  valid: fc.Arbitrary<string>;
  /** What the validator makes of a valid value (trimmed, upper-cased check character, E.164). */
  normal?: (value: string) => string;
}

const TEXT_FIELDS: TextField[] = [
  { name: 'validateChineseName', validate: validateChineseName, valid: chineseName },
  { name: 'validatePinyinName', validate: validatePinyinName, valid: pinyinName },
  { name: 'validateContactName', validate: validateContactName, valid: contactName },
  {
    name: 'validateMobile',
    validate: validateMobile,
    valid: mobile.map((m) => m.typed),
    normal: (typed) => {
      const digits = typed.replace(/[^\d]/g, '');
      return typed.startsWith('+') ? `+${digits}` : `+86${digits}`;
    },
  },
  { name: 'validateEmail', validate: validateEmail, valid: email },
  {
    name: 'validatePrcId',
    validate: (v) => validatePrcId(v, { today: TODAY }),
    valid: prcId.map((id) => id.replace(/X$/, 'x')),
    normal: (id) => id.toUpperCase(),
  },
  {
    name: 'validatePassport (CHN)',
    validate: (v) => validatePassport(v, { issuer: 'CHN' }),
    valid: prcPassport,
  },
  {
    name: 'validatePassport (other)',
    validate: (v) => validatePassport(v, { issuer: 'other' }),
    valid: otherPassport,
  },
  { name: 'validateHkMacaoPermit', validate: validateHkMacaoPermit, valid: permit },
];

describe.each(TEXT_FIELDS.map((f) => [f.name, f] as const))('%s', (_name, field) => {
  const normal = field.normal ?? ((v: string) => v);

  test('accepts valid values, keeps them as typed (or in their normal form), and accepts that form again', () => {
    fc.assert(
      fc.property(field.valid, (value) => {
        const result = field.validate(value);
        expect(result).toEqual({ ok: true, value: normal(value) });
        expect(field.validate(normal(value))).toEqual(result);
        expect(charProblem(normal(value))).toBeUndefined();
      }),
      opts(1),
    );
  });

  test('outer spaces are trimmed, nothing else is repaired', () => {
    fc.assert(
      fc.property(field.valid, fc.nat(3), fc.nat(3), (value, before, after) => {
        expect(field.validate(' '.repeat(before) + value + ' '.repeat(after))).toEqual(field.validate(value));
      }),
      opts(2),
    );
  });

  test('one planted control, bidi, zero-width, full-width, emoji or private-use character is refused with its code', () => {
    fc.assert(
      fc.property(planted(field.valid), ({ value, code }) => {
        expect(field.validate(value)).toEqual({ ok: false, code });
      }),
      opts(3),
    );
  });

  test('any input at all: a known code or a clean value, never a throw', () => {
    fc.assert(
      fc.property(fc.oneof(hostileString, fc.anything()), (input) => {
        const result = field.validate(input);
        if (result.ok) expect(charProblem(result.value)).toBeUndefined();
        else expect(VALIDATION_CODES).toContain(result.code);
      }),
      opts(4),
    );
  });
});

describe('dates', () => {
  const utcDays = (date: string) =>
    Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / 864e5;
  const anyDate = fc.oneof(
    fc.constantFrom(...DST_EDGES),
    fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2099-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => d.toISOString().slice(0, 10)),
  );

  test('a LocalDate is a real YYYY-MM-DD date, untrimmed; anything else is refused by code, never thrown', () => {
    fc.assert(
      fc.property(anyDate, (date) => expect(validateLocalDate(date)).toEqual({ ok: true, value: date })),
      opts(5),
    );
    fc.assert(
      fc.property(planted(anyDate), ({ value }) =>
        expect(validateLocalDate(value)).toEqual({ ok: false, code: 'date.format' }),
      ),
      opts(6),
    );
    for (const bad of ['2027-02-29', '2026-13-01', '2026-04-31', '1899-12-31', '0000-01-01'])
      expect(validateLocalDate(bad)).toEqual({ ok: false, code: 'date.invalid' });
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateLocalDate(input);
        if (!result.ok) expect(VALIDATION_CODES).toContain(result.code);
      }),
      opts(7),
    );
  });

  test('trips count days on the calendar, across daylight-saving changes, at their limits', () => {
    fc.assert(
      fc.property(
        anyDate,
        anyDate,
        fc.constantFrom(DST_EDGES[0]!, TODAY, '2027-04-04'),
        fc.integer({ min: 1, max: 40 }),
        (start, end, today, maxDays) => {
          const days = utcDays(end) - utcDays(start) + 1;
          const result = validateTrip({ startDate: start, endDate: end }, { today, maxDays });
          const expected: Array<{ field: string; code: string }> = [];
          if (start < today) expected.push({ field: 'startDate', code: 'date.past' });
          if (days < 1) expected.push({ field: 'endDate', code: 'trip.end_before_start' });
          else if (days > maxDays) expected.push({ field: 'endDate', code: 'trip.too_long' });
          expect(result).toEqual(
            expected.length
              ? { ok: false, errors: expected }
              : { ok: true, value: { startDate: start, endDate: end, days } },
          );
        },
      ),
      opts(8),
    );
  });

  test('ages are full years on the start date (29 February birthdays pass on 1 March), inclusive at both limits', () => {
    const leapBirth = fc.constantFrom('2000-02-29', '2004-02-29', '1988-02-29');
    const shift = (date: string, years: number) => `${+date.slice(0, 4) + years}${date.slice(4)}`;
    // Random days, the birthday itself, the day before it, and 28 February / 1 March for leap-day births.
    const pair = fc.oneof(
      fc.tuple(fc.oneof(birthDate, leapBirth), anyDate),
      fc.tuple(birthDate, fc.integer({ min: 0, max: 90 })).map(([b, y]) => [b, shift(b, y)] as const),
      fc.tuple(birthDate, fc.integer({ min: 1, max: 90 })).map(([b, y]) => {
        const d = new Date(`${shift(b, y)}T00:00:00Z`);
        d.setUTCDate(d.getUTCDate() - 1);
        return [b, d.toISOString().slice(0, 10)] as const;
      }),
      fc
        .tuple(leapBirth, fc.integer({ min: 1, max: 60 }), fc.constantFrom('-02-28', '-03-01'))
        .map(([b, y, md]) => [b, `${+b.slice(0, 4) + y}${md}`] as const),
    );
    fc.assert(
      fc.property(pair, ([birth, on]) => {
        fc.pre(birth <= on);
        const age = +on.slice(0, 4) - +birth.slice(0, 4) - (on.slice(5) < birth.slice(5) ? 1 : 0);
        expect(ageOn(birth, on)).toBe(age);
        expect(validateAge(birth, on, age, age)).toEqual({ ok: true, value: age });
        expect(validateAge(birth, on, age + 1, 120)).toEqual({ ok: false, code: 'age.too_young' });
        if (age > 0) expect(validateAge(birth, on, 0, age - 1)).toEqual({ ok: false, code: 'age.too_old' });
      }),
      opts(9),
    );
  });

  test('a birth date after today is refused', () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        expect(validateBirthDate(date, TODAY).ok).toBe(date <= TODAY);
      }),
      opts(10),
    );
  });
});

describe('objects: one hostile field is the one named', () => {
  const contactArb = fc.record({ name: contactName, mobile: mobile.map((m) => m.typed), email });

  test('order contact and policyholder', () => {
    fc.assert(
      fc.property(
        contactArb,
        fc.constantFrom('name', 'mobile', 'email') as fc.Arbitrary<'name' | 'mobile' | 'email'>,
        fc.oneof(
          planted(fc.constant('x')).map((p) => p.value),
          hostileString,
        ),
        (contact, field, value) => {
          const hostile = { ...contact, [field]: value };
          const alone =
            field === 'name'
              ? validateContactName(value)
              : field === 'mobile'
                ? validateMobile(value)
                : validateEmail(value);
          const result = validateTicketContact(hostile);
          expect(result.ok).toBe(alone.ok);
          if (!result.ok && !alone.ok) expect(result.errors).toEqual([{ field, code: alone.code }]);
          if (field !== 'name') expect(validateContact(hostile).ok).toBe(alone.ok);
        },
      ),
      opts(11),
    );
  });

  const ctx = { today: TODAY, tripStart: '2026-12-20', minAge: 0, maxAge: 120 };
  const traveller = fc.oneof(
    fc.tuple(chineseName, pinyinName, birthDate, fc.nat(999)).map(([nameZh, namePinyin, birth, seq]) => ({
      nameZh,
      namePinyin,
      documentType: 'prc_id',
      documentNumber: prcIdFor(birth, String(seq).padStart(3, '0')),
      birthDate: birth,
    })),
    fc
      .tuple(chineseName, pinyinName, birthDate, prcPassport, fc.constantFrom('M', 'F'))
      .map(([nameZh, namePinyin, birth, number, sex]) => ({
        nameZh,
        namePinyin,
        documentType: 'passport',
        passportIssuer: 'CHN',
        documentNumber: number,
        birthDate: birth,
        sex,
      })),
    fc.tuple(pinyinName, birthDate, otherPassport).map(([namePinyin, birth, number]) => ({
      namePinyin,
      documentType: 'passport',
      passportIssuer: 'other',
      documentNumber: number,
      birthDate: birth,
    })),
    fc.tuple(chineseName, pinyinName, birthDate, permit).map(([nameZh, namePinyin, birth, number]) => ({
      nameZh,
      namePinyin,
      documentType: 'hk_macao_permit',
      documentNumber: number,
      birthDate: birth,
    })),
  );

  test('travellers: valid ones pass; a planted character in one field is refused on that field alone', () => {
    fc.assert(
      fc.property(traveller, (t) => expect(validateTraveller(t, ctx).ok).toBe(true)),
      opts(12),
    );
    const textFields = ['nameZh', 'namePinyin', 'documentNumber'] as const;
    fc.assert(
      fc.property(traveller, fc.constantFrom(...textFields), hostileCharPlant(), (t, field, plant) => {
        fc.pre(typeof (t as Record<string, unknown>)[field] === 'string');
        const chars = Array.from((t as Record<string, string>)[field]!);
        chars.splice(plant.at % (chars.length + 1), 0, plant.char);
        const result = validateTraveller({ ...t, [field]: chars.join('') }, ctx);
        expect(result).toEqual({ ok: false, errors: [{ field, code: plant.code }] });
      }),
      opts(13),
    );
  });

  test('travellers: a PRC ID whose birth date is not the stated one is refused on birthDate', () => {
    fc.assert(
      fc.property(birthDate, birthDate, pinyinName, (idBirth, stated, namePinyin) => {
        fc.pre(idBirth !== stated);
        const result = validateTraveller(
          {
            nameZh: '张伟',
            namePinyin,
            documentType: 'prc_id',
            documentNumber: prcIdFor(idBirth, '123'),
            birthDate: stated,
          },
          ctx,
        );
        expect(result).toEqual({ ok: false, errors: [{ field: 'birthDate', code: 'id.birth_mismatch' }] });
      }),
      opts(14),
    );
  });

  test('travellers: anything at all in every field is answered by field and code, never thrown', () => {
    const anyValue = fc.oneof(hostileString, fc.anything());
    fc.assert(
      fc.property(
        fc.record(
          {
            nameZh: anyValue,
            namePinyin: anyValue,
            documentType: anyValue,
            passportIssuer: anyValue,
            documentNumber: anyValue,
            birthDate: anyValue,
            sex: anyValue,
          },
          { requiredKeys: [] },
        ),
        (input) => {
          const result = validateTraveller(input, ctx);
          if (!result.ok) for (const e of result.errors) expect(VALIDATION_CODES).toContain(e.code);
        },
      ),
      opts(15),
    );
  });
});

function hostileCharPlant() {
  return fc.tuple(planted(fc.constant('')), fc.nat()).map(([p, at]) => ({ char: p.value, code: p.code, at }));
}
