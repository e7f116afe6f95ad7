/** @jest-environment jsdom */
// The account subpackage: About tells staff which build they hold (develop / trial), visitors only the version;
// the privacy policy reads in both languages.
import { installFakeWx, type FakeWx } from '../../support/fake-wx';
import { textOf } from '../../support/simulate';
import { launch, open, until } from './helpers';

let fake: FakeWx;

beforeEach(() => {
  fake = installFakeWx();
});

test('About in a develop build: version, environment, commit and the API base URL', async () => {
  await launch(fake);
  const page = await open('packages/account/pages/about/index');
  expect(textOf(page, '.brand')).toBe('漫游者');
  expect(textOf(page, '.card')).toBe(
    '版本 0.0.0-dev 环境 开发版 构建提交 dev API 地址 http://127.0.0.1:3000',
  );
  expect(fake.callsTo('setNavigationBarTitle').at(-1)).toMatchObject({ title: '关于' });
});

test('About in a release build: the version only', async () => {
  fake.envVersion = 'release';
  await launch(fake);
  const page = await open('packages/account/pages/about/index');
  expect(textOf(page, '.card')).toBe('版本 0.0.0-dev 环境 正式版');
});

test('the privacy policy follows the language', async () => {
  await launch(fake);
  const page = await open('packages/account/pages/privacy/index');
  expect(textOf(page)).toContain('漫游者重视你的个人信息');
  expect(textOf(page, '.section-delete')).toContain('privacy@wayfarer.example.com');
  const { switchLanguage } = await import('../../../miniprogram/services/preferences');
  await switchLanguage('en');
  await until(() => textOf(page).includes('What we collect and why'), 'English', page);
  expect(textOf(page, '.section-keep')).toContain('How long we keep it');
  expect(fake.callsTo('setNavigationBarTitle').at(-1)).toMatchObject({ title: 'Privacy policy' });
});
