// Gives a page or component its strings as data.s and re-renders them (and calls onLanguage) on a switch; a page
// on screen then retitles its native bar.
import { currentLang, onLangChange, strings, type Namespace } from '../../i18n/index';
import { refreshPageTitle } from '../../services/page-title';

type WithLanguageHook = WechatMiniprogram.Component.TrivialInstance & { onLanguage?: () => void };

export function i18nBehavior(namespaces: readonly Namespace[]): string {
  const unsubscribe = new WeakMap<object, () => void>();
  return Behavior({
    lifetimes: {
      attached(this: WithLanguageHook) {
        this.setData({ s: strings(namespaces), lang: currentLang() });
        unsubscribe.set(
          this,
          onLangChange((lang) => {
            this.setData({ s: strings(namespaces), lang });
            this.onLanguage?.();
            refreshPageTitle(this);
          }),
        );
      },
      detached(this: WithLanguageHook) {
        unsubscribe.get(this)?.();
        unsubscribe.delete(this);
      },
    },
  });
}
