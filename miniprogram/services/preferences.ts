// The user's language choice, persisted; applied at launch before the first page renders.
import { DEFAULT_LANG, isLang, setLang, type Lang } from '../i18n/index';
import { defineKey, read, write } from './storage';

const languageKey = defineKey<Lang>('prefs.language', 1);

export async function restoreLanguage(): Promise<Lang> {
  const saved = await read(languageKey);
  const lang = isLang(saved) ? saved : DEFAULT_LANG;
  setLang(lang);
  return lang;
}

export async function switchLanguage(lang: Lang): Promise<void> {
  setLang(lang);
  await write(languageKey, lang);
}
