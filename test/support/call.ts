// One request to a server on loopback, for tests that talk to several servers (or restart one) and so can not use
// test/server/helpers' per-file client. POST when there is a body or an idempotency key.
export interface CallOptions {
  token?: string;
  body?: unknown;
  key?: string;
}

export async function call<T>(origin: string, path: string, init: CallOptions = {}) {
  const res = await fetch(origin + path, {
    method: init.body === undefined && init.key === undefined ? 'GET' : 'POST',
    headers: {
      ...(init.body !== undefined && { 'content-type': 'application/json' }),
      ...(init.token && { authorization: `Bearer ${init.token}` }),
      ...(init.key && { 'idempotency-key': init.key }),
    },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, body: (await res.json().catch(() => undefined)) as T };
}
