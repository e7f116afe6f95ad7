import { API_BASE_URLS } from '../../miniprogram/config/env';
import { installFakeWx } from '../support/fake-wx';

test('trial and release builds talk to https only; develop talks to the local dev API', () => {
  expect(API_BASE_URLS.release).toMatch(/^https:\/\/[^:/]+(\/|$)/);
  expect(API_BASE_URLS.trial).toMatch(/^https:\/\/[^:/]+(\/|$)/);
  expect(API_BASE_URLS.develop).toBe('http://127.0.0.1:3000');
});

test('the base URL follows wx.getAccountInfoSync().miniProgram.envVersion', async () => {
  const fake = installFakeWx();
  const { envConfig } = await import('../../miniprogram/config/env');
  fake.envVersion = 'release';
  expect(envConfig()).toEqual({ envVersion: 'release', apiBaseUrl: API_BASE_URLS.release, devTools: false });
  fake.envVersion = 'develop';
  expect(envConfig()).toMatchObject({ apiBaseUrl: API_BASE_URLS.develop, devTools: true });
});
