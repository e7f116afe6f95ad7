// Shared by the coupons page tests: one dev API per file whose clock is the fake's (plus a skew a test can set,
// for a phone clock that runs ahead of the server's), the user's session, and claims made "on another device".
import type { FakeWx } from '../../support/fake-wx';
import type { RunningServer } from '../../support/server';
import { settle } from '../../support/simulate';
import { devApi, devCall, START, tokenOf } from '../tickets/helpers';

export { coldStart, connect, devCall, open, START, tokenOf, waitFor, type Page } from '../tickets/helpers';

export interface Clocks {
  fake?: FakeWx;
  /** Added to the phone's clock to get the server's. */
  serverSkewMs: number;
}

export async function startApi(clocks: Clocks): Promise<RunningServer> {
  return devApi(() => (clocks.fake?.clock.now ?? START) + clocks.serverSkewMs);
}

/** The app's session token, logging the app's user in first if needed (the wallet page does that). */
export async function sessionOf(fake: FakeWx): Promise<string> {
  const { ensureSession } = await import('../../../miniprogram/services/session');
  await ensureSession();
  return tokenOf(fake);
}

/** The same user claims an offer elsewhere (another phone): the server holds the coupon, the app does not know. */
export async function claimElsewhere(api: RunningServer, token: string, offerId: string) {
  const res = await devCall(
    api,
    'POST',
    `/v1/offers/${offerId}/claim`,
    undefined,
    token,
    `elsewhere-${Math.random()}`,
  );
  if (res.status !== 201) throw new Error(`claim elsewhere failed: ${JSON.stringify(res.body)}`);
  return res.body as { id: string; code: string; offerId: string; status: string };
}

/** Another visitor claims an offer. */
export async function otherVisitorClaims(api: RunningServer, offerId: string) {
  const session = await devCall(api, 'POST', '/v1/auth/session', { code: `visitor-${Math.random()}` });
  return claimElsewhere(api, String(session.body.token), offerId);
}

export async function serverCoupons(api: RunningServer, token: string, status?: string) {
  const res = await devCall(api, 'GET', `/v1/coupons${status ? `?status=${status}` : ''}`, undefined, token);
  return res.body.items as Array<{ id: string; offerId: string; code: string; status: string }>;
}

/** Waits until the app has no request in flight and started none for a moment (retries included). */
export async function networkQuiet(fake: FakeWx): Promise<void> {
  for (let seen = -1; seen !== fake.net.log.length || fake.net.inFlight > 0;) {
    seen = fake.net.log.length;
    await settle(30);
  }
}
