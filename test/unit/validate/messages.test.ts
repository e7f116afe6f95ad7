import { VALIDATION_CODES } from '../../../miniprogram/domain/validate';
import { validation } from '../../../miniprogram/i18n/validation';

const HAN = /[\u4e00-\u9fff]/;

describe('validation messages', () => {
  test.each(VALIDATION_CODES)('%s has a message in both languages', (code) => {
    const zh: string = validation['zh-CN'][code];
    const en: string = validation.en[code];
    expect(zh).toMatch(HAN);
    expect(en.length).toBeGreaterThan(5);
    expect(en).not.toMatch(HAN);
  });

  test('both languages have exactly the codes', () => {
    expect(Object.keys(validation['zh-CN']).sort()).toEqual([...VALIDATION_CODES].sort());
    expect(Object.keys(validation.en).sort()).toEqual([...VALIDATION_CODES].sort());
  });

  test('no two codes share a message', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const messages = Object.values(validation[lang]);
      expect(new Set(messages).size).toBe(messages.length);
    }
  });
});
