// The native tab bar's texts follow the language: set on every switch, and again when a tab page shows after a
// set failed (WeChat refuses tab bar calls while no tab page is on screen). The build writes the brand's default
// language into app.json with the same texts.
import { currentLang, dictionaries, onLangChange, type Lang } from '../i18n/index';

/** The tabs in app.json's order (a test holds app.json to it). */
export const TAB_PAGES = [
  'pages/home/index',
  'pages/map/index',
  'pages/trips/index',
  'pages/me/index',
] as const;

const TEXT_KEYS = {
  'pages/home/index': 'tabHome',
  'pages/map/index': 'tabMap',
  'pages/trips/index': 'tabTrips',
  'pages/me/index': 'tabMe',
} as const;

export function tabText(pagePath: (typeof TAB_PAGES)[number], lang: Lang): string {
  return dictionaries.me[lang][TEXT_KEYS[pagePath]];
}

let applied: Lang | undefined;

function apply(lang: Lang): void {
  applied = lang;
  TAB_PAGES.forEach((page, index) => {
    wx.setTabBarItem({
      index,
      text: tabText(page, lang),
      fail: () => {
        applied = undefined;
      },
    });
  });
}

/** From app launch: texts follow every language switch from now on. */
export function installTabBarLanguage(): () => void {
  return onLangChange(apply);
}

/** From a tab page's onShow: sets the texts unless the current language is already on the tab bar. */
export function syncTabBarLanguage(): void {
  if (applied !== currentLang()) apply(currentLang());
}
