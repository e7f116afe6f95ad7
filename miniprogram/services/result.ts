// One error model for everything the user can meet; pages map it to a localized message, never show it raw.
export type NetworkReason = 'offline' | 'timeout' | 'interrupted';

export type ApiError =
  | { kind: 'network'; reason: NetworkReason }
  | { kind: 'http'; status: number; code: string; message: string; field?: string }
  | { kind: 'auth'; code: string }
  | { kind: 'decode'; path: string };

export type Result<T> = { ok: true; data: T; fromCache?: boolean } | { ok: false; error: ApiError };

export function ok<T>(data: T): Result<T> {
  return { ok: true, data };
}

export function fail<T = never>(error: ApiError): Result<T> {
  return { ok: false, error };
}

/** The i18n key of the message a user sees for an error (feature pages may map http codes more precisely). */
export function errorMessageKey(
  error: ApiError,
):
  | 'common.errorOffline'
  | 'common.errorTimeout'
  | 'common.errorServer'
  | 'common.errorAuth'
  | 'common.errorData' {
  switch (error.kind) {
    case 'network':
      return error.reason === 'timeout' ? 'common.errorTimeout' : 'common.errorOffline';
    case 'auth':
      return 'common.errorAuth';
    case 'decode':
      return 'common.errorData';
    case 'http':
      return 'common.errorServer';
  }
}
