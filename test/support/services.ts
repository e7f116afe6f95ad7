// A cold start of the mini program's modules over a fake wx: memory is fresh, the fake's storage persists,
// exactly as when WeChat kills and relaunches the app.
import type { FakeWx } from './fake-wx';

type Modules = {
  http: typeof import('../../miniprogram/services/http');
  session: typeof import('../../miniprogram/services/session');
  storage: typeof import('../../miniprogram/services/storage');
  payment: typeof import('../../miniprogram/services/payment');
  location: typeof import('../../miniprogram/services/location');
  privacy: typeof import('../../miniprogram/services/privacy');
  preferences: typeof import('../../miniprogram/services/preferences');
  orders: typeof import('../../miniprogram/api/orders');
  destination: typeof import('../../miniprogram/api/destination');
  i18n: typeof import('../../miniprogram/i18n/index');
};

export async function coldStart(fake: FakeWx): Promise<Modules> {
  jest.resetModules();
  const clock = await import('../../miniprogram/services/clock');
  fake.bindClock(clock.clock);
  return {
    http: await import('../../miniprogram/services/http'),
    session: await import('../../miniprogram/services/session'),
    storage: await import('../../miniprogram/services/storage'),
    payment: await import('../../miniprogram/services/payment'),
    location: await import('../../miniprogram/services/location'),
    privacy: await import('../../miniprogram/services/privacy'),
    preferences: await import('../../miniprogram/services/preferences'),
    orders: await import('../../miniprogram/api/orders'),
    destination: await import('../../miniprogram/api/destination'),
    i18n: await import('../../miniprogram/i18n/index'),
  };
}
