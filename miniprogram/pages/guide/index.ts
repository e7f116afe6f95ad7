// The guide list: the destination's POIs by category and name, paged by the API's cursor, nearest first when
// the position is known, most popular first otherwise. Only a window of the loaded rows is rendered.
import { getDestination, type Destination } from '../../api/destination';
import { listPois, type PoiSummary } from '../../api/guide';
import { i18nBehavior } from '../../components/behaviors/i18n';
import { findMe, locationBehavior } from '../../components/location-prompt/behavior';
import { brandStyle } from '../../config/brand';
import type { LatLng } from '../../domain/geo';
import { instanceState } from '../../domain/instance-state';
import { localDateAt } from '../../domain/time';
import { t } from '../../i18n/index';
import { clock } from '../../services/clock';
import { showPageTitle } from '../../services/page-title';
import { errorMessageKey } from '../../services/result';
import { openedFromMoments } from '../../services/scene';
import { chatCard, momentsPost, pagePath, type Share } from '../../domain/share';
import { rowWindow } from './list-window';
import { categoryChips, guideContext, poiCard, type GuideContext, type PoiCardView } from './poi-view';

const PAGE_SIZE = 20;
const POI_PAGE = '/packages/guide/pages/poi/index';

type Footer = '' | 'loading' | 'more' | 'end' | 'error';

interface Instance {
  destination?: Destination;
  ctx?: GuideContext;
  today: string;
  pois: PoiSummary[];
  cards: PoiCardView[];
  cursor?: string;
  /** Bumped by every new query, so a late answer to an old one is dropped. */
  generation: number;
  here?: LatLng;
  ready: boolean;
  scrollTop: number;
  window: { start: number; end: number };
  searchText: string;
}
const own = instanceState<Instance>(() => ({
  today: '',
  pois: [],
  cards: [],
  generation: 0,
  ready: false,
  scrollTop: 0,
  window: { start: 0, end: 0 },
  searchText: '',
}));

function windowWidth(): number {
  return wx.getWindowInfo().windowWidth;
}

Component({
  behaviors: [i18nBehavior(['common', 'guide']), locationBehavior],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    moments: false,
    located: false,
    chips: [] as ReturnType<typeof categoryChips>,
    category: '',
    q: '',
    rows: [] as PoiCardView[],
    padTop: 0,
    padBottom: 0,
    footer: '' as Footer,
    empty: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const q = query.q ? decodeURIComponent(query.q) : '';
      own(this).searchText = q;
      this.setData({ category: query.category ?? '', q, moments: openedFromMoments() });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('guide.explore');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const inst = own(this);
      this.setData({ state: 'loading' });
      const d = await getDestination();
      if (!d.ok) {
        this.setData({ state: 'error', errorKey: errorMessageKey(d.error).slice('common.'.length) });
        return;
      }
      inst.destination = d.data;
      this.refreshContext();
      this.setData({ state: 'ready', chips: categoryChips(inst.ctx!, this.data.category) });
      if (!this.data.moments) await findMe(this as never, false);
      inst.ready = true;
      await this.reload();
    },
    refreshContext() {
      const inst = own(this);
      const d = inst.destination!;
      const now = clock.now();
      inst.ctx = guideContext(d, now);
      inst.today = localDateAt(now, d.timeZone);
    },
    onLocated(here: LatLng) {
      const inst = own(this);
      inst.here = here;
      if (inst.ready) void this.reload({ located: true });
      else this.setData({ located: true });
    },
    /** Starts the list over; `change` (the tap's own data) rides in the same setData. */
    async reload(change: Record<string, unknown> = {}) {
      const inst = own(this);
      inst.generation++;
      inst.pois = [];
      inst.cards = [];
      inst.cursor = undefined;
      inst.scrollTop = 0;
      inst.window = { start: 0, end: 0 };
      this.setData({ ...change, rows: [], padTop: 0, padBottom: 0, empty: false, footer: 'loading' });
      wx.pageScrollTo({ scrollTop: 0, duration: 0, fail: () => undefined });
      await this.fetchPage();
    },
    async fetchPage() {
      const inst = own(this);
      const generation = inst.generation;
      const res = await listPois({
        category: this.data.category,
        q: this.data.q,
        near: inst.here,
        cursor: inst.cursor,
        limit: PAGE_SIZE,
      });
      if (generation !== inst.generation) return;
      if (!res.ok) {
        this.setData({ footer: 'error', errorKey: errorMessageKey(res.error).slice('common.'.length) });
        return;
      }
      inst.pois.push(...res.data.items);
      inst.cards.push(...res.data.items.map((p) => poiCard(p, inst.ctx!, inst.today, p.distanceMeters)));
      inst.cursor = res.data.nextCursor;
      this.setData({
        ...this.windowPatch(true),
        footer: inst.cursor ? 'more' : 'end',
        empty: inst.cards.length === 0,
      });
    },
    /** The rows of the window to send; when only more rows joined at its end, only those. */
    windowPatch(grown: boolean): Record<string, unknown> {
      const inst = own(this);
      const w = rowWindow(inst.scrollTop, windowWidth(), inst.cards.length);
      const before = inst.window;
      if (w.start === before.start && w.end === before.end && !grown) return {};
      inst.window = { start: w.start, end: w.end };
      if (w.start === before.start && w.end >= before.end && before.end > before.start) {
        const patch: Record<string, unknown> = { padBottom: w.padBottom };
        for (let i = before.end; i < w.end; i++) patch[`rows[${i - w.start}]`] = inst.cards[i];
        return patch;
      }
      return { rows: inst.cards.slice(w.start, w.end), padTop: w.padTop, padBottom: w.padBottom };
    },
    renderWindow(grown: boolean) {
      const patch = this.windowPatch(grown);
      if (Object.keys(patch).length) this.setData(patch);
    },
    onPageScroll(e: { scrollTop: number }) {
      own(this).scrollTop = e.scrollTop;
      this.renderWindow(false);
    },
    onReachBottom() {
      if (this.data.footer !== 'more') return;
      this.setData({ footer: 'loading' });
      void this.fetchPage();
    },
    onFooter() {
      if (this.data.footer !== 'error') return;
      this.setData({ footer: 'loading' });
      void this.fetchPage();
    },
    onCategory(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const category = e.currentTarget.dataset.id;
      if (category === this.data.category) return;
      void this.reload({ category, chips: categoryChips(own(this).ctx!, category) });
    },
    onSearchInput(e: WechatMiniprogram.Input) {
      own(this).searchText = e.detail.value;
    },
    onSearch() {
      void this.reload({ q: own(this).searchText.trim() });
    },
    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      // A page opened from Moments cannot navigate; its rows are for reading.
      if (this.data.moments) return;
      wx.navigateTo({ url: pagePath(POI_PAGE, { id: e.detail.id }), fail: () => undefined });
    },
    onMap() {
      wx.switchTab({ url: '/pages/map/index', fail: () => undefined });
    },
    onLanguage() {
      const inst = own(this);
      if (!inst.destination) return;
      this.refreshContext();
      inst.cards = inst.pois.map((p) => poiCard(p, inst.ctx!, inst.today, p.distanceMeters));
      this.setData({ chips: categoryChips(inst.ctx!, this.data.category) });
      inst.window = { start: 0, end: 0 };
      this.renderWindow(false);
    },
    /** The list as it is filtered, with the photo of its first place. */
    share(): Share {
      const { ctx, cards } = own(this);
      const category = ctx?.categories.get(this.data.category)?.name;
      const title = !ctx
        ? t('guide.explore')
        : category
          ? t('guide.shareCategory', { destination: ctx.destinationName, category })
          : t('guide.shareExplore', { destination: ctx.destinationName });
      const params = { category: this.data.category, q: this.data.q };
      return { title, route: '/pages/guide/index', params, imageUrl: cards[0]?.photo };
    },
    onShareAppMessage() {
      return chatCard(this.share());
    },
    onShareTimeline() {
      return momentsPost(this.share());
    },
  },
});
