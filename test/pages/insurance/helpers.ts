// Driving the insurance pages as a user would: a cold start of the app's modules over the fake wx (its storage
// survives, as after WeChat kills the app), pages opened with their query, taps, typing and date pickers.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { renderPage, settle, type Rendered } from '../../support/simulate';
import { decideAtSimulator } from '../../support/stack';

export { settle, textOf } from '../../support/simulate';

type PageMethods = {
  onLoad?(query?: Record<string, string>): void;
  onShow?(): void;
};

export interface InsuranceApp {
  fake: FakeWx;
  /** Loads a page of the insurance package as WeChat would (onLoad with its query, then onShow). */
  open(page: string, query?: Record<string, string>): Promise<Rendered>;
}

/** Fresh module instances (memory is gone) over the same fake wx (storage kept): a killed and relaunched app. */
let current: FakeWx | undefined;

/** Waits until the app has had no request in flight for a while (the dev API answers in real time). */
export async function quiet(): Promise<void> {
  for (let calm = 0, waited = 0; calm < 3; waited += 10) {
    if (waited > 3000) throw new Error('requests still in flight');
    await settle(10);
    calm = current && current.net.inFlight > 0 ? 0 : calm + 1;
  }
}

/**
 * The app's modules loaded afresh over the fake wx: its clock bound, the saved language restored. Storage is
 * the fake's and survives, as when WeChat kills and relaunches the app.
 */
async function loadModules(fake: FakeWx): Promise<void> {
  jest.resetModules();
  const { clock } = await import('../../../miniprogram/services/clock');
  fake.bindClock(clock);
  await (await import('../../../miniprogram/services/preferences')).restoreLanguage();
}

/**
 * A killed and relaunched app. Pages opened afterwards also get fresh modules (miniprogram-simulate defines a
 * component, status-view included, only on the first load in a module registry), so pages share nothing in
 * memory: whatever one page hands to the next must go through storage, as the draft does.
 */
export async function coldStart(fake: FakeWx): Promise<InsuranceApp> {
  current = fake;
  await loadModules(fake);
  return {
    fake,
    async open(page, query = {}) {
      await loadModules(fake);
      const rendered = renderPage(`packages/insurance/pages/${page}/index`);
      const methods = rendered.instance as unknown as PageMethods;
      methods.onLoad?.(query);
      methods.onShow?.();
      await until(() => dataOf<{ state?: string }>(rendered).state !== 'loading');
      return rendered;
    },
  };
}

/** Taps Pay and waits for the page to hand over to the result page: the URL it redirected to. */
export async function payAndWait(page: Rendered): Promise<string> {
  const before = current?.callsTo('redirectTo').length ?? 0;
  await tap(page, 'pay');
  await until(() => (current?.callsTo('redirectTo').length ?? 0) > before);
  return current!.callsTo('redirectTo').at(-1)!.url as string;
}

/** Waits (in real time: the dev API answers over loopback) until the condition holds, at most 3 s. */
export async function until(condition: () => boolean): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 3000) throw new Error('timed out waiting');
    await settle(10);
  }
  await settle(10);
}

export function newFake(now: string): FakeWx {
  const fake = installFakeWx();
  fake.clock.now = Date.parse(now);
  return fake;
}

/** An element found by classes, each inside the one before (`find(page, 'traveller-1', 'doc-passport')`). */
export function find(page: Rendered, ...classes: string[]) {
  const found = page.querySelector(classes.map((c) => `.${c}`).join(' '));
  if (!found) throw new Error(`nothing matches .${classes.join(' .')}`);
  return found;
}

export async function tap(page: Rendered, ...classes: string[]): Promise<void> {
  find(page, ...classes).dispatchEvent('tap');
  await quiet();
}

/** The way-forward button of the page's status view (retry, choose a plan, ...). */
export async function tapStatusAction(page: Rendered): Promise<void> {
  const action = find(page, 'status').querySelector('.action');
  if (!action) throw new Error('the status view has no action');
  action.dispatchEvent('click');
  await quiet();
}

/** Types a whole value into an input, as the input event reports it. */
export async function type(page: Rendered, value: string, ...classes: string[]): Promise<void> {
  const input = find(page, ...classes);
  input.dispatchEvent('input', { detail: { value } });
  await settle(10);
  input.dispatchEvent('blur', { detail: { value } });
  await settle(10);
}

export async function pick(page: Rendered, value: string, ...classes: string[]): Promise<void> {
  find(page, ...classes).dispatchEvent('change', { detail: { value } });
  await quiet();
}

/** Page data, for values a user reads in inputs (the fake DOM holds no text for them). */
export function dataOf<T>(page: Rendered): T {
  return (page.instance as unknown as { data: T }).data;
}

let loginSeq = 0;

/** The dev API as the same person the app signs in as (the fake's codes are `user-<name>-<n>`). */
export async function asUser(origin: string, name = 'alice') {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await fetch(`${origin}${path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        ...headers,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as T };
  };
  let token = '';
  const session = await call<{ token: string }>('POST', '/v1/auth/session', {
    code: `user-${name}-api${++loginSeq}`,
  });
  token = session.body.token;
  return {
    get: <T>(path: string) => call<T>('GET', path).then((r) => r.body),
    post: <T>(path: string, body: unknown, headers?: Record<string, string>) =>
      call<T>('POST', path, body, headers),
    /** Pays an order of theirs in WeChat's sheet (at the simulator, which notifies the server): its answer. */
    pay: async (orderId: string) => {
      const params = await call<{ sandboxUrl?: string }>('POST', `/v1/orders/${orderId}/payment`);
      return (await decideAtSimulator(params.body.sandboxUrl)).result;
    },
  };
}

export interface Trip {
  planId: string;
  start: string;
  end: string;
  birthDates: string[];
}

/** Through the quote page, as a user: dates, travellers' birth dates, "Get a quote". */
export async function quoteTrip(app: InsuranceApp, trip: Trip): Promise<Rendered> {
  const page = await app.open('quote', { planId: trip.planId });
  await pick(page, trip.start, 'start');
  await pick(page, trip.end, 'end');
  for (let i = 1; i < trip.birthDates.length; i++) await tap(page, 'add');
  for (const [i, birth] of trip.birthDates.entries()) await pick(page, birth, `birth-${i}`);
  await tap(page, 'quote');
  return page;
}

/** Opens the terms from the form, accepts them and comes back (the form's onShow runs again). */
export async function acceptTerms(app: InsuranceApp, form: Rendered, planId: string): Promise<void> {
  await tap(form, 'terms-row');
  const terms = await app.open('terms', { planId, accept: '1' });
  await tap(terms, 'accept');
  (form.instance as unknown as { onShow(): void }).onShow();
  await quiet();
}

/** A policy bought over the API for `user` (quote, purchase, payment): its id. */
export async function buyPolicy(origin: string, user: string, trip: Trip): Promise<string> {
  const me = await asUser(origin, user);
  const quote = await me.post<{ id: string }>('/v1/insurance/quotes', {
    planId: trip.planId,
    startDate: trip.start,
    endDate: trip.end,
    travellers: trip.birthDates.map((birthDate) => ({ birthDate })),
  });
  const travellers = trip.birthDates.map((birthDate, i) => ({
    namePinyin: `TRAVELLER ${'ABCDEFGHI'[i]}`,
    documentType: 'passport',
    passportIssuer: 'other',
    documentNumber: `LA12345${i}`,
    birthDate,
  }));
  const plans = await me.get<{ items: Array<{ id: string; termsVersion: string }> }>('/v1/insurance/plans');
  const order = await me.post<{ id: string }>(
    '/v1/insurance/policies',
    {
      quoteId: quote.body.id,
      travellers,
      holder: { name: 'Traveller A', mobile: '+64211234567', email: 'a@example.com' },
      acceptedTermsVersion: plans.items.find((p) => p.id === trip.planId)!.termsVersion,
    },
    { 'idempotency-key': `test-${user}-${trip.start}-${loginSeq}` },
  );
  const paid = await me.pay(order.body.id);
  if (paid !== 'paid') throw new Error(`paying the policy ended ${paid}`);
  return (await me.get<{ policyId: string }>(`/v1/orders/${order.body.id}`)).policyId;
}
