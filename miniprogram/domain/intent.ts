// One user intent (e.g. "buy these tickets") keeps one Idempotency-Key: a retry, a double tap or a tap after a
// lost response sends the same key, so the server creates one order. A changed request is a new intent.

/** JSON with object keys sorted at every level: the same request always has the same fingerprint. */
export function fingerprint(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(fingerprint).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${fingerprint(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A request's result, as much of it as an intent needs. */
export type Answer = { ok: true } | { ok: false; error: { kind: string; status?: number } };

/**
 * Whether the server has answered for good: a success, or a refusal (4xx). A network error or a 5xx may come
 * after the server committed (a gateway giving up on a slow backend), so the next tap must repeat the key.
 */
export function answered(result: Answer): boolean {
  return result.ok || (result.error.kind === 'http' && (result.error.status ?? 500) < 500);
}

export interface Intent {
  /** The key for this request: the previous one while the request is unchanged, else a fresh one. */
  keyFor(request: unknown): string;
  /** The order exists (the server answered): the next request, even an identical one, is a new intent. */
  done(): void;
  /** done() once the server has answered for good (see answered); otherwise the key is kept. */
  settle(result: Answer): void;
}

export function createIntent(newKey: () => string): Intent {
  let current: { fingerprint: string; key: string } | undefined;
  return {
    keyFor(request) {
      const print = fingerprint(request);
      if (current?.fingerprint !== print) current = { fingerprint: print, key: newKey() };
      return current.key;
    },
    done() {
      current = undefined;
    },
    settle(result) {
      if (answered(result)) current = undefined;
    },
  };
}
