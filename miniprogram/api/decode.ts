// Small decoders: the API's JSON is checked at the api/ boundary so a malformed payload becomes a typed
// decode error with its path, never an exception or `undefined` on screen. (A schema library such as zod
// would cost more than the whole main package budget allows for this job.)
import type { Decoder } from '../services/http';

type Out<D> = D extends Decoder<infer T> ? T : never;

const good = <T>(value: T) => ({ ok: true as const, value });
const bad = (path: string) => ({ ok: false as const, path });

export const str: Decoder<string> = (raw) => (typeof raw === 'string' ? good(raw) : bad(''));
export const int: Decoder<number> = (raw) => (Number.isSafeInteger(raw) ? good(raw as number) : bad(''));
export const num: Decoder<number> = (raw) =>
  typeof raw === 'number' && Number.isFinite(raw) ? good(raw) : bad('');
export const bool: Decoder<boolean> = (raw) => (typeof raw === 'boolean' ? good(raw) : bad(''));

export function literal<T extends string>(...values: T[]): Decoder<T> {
  return (raw) => (values.includes(raw as T) ? good(raw as T) : bad(''));
}

export function optional<T>(inner: Decoder<T>): Decoder<T | undefined> {
  return (raw) => (raw === undefined || raw === null ? good(undefined) : inner(raw));
}

export function array<T>(inner: Decoder<T>): Decoder<T[]> {
  return (raw) => {
    if (!Array.isArray(raw)) return bad('');
    const out: T[] = [];
    for (let i = 0; i < raw.length; i++) {
      const r = inner(raw[i]);
      if (!r.ok) return bad(`[${i}]${r.path}`);
      out.push(r.value);
    }
    return good(out);
  };
}

/** An object with exactly the decoded fields (unknown extra fields are dropped). */
export function object<S extends Record<string, Decoder<unknown>>>(
  shape: S,
): Decoder<
  { [K in keyof S as undefined extends Out<S[K]> ? never : K]: Out<S[K]> } & {
    [K in keyof S as undefined extends Out<S[K]> ? K : never]?: Out<S[K]>;
  }
> {
  return (raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return bad('');
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const r = shape[key]!((raw as Record<string, unknown>)[key]);
      if (!r.ok) return bad(`.${key}${r.path}`);
      if (r.value !== undefined) out[key] = r.value;
    }
    return good(out as never);
  };
}

export const localizedText = object({ 'zh-CN': str, en: str });
export const money = object({ amount: int, currency: str });
export const localDate: Decoder<string> = (raw) =>
  typeof raw === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(raw) ? good(raw) : bad('');
export const instant: Decoder<string> = (raw) =>
  typeof raw === 'string' && !Number.isNaN(Date.parse(raw)) ? good(raw) : bad('');

/** The `{items: [...]}` envelope of list endpoints, unwrapped. */
export function listOf<T>(item: Decoder<T>): Decoder<T[]> {
  const envelope = object({ items: array(item) });
  return (raw) => {
    const r = envelope(raw);
    return r.ok ? { ok: true, value: r.value.items as T[] } : r;
  };
}
