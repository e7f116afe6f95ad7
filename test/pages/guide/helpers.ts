// What the guide's page tests share: opening a page as WeChat would, waiting on it, and changing what the dev
// API answers (a POI source larger than the demo data).
import type { components } from '../../../typings/api';
import type { FakeRequest, FakeResponse, FakeWx } from '../../support/fake-wx';
import { recordSetData, type SetDataRecorder } from '../../support/set-data';
import { renderPage, textOf, type Rendered } from '../../support/simulate';

type PoiSummary = components['schemas']['PoiSummary'];

export interface OpenedPage<M> {
  page: Rendered;
  methods: M;
  setData: SetDataRecorder;
}

/** A cold start of the app's modules (storage persists), then the page loaded and its onLoad called. */
export async function openPage<M extends { onLoad(query: Record<string, string>): void }>(
  fake: FakeWx,
  route: string,
  query: Record<string, string> = {},
): Promise<OpenedPage<M>> {
  jest.resetModules();
  const { clock } = await import('../../../miniprogram/services/clock');
  fake.bindClock(clock);
  await (await import('../../../miniprogram/services/preferences')).restoreLanguage();
  (await import('../../../miniprogram/services/privacy')).installPrivacyHandler();
  const page = renderPage(route);
  const setData = recordSetData(page);
  const methods = page.instance as unknown as M;
  methods.onLoad(query);
  return { page, methods, setData };
}

/** Waits until a condition on the page holds (real HTTP to the dev API takes a few ms). */
export async function until(
  check: () => boolean,
  what: string,
  page?: Rendered,
  timeoutMs = 5000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) {
      throw new Error(
        `timed out waiting for ${what}${page ? `; the page shows: ${textOf(page).slice(0, 400)}` : ''}`,
      );
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

/**
 * Lets a test change what the real dev API answers (a field the demo data lacks), or answer a path itself:
 * `patch` gets each request and the server's response (undefined when `answer` handled it).
 */
export function alterResponses(
  fake: FakeWx,
  patch: (req: FakeRequest, res: FakeResponse) => FakeResponse,
  answer: (req: FakeRequest) => FakeResponse | undefined = () => undefined,
): void {
  fake.net.handler = async (req) => answer(req) ?? patch(req, await fake.fromServer(req));
}

/**
 * Serves GET /v1/pois from a given list (cursor = offset), everything else from the real server: for the
 * performance checks that need hundreds of POIs where the demo destination has a few dozen.
 */
export function servePois(fake: FakeWx, pois: PoiSummary[]): void {
  alterResponses(
    fake,
    (_, res) => res,
    (req) => {
      const url = new URL(req.url);
      if (url.pathname !== '/v1/pois') return undefined;
      const offset = Number(url.searchParams.get('cursor') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 20);
      const items = pois.slice(offset, offset + limit);
      const next = offset + items.length;
      return { status: 200, data: { items, ...(next < pois.length && { nextCursor: String(next) }) } };
    },
  );
}

/** Counts the rendered tree's element nodes, custom components' hosts and insides included. */
export function nodeCount(page: Rendered): number {
  return (page.dom as Element).querySelectorAll('*').length + 1;
}
