import { validateHkMacaoPermit, validatePassport } from '../../../miniprogram/domain/validate';
import { EMPTY_INPUTS, hostileVariants, type Reject } from './fixtures';

const CYRILLIC_E = '\u0415';
const CYRILLIC_ES = '\u0421';

describe('validatePassport, issuer CHN', () => {
  const validate = (value: unknown) => validatePassport(value, { issuer: 'CHN' });

  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('E12345678'),
    ['lowercase e', 'e12345678', 'lowercase'],
    ['lowercase series letter', 'Ea1234567', 'lowercase'],
    ['E + 7 digits', 'E1234567', 'passport.cn'],
    ['E + 9 digits', 'E123456789', 'passport.cn'],
    ['G + 7 digits', 'G1234567', 'passport.cn'],
    ['E + letter + 6 digits', 'EA123456', 'passport.cn'],
    ['E + two letters', 'EAB123456', 'passport.cn'],
    ['letter at the end', 'E1234567A', 'passport.cn'],
    ['diplomatic D series', 'D12345678', 'passport.cn'],
    ['HKSAR passport K series', 'K12345678', 'passport.cn'],
    ['a generic foreign number', 'LA1234567', 'passport.cn'],
    ['only digits', '123456789', 'passport.cn'],
    ['Cyrillic Е look-alike', `${CYRILLIC_E}12345678`, 'passport.cn'],
    ['hyphen inside', 'E-12345678', 'passport.cn'],
    ['space inside', 'E 12345678', 'whitespace'],
    ['overlong', 'E'.padEnd(40, '1'), 'passport.cn'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validate(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['E12345678', 'E12345678'],
    ['EA1234567', 'EA1234567'],
    ['EZ0000001', 'EZ0000001'],
    ['G12345678', 'G12345678'],
    [' E12345678  ', 'E12345678'],
  ])('accepts %p', (input, value) => {
    expect(validate(input)).toEqual({ ok: true, value });
  });
});

describe('validatePassport, other issuers', () => {
  const validate = (value: unknown) => validatePassport(value, { issuer: 'other' });

  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('LA1234567'),
    ['lowercase', 'la1234567', 'lowercase'],
    ['mixed case', 'La1234567', 'lowercase'],
    ['5 characters', 'A1234', 'passport.format'],
    ['10 characters', 'A123456789', 'passport.format'],
    ['no digit', 'ABCDEFGH', 'passport.format'],
    ['hyphen', 'AB-123456', 'passport.format'],
    ['slash', 'AB/123456', 'passport.format'],
    ['filler character <', 'AB123456<', 'passport.format'],
    ['accented letter', '\u00C0B123456', 'passport.format'],
    ['Cyrillic look-alike', `${CYRILLIC_ES}B123456`, 'passport.format'],
    ['Han character', '护照123456', 'passport.format'],
    ['space inside', 'AB 123456', 'whitespace'],
    ['two spaces inside', 'AB  123456', 'whitespace'],
    ['overlong', 'A'.repeat(30) + '1', 'passport.format'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validate(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['LA1234567', 'LA1234567'],
    ['123456', '123456'],
    ['A1B2C3D4E', 'A1B2C3D4E'],
    ['E12345678', 'E12345678'],
    ['  X9ZZZZ ', 'X9ZZZZ'],
  ])('accepts %p', (input, value) => {
    expect(validate(input)).toEqual({ ok: true, value });
  });
});

describe('validateHkMacaoPermit', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('C12345678'),
    ['lowercase c', 'c12345678', 'lowercase'],
    ['lowercase series letter', 'Ca1234567', 'lowercase'],
    ['C + 7 digits', 'C1234567', 'permit.format'],
    ['C + 9 digits', 'C123456789', 'permit.format'],
    ['expired booklet W series', 'W12345678', 'permit.format'],
    ['home return permit H series', 'H12345678', 'permit.format'],
    ['no letter', '123456789', 'permit.format'],
    ['two series letters', 'CAB123456', 'permit.format'],
    ['letter at the end', 'CA123456B', 'permit.format'],
    ['a PRC passport number', 'E12345678', 'permit.format'],
    ['Cyrillic С look-alike', `${CYRILLIC_ES}12345678`, 'permit.format'],
    ['hyphen', 'C-12345678', 'permit.format'],
    ['space inside', 'C 12345678', 'whitespace'],
    ['overlong', 'C'.padEnd(50, '7'), 'permit.format'],
    ['Han characters', '通行证12345678', 'permit.format'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validateHkMacaoPermit(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['C12345678', 'C12345678'],
    ['C00000000', 'C00000000'],
    ['CA1234567', 'CA1234567'],
    [' C98765432 ', 'C98765432'],
  ])('accepts %p', (input, value) => {
    expect(validateHkMacaoPermit(input)).toEqual({ ok: true, value });
  });
});
