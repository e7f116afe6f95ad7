// What the simulator can be told to get wrong, each a queue consumed in order: the next WeChat Pay answers (a 5xx,
// or no answer until the client gives up), the next payment notifications (dropped, sent twice, or held back) and
// the next code2Session answers (a WeChat errcode).
type ApiFaultKind = '5xx' | 'timeout';
/** A fault for the next WeChat Pay call, or for the next one whose path contains `on` (e.g. '/jsapi'). */
export type ApiFault = ApiFaultKind | { fault: ApiFaultKind; on: string };
export type NotifyFault = { kind: 'drop' } | { kind: 'duplicate' } | { kind: 'delay'; ms: number };

export class Faults {
  readonly api: ApiFault[] = [];
  readonly notify: NotifyFault[] = [];
  readonly login: number[] = [];
  /** errcodes for the next subscribe messages (43101: the user's subscription is used up). */
  readonly subscribe: number[] = [];

  /** The fault for a call to `path`, taken off the queue; undefined when none applies. */
  nextApi(path: string): ApiFaultKind | undefined {
    const i = this.api.findIndex((f) => typeof f === 'string' || path.includes(f.on));
    if (i < 0) return undefined;
    const [fault] = this.api.splice(i, 1);
    return typeof fault === 'string' ? fault : fault!.fault;
  }

  nextNotify(): NotifyFault | undefined {
    return this.notify.shift();
  }

  nextLogin(): number | undefined {
    return this.login.shift();
  }

  clear(): void {
    this.api.length = 0;
    this.notify.length = 0;
    this.login.length = 0;
    this.subscribe.length = 0;
  }
}

/** Parses `POST /sim/faults`'s body; undefined when it is not one. */
export function parseFaults(
  body: unknown,
): { api: ApiFault[]; notify: NotifyFault[]; login: number[] } | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const { api = [], notify = [], login = [] } = body as { api?: unknown; notify?: unknown; login?: unknown };
  if (!Array.isArray(api) || !Array.isArray(notify) || !Array.isArray(login)) return undefined;
  if (!login.every((code) => Number.isInteger(code))) return undefined;
  const kind = (f: unknown) => f === '5xx' || f === 'timeout';
  const apiOk = api.every(
    (f: { fault?: unknown; on?: unknown } | null) =>
      kind(f) || (typeof f === 'object' && f !== null && kind(f.fault) && typeof f.on === 'string'),
  );
  const notifyOk = notify.every(
    (f: { kind?: unknown; ms?: unknown } | null) =>
      typeof f === 'object' &&
      f !== null &&
      (f.kind === 'drop' || f.kind === 'duplicate' || (f.kind === 'delay' && Number.isInteger(f.ms))),
  );
  return apiOk && notifyOk
    ? { api: api as ApiFault[], notify: notify as NotifyFault[], login: login as number[] }
    : undefined;
}
