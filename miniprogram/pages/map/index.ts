// The Map tab: every POI as a clustered marker, coloured by category; a card carousel kept in step with the
// selected marker both ways; a category filter, "near me" and the way to the list. Filtering and ordering
// happen here on the client (domain/poi-filter), over every POI loaded once.
import { getDestination, type Destination } from '../../api/destination';
import { listAllPois, type PoiSummary } from '../../api/guide';
import { i18nBehavior } from '../../components/behaviors/i18n';
import { findMe, locationBehavior } from '../../components/location-prompt/behavior';
import { brandStyle } from '../../config/brand';
import { toGcj02, type LatLng } from '../../domain/geo';
import { instanceState } from '../../domain/instance-state';
import { selectPois, type Ranked } from '../../domain/poi-filter';
import { localDateAt } from '../../domain/time';
import { t } from '../../i18n/index';
import { clock } from '../../services/clock';
import { errorMessageKey } from '../../services/result';
import { categoryChips, guideContext, poiCard, type GuideContext, type PoiCardView } from '../guide/poi-view';
import { chatCard, pagePath } from '../../domain/share';
import { CAROUSEL_SIZE, SELECTED_Z, carouselStart, chunkedUpdate, marker, pinPath } from './map-view';
import { syncTabBarLanguage } from '../../services/tab-bar';
import { showPageTitle } from '../../services/page-title';

const MAP_ID = 'poi-map';
/** Room for the chips above and the carousel below when fitting points. */
const FIT_PADDING = [120, 40, 300, 40];
const NEAREST_SHOWN = 5;

interface Instance {
  destination?: Destination;
  ctx?: GuideContext;
  today: string;
  all: PoiSummary[];
  visible: Ranked<PoiSummary>[];
  /** Marker id (index in `all`) -> position in `visible` (and in the markers array). */
  positionOf: Map<number, number>;
  markerIdOf: Map<string, number>;
  selected: number;
  cardStart: number;
  here?: LatLng;
  ready: boolean;
  map?: WechatMiniprogram.MapContext;
}
const own = instanceState<Instance>(() => ({
  today: '',
  all: [],
  visible: [],
  positionOf: new Map(),
  markerIdOf: new Map(),
  selected: -1,
  cardStart: 0,
  ready: false,
}));

const point = (p: PoiSummary) => {
  const g = toGcj02(p.location);
  return { latitude: g.lat, longitude: g.lng };
};

Component({
  behaviors: [i18nBehavior(['common', 'guide']), locationBehavior],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    located: false,
    chips: [] as ReturnType<typeof categoryChips>,
    category: '',
    countText: '',
    center: { latitude: 0, longitude: 0 },
    markers: [] as ReturnType<typeof marker>[],
    selectedId: '',
    cards: [] as PoiCardView[],
    cardIndex: 0,
  },
  methods: {
    onShow() {
      showPageTitle(this);
      syncTabBarLanguage();
    },
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ category: query.category ?? '', selectedId: query.id ?? '' });
      void this.load();
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const inst = own(this);
      this.setData({ state: 'loading' });
      const [d, pois] = await Promise.all([getDestination(), listAllPois()]);
      const failed = !d.ok ? d.error : !pois.ok ? pois.error : undefined;
      if (failed || !d.ok || !pois.ok) {
        this.setData({
          state: 'error',
          errorKey: failed ? errorMessageKey(failed).slice('common.'.length) : '',
        });
        return;
      }
      inst.destination = d.data;
      inst.all = pois.data;
      inst.markerIdOf = new Map(pois.data.map((p, i) => [p.id, i]));
      this.refreshContext();
      const first = pois.data[0];
      this.setData({
        state: 'ready',
        chips: categoryChips(inst.ctx!, this.data.category),
        center: first ? point(first) : this.data.center,
      });
      await findMe(this as never, false);
      inst.ready = true;
      this.applyFilter(this.data.selectedId);
      this.fit();
    },
    refreshContext() {
      const inst = own(this);
      const now = clock.now();
      inst.ctx = guideContext(inst.destination!, now);
      inst.today = localDateAt(now, inst.destination!.timeZone);
    },
    mapContext(): WechatMiniprogram.MapContext {
      const inst = own(this);
      if (!inst.map) {
        inst.map = wx.createMapContext(MAP_ID, this);
        inst.map.initMarkerCluster({ enableDefaultStyle: true, zoomOnClick: true, gridSize: 60 });
      }
      return inst.map;
    },
    /** Fits the map to the visible POIs, or to the user and the nearest few once located. */
    fit() {
      const inst = own(this);
      const pois = inst.here ? inst.visible.slice(0, NEAREST_SHOWN) : inst.visible;
      const points = pois.map((r) => point(r.poi));
      if (inst.here) points.push({ latitude: inst.here.lat, longitude: inst.here.lng });
      if (points.length) this.mapContext().includePoints({ points, padding: FIT_PADDING });
    },
    toneOf(p: PoiSummary): number {
      return own(this).ctx!.categories.get(p.category)?.tone ?? 0;
    },
    cardsFrom(start: number): PoiCardView[] {
      const inst = own(this);
      return inst.visible
        .slice(start, start + CAROUSEL_SIZE)
        .map((r) => poiCard(r.poi, inst.ctx!, inst.today, r.distance));
    },
    /** Recomputes the visible set; sends the markers in budget-sized payloads. */
    applyFilter(preferredId: string) {
      const inst = own(this);
      inst.visible = selectPois(inst.all, { category: this.data.category, near: inst.here });
      inst.positionOf = new Map(inst.visible.map((r, i) => [inst.markerIdOf.get(r.poi.id)!, i]));
      const wanted = inst.visible.findIndex((r) => r.poi.id === preferredId);
      inst.selected = inst.visible.length ? Math.max(0, wanted) : -1;
      inst.cardStart = carouselStart(Math.max(0, inst.selected), inst.visible.length, 0);
      const markers = inst.visible.map((r, i) =>
        marker(inst.markerIdOf.get(r.poi.id)!, r.poi.location, this.toneOf(r.poi), i === inst.selected),
      );
      const base = {
        selectedId: inst.visible[inst.selected]?.poi.id ?? '',
        cards: this.cardsFrom(inst.cardStart),
        cardIndex: Math.max(0, inst.selected - inst.cardStart),
        countText: t('guide.placeCount', { n: inst.visible.length }),
      };
      for (const payload of chunkedUpdate(base, 'markers', markers)) this.setData(payload);
    },
    /** Moves the selection; sends only what changed: two markers' icons, the id, the carousel index. */
    select(position: number, from: 'marker' | 'card') {
      const inst = own(this);
      const previous = inst.selected;
      const next = inst.visible[position];
      if (position === previous || !next) return;
      inst.selected = position;
      const patch: Record<string, unknown> = { selectedId: next.poi.id };
      const before = inst.visible[previous];
      if (before) {
        patch[`markers[${previous}].iconPath`] = pinPath(this.toneOf(before.poi), false);
        patch[`markers[${previous}].zIndex`] = 0;
      }
      patch[`markers[${position}].iconPath`] = pinPath(this.toneOf(next.poi), true);
      patch[`markers[${position}].zIndex`] = SELECTED_Z;
      const start = carouselStart(position, inst.visible.length, inst.cardStart);
      if (start !== inst.cardStart) {
        inst.cardStart = start;
        patch.cards = this.cardsFrom(start);
      }
      patch.cardIndex = position - start;
      this.setData(patch);
      if (from === 'card') this.mapContext().moveToLocation(point(next.poi));
    },
    onMarkerTap(e: { detail: { markerId: number } }) {
      const position = own(this).positionOf.get(Number(e.detail.markerId));
      if (position !== undefined) this.select(position, 'marker');
    },
    onCardChange(e: WechatMiniprogram.SwiperChange) {
      // Only the user's swipes; a change the page made itself is already in step.
      if (e.detail.source !== 'touch') return;
      const id = this.data.cards[e.detail.current]?.id;
      const position = own(this).visible.findIndex((r) => r.poi.id === id);
      if (position >= 0) this.select(position, 'card');
    },
    onCategory(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>,
    ) {
      const category = e.currentTarget.dataset.id;
      if (category === this.data.category) return;
      this.setData({ category, chips: categoryChips(own(this).ctx!, category) });
      this.applyFilter(this.data.selectedId);
      this.fit();
    },
    onLocated(here: LatLng) {
      const inst = own(this);
      inst.here = here;
      this.setData({ located: true });
      if (!inst.ready) return;
      // Nearest first: the carousel starts at the closest place.
      this.applyFilter('');
      this.fit();
    },
    onOpen(e: WechatMiniprogram.CustomEvent<{ id: string }>) {
      wx.navigateTo({
        url: pagePath('/packages/guide/pages/poi/index', { id: e.detail.id }),
        fail: () => undefined,
      });
    },
    onList() {
      wx.navigateTo({
        url: pagePath('/pages/guide/index', { category: this.data.category }),
        fail: () => undefined,
      });
    },
    onLanguage() {
      const inst = own(this);
      if (!inst.destination) return;
      this.refreshContext();
      this.setData({
        chips: categoryChips(inst.ctx!, this.data.category),
        cards: this.cardsFrom(inst.cardStart),
        countText: t('guide.placeCount', { n: inst.visible.length }),
      });
    },
    pageTitle(): string {
      return t('guide.map');
    },
    /** No image: the card shows the map as the sharer sees it. */
    onShareAppMessage() {
      const ctx = own(this).ctx;
      return chatCard({
        title: ctx ? t('guide.shareMap', { destination: ctx.destinationName }) : t('guide.map'),
        route: '/pages/map/index',
        params: { category: this.data.category, id: this.data.selectedId },
      });
    },
  },
});
