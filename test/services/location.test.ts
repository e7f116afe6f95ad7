import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { coldStart } from '../support/services';

let fake: FakeWx;
let m: Awaited<ReturnType<typeof coldStart>>;

beforeEach(async () => {
  fake = installFakeWx();
  m = await coldStart(fake);
});

test('never asked -> asked on first use; allowing gives gcj02 coordinates and the state becomes granted', async () => {
  await expect(m.location.locationPermission()).resolves.toBe('unknown');
  await expect(m.location.locate()).resolves.toEqual({
    ok: true,
    lat: -36.8485,
    lng: 174.7633,
    coordSystem: 'gcj02',
  });
  await expect(m.location.locationPermission()).resolves.toBe('granted');
});

test('refusing the first prompt gives denied; later calls do not ask again', async () => {
  fake.location.answer = 'deny';
  await expect(m.location.locate()).resolves.toEqual({ ok: false, reason: 'denied' });
  await expect(m.location.locationPermission()).resolves.toBe('denied');
  await expect(m.location.locate()).resolves.toEqual({ ok: false, reason: 'denied' });
});

test('denied -> the settings page; switching it on there grants location', async () => {
  fake.location.permission = false;
  fake.location.answer = 'allow';
  await expect(m.location.openLocationSettings()).resolves.toBe('granted');
  await expect(m.location.locate()).resolves.toMatchObject({ ok: true });
});

describe('privacy authorization', () => {
  beforeEach(() => {
    fake.privacy.needAuthorization = true;
    m.privacy.installPrivacyHandler();
  });

  test('with no sheet listening the request is declined and the app goes on without location', async () => {
    await expect(m.location.locate()).resolves.toEqual({ ok: false, reason: 'privacy_refused' });
  });

  test('the sheet agreeing lets the guarded call proceed', async () => {
    const stop = m.privacy.onPrivacyRequest((answer) => answer(true, 'agree-btn'));
    await expect(m.location.locate()).resolves.toMatchObject({ ok: true });
    stop();
  });

  test('the sheet refusing leaves a visible, recoverable state', async () => {
    const stop = m.privacy.onPrivacyRequest((answer) => answer(false));
    await expect(m.location.locate()).resolves.toEqual({ ok: false, reason: 'privacy_refused' });
    stop();
  });
});
