// The visit-reminder subscription prompt over the scriptable fake wx: each answer the user (or WeChat) can give
// maps to one outcome, and the request always settles without throwing, whatever the platform does.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';

const TEMPLATE = 'wayfarer-visit-reminder-demo';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
  jest.resetModules();
});

const subscribe = async (templateId = TEMPLATE) =>
  (await import('../../../miniprogram/packages/orders/services/subscribe')).requestSubscription(templateId);

test('the prompt asks about the visit reminder; accepting it is accepted', async () => {
  fake.subscribe.answers.push('accept');
  await expect(subscribe()).resolves.toBe('accepted');
  expect(fake.subscribe.prompts).toEqual([[TEMPLATE]]);
});

test('rejecting it is declined', async () => {
  fake.subscribe.answers.push('reject');
  await expect(subscribe()).resolves.toBe('declined');
});

test('a template WeChat banned or filtered is unavailable, not a refusal', async () => {
  fake.subscribe.answers.push('ban', 'filter');
  await expect(subscribe()).resolves.toBe('unavailable');
  await expect(subscribe()).resolves.toBe('unavailable');
});

test('the call failing (the main switch off) is unavailable', async () => {
  fake.subscribe.answers.push({ errMsg: 'requestSubscribeMessage:fail main switch is off', errCode: 20004 });
  await expect(subscribe()).resolves.toBe('unavailable');
});

test('never throws: a call that throws, a client without the API, no template id', async () => {
  fake.subscribe.answers.push('throw');
  await expect(subscribe()).resolves.toBe('unavailable');
  expect(fake.subscribe.prompts).toHaveLength(1);

  await expect(subscribe('')).resolves.toBe('unavailable');
  fake.extend({ requestSubscribeMessage: undefined as never });
  await expect(subscribe()).resolves.toBe('unavailable');
  // Neither of the last two showed a prompt.
  expect(fake.subscribe.prompts).toHaveLength(1);
});
