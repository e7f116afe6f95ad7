// Typed, versioned storage within WeChat's limits. Anything personal is written with encrypt: true.
export interface StorageKey<T> {
  readonly name: string;
  readonly version: number;
  readonly encrypt: boolean;
  /** Only for type inference; never set. */
  readonly _type?: T;
}

export type StorageWriteError = 'too_large' | 'quota' | 'failed';

interface Envelope<T> {
  v: number;
  d: T;
}

const MB = 1024 * 1024;
// Platform limits (platform-facts.md): 1 MB a key / 10 MB in all; 0.7 MB / 7.1 MB with encrypt.
export const LIMITS = {
  plain: { perKey: MB, totalKb: 10 * 1024 },
  encrypted: { perKey: Math.floor(0.7 * MB), totalKb: Math.floor(7.1 * 1024) },
};

export function defineKey<T>(
  name: string,
  version: number,
  options: { encrypt?: boolean } = {},
): StorageKey<T> {
  return { name, version, encrypt: options.encrypt === true };
}

export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

export function read<T>(key: StorageKey<T>): Promise<T | undefined> {
  return new Promise((resolve) => {
    wx.getStorage({
      key: key.name,
      encrypt: key.encrypt,
      success: (res) => {
        const env = res.data as Envelope<T> | undefined;
        // A value written by an older schema is treated as absent rather than misread.
        resolve(env && typeof env === 'object' && env.v === key.version ? env.d : undefined);
      },
      fail: () => resolve(undefined),
    });
  });
}

export function write<T>(key: StorageKey<T>, value: T): Promise<StorageWriteError | undefined> {
  const envelope: Envelope<T> = { v: key.version, d: value };
  const bytes = utf8Bytes(key.name) + utf8Bytes(JSON.stringify(envelope));
  const limit = key.encrypt ? LIMITS.encrypted : LIMITS.plain;
  if (bytes > limit.perKey) return Promise.resolve('too_large');
  const info = wx.getStorageInfoSync();
  if (info.currentSize + Math.ceil(bytes / 1024) > limit.totalKb) return Promise.resolve('quota');
  return new Promise((resolve) => {
    wx.setStorage({
      key: key.name,
      data: envelope,
      encrypt: key.encrypt,
      success: () => resolve(undefined),
      fail: (err) => resolve(/exceed|max size|quota/i.test(err.errMsg) ? 'quota' : 'failed'),
    });
  });
}

export function remove(key: StorageKey<unknown>): Promise<void> {
  return new Promise((resolve) => {
    wx.removeStorage({ key: key.name, success: () => resolve(), fail: () => resolve() });
  });
}

/** Removes every stored key except the named ones (e.g. unreconciled payments). */
export function removeAllExcept(keep: StorageKey<unknown>[]): Promise<void> {
  const keepNames = new Set(keep.map((k) => k.name));
  const names = wx.getStorageInfoSync().keys.filter((name) => !keepNames.has(name));
  return Promise.all(
    names.map(
      (name) =>
        new Promise<void>((resolve) =>
          wx.removeStorage({ key: name, success: () => resolve(), fail: () => resolve() }),
        ),
    ),
  ).then(() => undefined);
}
