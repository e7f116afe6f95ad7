import { dictionaries, setLang, t } from '../../miniprogram/i18n/index';

test.each(Object.entries(dictionaries))(
  'namespace %s has the same keys and no empty text in both languages',
  (_, dict) => {
    const zh = dict['zh-CN'] as Record<string, string>;
    const en = dict.en as Record<string, string>;
    expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
    for (const text of [...Object.values(zh), ...Object.values(en)]) expect(text.trim()).not.toBe('');
  },
);

test('t() follows the current language and fills parameters', () => {
  setLang('en');
  expect(t('home.timeAhead', { hours: 5 })).toBe('5 h ahead of Beijing');
  setLang('zh-CN');
  expect(t('home.timeAhead', { hours: 5 })).toBe('比北京快 5 小时');
});
