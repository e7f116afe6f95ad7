import {
  validateContact,
  validateEmail,
  validateMobile,
  validateTicketContact,
} from '../../../miniprogram/domain/validate';
import { EMPTY_INPUTS, hostileVariants, type Reject } from './fixtures';

describe('validateMobile', () => {
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('+8613800138000'),
    ['10 digits', '1380013800', 'mobile.format'],
    ['12 digits', '138001380001', 'mobile.format'],
    ['11 digits starting 12', '12800138000', 'mobile.cn'],
    ['11 digits starting 10', '10800138000', 'mobile.cn'],
    ['+86 with a second digit 2', '+86 128 0013 8000', 'mobile.cn'],
    ['+86 with a trunk 0', '+86 0138 0013 8000', 'mobile.cn'],
    ['+86 one digit short', '+86 138 0013 800', 'mobile.cn'],
    ['+86 landline', '+86 10 6552 9988', 'mobile.cn'],
    ['country code 0', '+0 123 4567', 'mobile.format'],
    ['6 digits after +', '+123456', 'mobile.format'],
    ['16 digits after +', '+1234567890123456', 'mobile.format'],
    ['00 international prefix', '0086 138 0013 8000', 'mobile.format'],
    ['86 without +', '8613800138000', 'mobile.format'],
    ['local NZ number without +', '021 123 4567', 'mobile.format'],
    ['two hyphens in a row', '138--0013-8000', 'mobile.format'],
    ['two spaces in a row', '138  0013 8000', 'mobile.format'],
    ['space after +', '+ 86 13800138000', 'mobile.format'],
    ['parentheses', '(+86) 13800138000', 'mobile.format'],
    ['trailing hyphen', '13800138000-', 'mobile.format'],
    ['dots', '138.0013.8000', 'mobile.format'],
    ['a letter', '+86 138 0013 800a', 'mobile.format'],
    ['an extension', '+64 9 123 4567 ext 2', 'mobile.format'],
    ['two plus signs', '++8613800138000', 'mobile.format'],
    [
      'full-width digits throughout',
      '\uFF11\uFF13\uFF18\uFF10\uFF10\uFF11\uFF13\uFF18\uFF10\uFF10\uFF10',
      'fullwidth',
    ],
    [
      'Arabic-Indic digits',
      '\u0661\u0663\u0668\u0660\u0660\u0661\u0663\u0668\u0660\u0660\u0660',
      'mobile.format',
    ],
    ['overlong', '+'.padEnd(60, '1'), 'mobile.format'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validateMobile(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['13800138000', '+8613800138000'],
    ['138 0013 8000', '+8613800138000'],
    ['138-0013-8000', '+8613800138000'],
    ['+86 138-0013-8000', '+8613800138000'],
    ['+8619912345678', '+8619912345678'],
    ['+64 21 123 4567', '+64211234567'],
    ['+1 202-555-0143', '+12025550143'],
    ['+1234567', '+1234567'],
    ['+123456789012345', '+123456789012345'],
    ['  13800138000 ', '+8613800138000'],
  ])('accepts %p as %p', (input, value) => {
    expect(validateMobile(input)).toEqual({ ok: true, value });
  });
});

describe('validateEmail', () => {
  const local64 = 'a'.repeat(64);
  const domain189 = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(57)}.com`;
  const wrong: Reject[] = [
    ...EMPTY_INPUTS,
    ...hostileVariants('name@example.com'),
    ['no @', 'plainaddress', 'email.format'],
    ['no dot in the domain', 'name@localhost', 'email.format'],
    ['two @', 'name@@example.com', 'email.format'],
    ['@ in the local part', 'na@me@example.com', 'email.format'],
    ['no local part', '@example.com', 'email.format'],
    ['no domain', 'name@', 'email.format'],
    ['space in the local part', 'na me@example.com', 'whitespace'],
    ['space before @', 'name @example.com', 'whitespace'],
    ['leading dot', '.name@example.com', 'email.format'],
    ['two dots', 'na..me@example.com', 'email.format'],
    ['dot before @', 'name.@example.com', 'email.format'],
    ['domain label starting with -', 'name@-example.com', 'email.format'],
    ['domain label ending with -', 'name@example-.com', 'email.format'],
    ['empty domain label', 'name@example..com', 'email.format'],
    ['domain starting with a dot', 'name@.example.com', 'email.format'],
    ['one-letter top-level domain', 'name@example.c', 'email.format'],
    ['numeric top-level domain', 'name@example.123', 'email.format'],
    ['full-width @', 'name\uFF20example.com', 'fullwidth'],
    ['Chinese local part', '用户@example.com', 'email.format'],
    ['Unicode domain', 'name@例子.中国', 'email.format'],
    ['quoted local part', '"name"@example.com', 'email.format'],
    ['IP literal', 'name@[127.0.0.1]', 'email.format'],
    ['comma', 'name,other@example.com', 'email.format'],
    ['display-name form', 'Name <name@example.com>', 'whitespace'],
    ['65-character local part', `${'a'.repeat(65)}@example.com`, 'email.format'],
    ['255 characters', `${local64}@${domain189}x`, 'too_long'],
    ['a domain label of 64 characters', `name@${'d'.repeat(64)}.com`, 'email.format'],
  ];
  test.each(wrong)('rejects %s', (_what, input, code) => {
    expect(validateEmail(input)).toEqual({ ok: false, code });
  });

  test.each([
    ['name@example.com', 'name@example.com'],
    ['first.last+tag@sub.example.co.nz', 'first.last+tag@sub.example.co.nz'],
    ['USER@EXAMPLE.COM', 'USER@EXAMPLE.COM'],
    ["o'neil@example.org", "o'neil@example.org"],
    ['a@b.co', 'a@b.co'],
    ['x@example.xn--fiqs8s', 'x@example.xn--fiqs8s'],
    ['12345@qq.com', '12345@qq.com'],
    [`${local64}@example.com`, `${local64}@example.com`],
    [`${local64}@${domain189}`, `${local64}@${domain189}`],
    ['  name@example.com ', 'name@example.com'],
  ])('accepts %p', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value });
  });
});

describe('validateContact (policyholder)', () => {
  test('valid', () => {
    expect(validateContact({ mobile: '138 0013 8000', email: 'a@b.co' })).toEqual({
      ok: true,
      value: { mobile: '+8613800138000', email: 'a@b.co' },
    });
  });

  test.each([
    [
      {},
      [
        { field: 'mobile', code: 'required' },
        { field: 'email', code: 'required' },
      ],
    ],
    [{ mobile: '12800138000', email: 'a@b.co' }, [{ field: 'mobile', code: 'mobile.cn' }]],
    [{ mobile: '+64211234567', email: 'a@b' }, [{ field: 'email', code: 'email.format' }]],
  ])('%o -> %o', (input, errors) => {
    expect(validateContact(input)).toEqual({ ok: false, errors });
  });
});

describe('validateTicketContact', () => {
  test('valid', () => {
    expect(
      validateTicketContact({ name: ' 张三 ', mobile: '+64 21 123 4567', email: 'z@example.com' }),
    ).toEqual({
      ok: true,
      value: { name: '张三', mobile: '+64211234567', email: 'z@example.com' },
    });
  });

  test.each([
    [
      {},
      [
        { field: 'name', code: 'required' },
        { field: 'mobile', code: 'required' },
        { field: 'email', code: 'required' },
      ],
    ],
    [
      { name: 'Zhang3', mobile: '13800138000', email: 'z@example.com' },
      [{ field: 'name', code: 'bad_chars' }],
    ],
    [
      { name: '张三', mobile: '1380013800', email: 'z@example\u200B.com' },
      [
        { field: 'mobile', code: 'mobile.format' },
        { field: 'email', code: 'invisible' },
      ],
    ],
  ])('%o -> %o', (input, errors) => {
    expect(validateTicketContact(input)).toEqual({ ok: false, errors });
  });
});
