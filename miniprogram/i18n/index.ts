// One t() for pages and components. Dictionaries are per feature, each holding both languages.
import { brand } from '../config/brand';
import { common } from './common';
import { coupons } from './coupons';
import { guide } from './guide';
import { home } from './home';
import { insurance } from './insurance';
import { me } from './me';
import { orders } from './orders';
import { payment } from './payment';
import { tickets } from './tickets';
import { validation } from './validation';

export type Lang = 'zh-CN' | 'en';
export const LANGS: Lang[] = ['zh-CN', 'en'];
/** A first launch speaks the brand file's default language. */
export const DEFAULT_LANG: Lang = isLang(brand.defaultLanguage) ? brand.defaultLanguage : 'zh-CN';

export const dictionaries = {
  common,
  coupons,
  guide,
  home,
  insurance,
  me,
  orders,
  payment,
  tickets,
  validation,
};
type Dictionaries = typeof dictionaries;
export type Namespace = keyof Dictionaries;
export type MessageKey = {
  [N in Namespace]: `${N}.${keyof Dictionaries[N]['zh-CN'] & string}`;
}[Namespace];
export type Strings<N extends Namespace> = { [K in N]: Dictionaries[K]['zh-CN'] };

let current: Lang = DEFAULT_LANG;
const listeners = new Set<(lang: Lang) => void>();

export function isLang(value: unknown): value is Lang {
  return value === 'zh-CN' || value === 'en';
}

export function currentLang(): Lang {
  return current;
}

/** Switches the language for every open page at once (each subscribed page re-renders its strings). */
export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  listeners.forEach((fn) => fn(lang));
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function t(key: MessageKey, params?: Record<string, string | number>): string {
  const dot = key.indexOf('.');
  const ns = dictionaries[key.slice(0, dot) as Namespace][current] as Record<string, string>;
  const text = ns[key.slice(dot + 1)] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** The strings of some namespaces in the current language, for a page's data. */
export function strings<N extends Namespace>(namespaces: readonly N[]): Strings<N> {
  const out = {} as Strings<N>;
  for (const ns of namespaces) out[ns] = dictionaries[ns][current] as Strings<N>[N];
  return out;
}
