/** @jest-environment jsdom */
// The native title bar follows the language: a page sets its title from the dictionaries (or from what it shows)
// when it shows, and again when the language changes while it is on screen. A page in the background leaves the
// bar alone, since WeChat would put its title on the page in front.
import { installFakeWx, type FakeWx } from '../support/fake-wx';
import { connect, startApiServer, type RunningServer } from '../support/server';
import { renderPage, textOf, waitFor, type Rendered } from '../support/simulate';

type Lang = 'zh-CN' | 'en';
type Lifecycle = { onLoad(query: Record<string, string>): void; onShow(): void };

let api: RunningServer;
let fake: FakeWx;

beforeAll(async () => {
  api = await startApiServer({ now: () => (fake ? fake.clock.now : Date.now()) });
});
afterAll(() => api.close());

beforeEach(() => {
  fake = installFakeWx();
  fake.clock.now = Date.parse('2026-11-22T09:00:00Z');
  connect(fake, api);
});

/** A cold start in a language; the pages opened afterwards share the app's modules, as in one WeChat run. */
async function launch(lang: Lang): Promise<(lang: Lang) => Promise<void>> {
  jest.resetModules();
  const { clock } = await import('../../miniprogram/services/clock');
  fake.bindClock(clock);
  const preferences = await import('../../miniprogram/services/preferences');
  await preferences.switchLanguage(lang);
  return preferences.switchLanguage;
}

/** Opens a page as WeChat does and waits until it shows the text. */
async function open(route: string, query: Record<string, string>, text: string): Promise<Rendered> {
  const page = renderPage(route);
  const lifecycle = page.instance as unknown as Lifecycle;
  lifecycle.onLoad(query);
  lifecycle.onShow();
  await waitFor(
    () => textOf(page).includes(text),
    () => `"${text}" never showed on ${route}: ${textOf(page).slice(0, 200)}`,
  );
  return page;
}

const titles = () => fake.callsTo('setNavigationBarTitle').map((call) => call.title);
const lastTitle = () => titles().at(-1);

test('Home: the brand name, in the language just chosen on it', async () => {
  await launch('zh-CN');
  const home = await open('pages/home/index', {}, '奥克兰');
  expect(lastTitle()).toBe('漫游者');
  home.querySelector('.lang')!.dispatchEvent('tap');
  await waitFor(
    () => lastTitle() === 'Wayfarer',
    () => `the title is still ${lastTitle()}`,
  );
});

test('in English, the ticket catalog, a ticket product and the insurance plans have English titles', async () => {
  await launch('en');
  await open('packages/tickets/pages/catalog/index', {}, 'Sky Tower SkyDeck entry');
  expect(lastTitle()).toBe('Tickets');
  await open('packages/tickets/pages/product/index', { productId: 'sky-tower-skydeck' }, 'Ticket types');
  expect(lastTitle()).toBe('Sky Tower SkyDeck entry');
  await open('packages/insurance/pages/plans/index', {}, 'Overseas travel insurance: Standard (demo)');
  expect(lastTitle()).toBe('Travel insurance');
});

test('a switch retitles only the page in front; the page behind takes its new title when it shows again', async () => {
  const switchLanguage = await launch('zh-CN');
  const product = await open(
    'packages/tickets/pages/product/index',
    { productId: 'sky-tower-skydeck' },
    '票种',
  );
  expect(lastTitle()).toBe('天空塔观景台门票');
  const plans = await open('packages/insurance/pages/plans/index', {}, '境外旅行险·标准型（示例）');
  expect(lastTitle()).toBe('旅行保险');

  fake.calls.length = 0;
  await switchLanguage('en');
  await waitFor(
    () => textOf(plans).includes('Compare plans') && textOf(product).includes('Ticket types'),
    () => 'the pages never re-rendered in English',
  );
  expect(titles()).toEqual(['Travel insurance']);

  // Back to the product.
  (product.instance as unknown as Lifecycle).onShow();
  expect(lastTitle()).toBe('Sky Tower SkyDeck entry');
});
