// Shared by the Me page tests: a cold start of the app's modules (storage kept, as when WeChat relaunches the
// app) with the launch-time wiring of app.ts that the Me tab relies on, then pages opened as WeChat would.
import type { FakeWx } from '../../support/fake-wx';
import { renderPage, settle, textOf, type Rendered } from '../../support/simulate';

type Lifecycle = { onLoad?(query: Record<string, string>): void; onShow?(): void };

export const ME = 'pages/me/index';

/** A fresh module registry over the fake: language restored, privacy handler and tab bar language installed. */
export async function launch(fake: FakeWx): Promise<void> {
  jest.resetModules();
  const { clock } = await import('../../../miniprogram/services/clock');
  fake.bindClock(clock);
  (await import('../../../miniprogram/services/privacy')).installPrivacyHandler();
  (await import('../../../miniprogram/services/tab-bar')).installTabBarLanguage();
  await (await import('../../../miniprogram/services/preferences')).restoreLanguage();
}

export async function open(route: string): Promise<Rendered> {
  const page = renderPage(route);
  const methods = page.instance as unknown as Lifecycle;
  methods.onLoad?.({});
  methods.onShow?.();
  await settle();
  return page;
}

export function tap(page: Rendered, selector: string, event = 'tap'): void {
  const node = page.querySelector(selector);
  if (!node) throw new Error(`no ${selector} on the page; it shows: ${textOf(page).slice(0, 300)}`);
  node.dispatchEvent(event);
}

export async function until(check: () => boolean, what: string, page?: Rendered): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${what}${page ? `; the page shows: ${textOf(page).slice(0, 400)}` : ''}`,
      );
    await settle(10);
  }
}

/** The text of each hub entry, e.g. "我的电子票 2 张可用 ›". */
export function entries(page: Rendered): string[] {
  return ['tickets', 'orders', 'coupons', 'policies'].map((id) => textOf(page, `.entry-${id}`));
}
