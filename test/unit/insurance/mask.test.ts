import {
  maskBirthDate,
  maskDocumentNumber,
  maskEmail,
  maskMobile,
} from '../../../miniprogram/packages/insurance/domain/mask';
import { makeId } from '../validate/fixtures';

// The API's own pattern for documentNumberMasked.
const API_MASK = /^[^*]{0,6}\*+[^*]{0,4}$/;

test.each([
  ['E12345678', 'E1234****'],
  ['EA1234567', 'EA123****'],
  ['C12345678', 'C1234****'],
  ['LA123456', 'LA12****'],
  ['123456', '123***'],
  [makeId('110101', '19850302', '123'), `110101********${makeId('110101', '19850302', '123').slice(-4)}`],
])('%s is shown as %s', (number, masked) => {
  expect(maskDocumentNumber(number)).toBe(masked);
  expect(masked).toMatch(API_MASK);
});

test('an ID card number never shows its embedded birth date', () => {
  const id = makeId('440305', '20010101', '222');
  expect(maskDocumentNumber(id)).not.toContain('20010101');
  expect(maskDocumentNumber(id)).not.toContain('0101');
});

test('short and empty values stay masked or empty', () => {
  expect(maskDocumentNumber('')).toBe('');
  expect(maskDocumentNumber('A')).toBe('*');
  expect(maskDocumentNumber('AB1')).toBe('AB*');
});

test('mobile numbers, e-mail addresses and birth dates', () => {
  expect(maskMobile('+8613800138000')).toBe('+86 138****8000');
  expect(maskMobile('+64211234567')).toBe('+642*****567');
  expect(maskMobile('+12345')).toBe('******');
  expect(maskEmail('zhang.wei@example.com')).toBe('z***@example.com');
  expect(maskEmail('a@b.cn')).toBe('a***@b.cn');
  expect(maskEmail('not-an-email')).toBe('************');
  expect(maskBirthDate('1985-03-02')).toBe('1985-**-**');
  expect(maskBirthDate('')).toBe('');
});
