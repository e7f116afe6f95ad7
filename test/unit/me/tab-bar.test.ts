// The tab bar: app.json's tabs are the ones the language switch renames, in the same order, each with an icon
// in both themes; the texts are those of the i18n dictionary.
import fs from 'node:fs';
import path from 'node:path';
import { TAB_PAGES, tabText } from '../../../miniprogram/services/tab-bar';
import { TAB_ICONS } from '../../../scripts/lib/tab-icons';

const src = path.join(__dirname, '../../../miniprogram');
const read = (file: string) => JSON.parse(fs.readFileSync(path.join(src, file), 'utf8'));

test('app.json lists the tabs in TAB_PAGES order, with theme icons, in dark mode too', () => {
  const app = read('app.json');
  const theme = read('theme.json');
  expect(app.darkmode).toBe(true);
  expect(app.tabBar.list.map((item: { pagePath: string }) => item.pagePath)).toEqual([...TAB_PAGES]);
  for (const item of app.tabBar.list as Array<{ iconPath: string; selectedIconPath: string }>) {
    for (const ref of [item.iconPath, item.selectedIconPath]) {
      const key = ref.slice(1);
      expect(Object.keys(TAB_ICONS).some((name) => key.startsWith(`tab${name}Icon`))).toBe(true);
      expect(theme.light[key]).toMatch(/^assets\/tab-bar\/.+\.png$/);
      expect(theme.dark[key]).toMatch(/^assets\/tab-bar\/.+-dark.*\.png$/);
    }
  }
});

test('tab texts in both languages', () => {
  expect(TAB_PAGES.map((p) => tabText(p, 'zh-CN'))).toEqual(['首页', '地图', '行程', '我的']);
  expect(TAB_PAGES.map((p) => tabText(p, 'en'))).toEqual(['Home', 'Map', 'Trips', 'Me']);
});
