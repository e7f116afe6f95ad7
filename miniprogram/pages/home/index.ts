// Home: the destination at a glance. Renders state and forwards intents; rules live in home-view.ts.
import { getDestination, type Destination } from '../../api/destination';
import { listEvents, type GuideEvent } from '../../api/guide';
import { i18nBehavior } from '../../components/behaviors/i18n';
import { brand, brandStyle } from '../../config/brand';
import { currentLang, t } from '../../i18n/index';
import { clock } from '../../services/clock';
import { switchLanguage } from '../../services/preferences';
import { errorMessageKey, type Result } from '../../services/result';
import { localDateAt } from '../../domain/time';
import { upcomingEvents, type EventView } from '../guide/event-view';
import { chatCard, pagePath } from '../../domain/share';
import { buildClock, buildHomeView } from './home-view';
import { syncTabBarLanguage } from '../../services/tab-bar';
import { showPageTitle } from '../../services/page-title';
import { instanceState } from '../../domain/instance-state';

const CLOCK_TICK_MS = 30000;
const HOME_EVENTS = 3;

interface Instance {
  destination?: Destination;
  events?: GuideEvent[];
  timer?: number;
}
const own = instanceState<Instance>(() => ({}));

Component({
  behaviors: [i18nBehavior(['common', 'home', 'guide'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    offline: false,
    view: null as ReturnType<typeof buildHomeView> | null,
    clock: null as ReturnType<typeof buildClock> | null,
    events: [] as EventView[],
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      showPageTitle(this);
      syncTabBarLanguage();
      this.tick();
      const inst = own(this);
      if (inst.timer === undefined)
        inst.timer = setInterval(() => this.tick(), CLOCK_TICK_MS) as unknown as number;
    },
    onHide() {
      this.stopClock();
    },
    onUnload() {
      this.stopClock();
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onRetry() {
      void this.load();
    },
    stopClock() {
      const inst = own(this);
      if (inst.timer !== undefined) clearInterval(inst.timer);
      inst.timer = undefined;
    },
    async load() {
      if (!this.data.view) this.setData({ state: 'loading' });
      const first = await getDestination({ onRevalidate: (r) => this.apply(r, true) });
      this.apply(first, false);
      if (first.ok) await this.loadEvents();
    },
    /** Events are an extra on Home: when they cannot load, the section is simply not there. */
    async loadEvents() {
      const res = await listEvents();
      if (!res.ok) return;
      own(this).events = res.data.items;
      this.showEvents();
    },
    showEvents() {
      const { destination, events } = own(this);
      if (!destination || !events) return;
      const today = localDateAt(clock.now(), destination.timeZone);
      this.setData({ events: upcomingEvents(events, today, HOME_EVENTS) });
    },
    onEvent(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      const url = pagePath('/packages/guide/pages/event/index', { id: e.currentTarget.dataset.id });
      wx.navigateTo({ url, fail: () => undefined });
    },
    /** A cached first paint is kept when the revalidation fails; then the offline note shows. */
    apply(result: Result<Destination>, revalidation: boolean) {
      if (result.ok) {
        own(this).destination = result.data;
        this.setData({
          state: 'ready',
          // A cached first paint keeps the current note; any network answer clears it.
          offline: result.fromCache === true ? this.data.offline : false,
          view: buildHomeView(result.data),
          clock: buildClock(clock.now(), result.data.timeZone),
        });
      } else if (this.data.view) {
        if (revalidation) this.setData({ offline: true });
      } else {
        this.setData({ state: 'error', errorKey: errorMessageKey(result.error).slice('common.'.length) });
      }
    },
    tick() {
      const d = own(this).destination;
      if (d) this.setData({ clock: buildClock(clock.now(), d.timeZone) });
    },
    onLanguage() {
      const d = own(this).destination;
      if (d) this.setData({ view: buildHomeView(d), clock: buildClock(clock.now(), d.timeZone) });
      this.showEvents();
    },
    pageTitle(): string {
      return brand.name[currentLang()];
    },
    onToggleLanguage() {
      void switchLanguage(currentLang() === 'zh-CN' ? 'en' : 'zh-CN');
    },
    onCall(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { number: string }>,
    ) {
      wx.makePhoneCall({ phoneNumber: e.currentTarget.dataset.number, fail: () => undefined });
    },
    onOffers() {
      wx.navigateTo({ url: '/packages/coupons/pages/offers/index', fail: () => undefined });
    },
    onBanner(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { link: string }>,
    ) {
      const link = e.currentTarget.dataset.link;
      if (link) wx.navigateTo({ url: link, fail: () => undefined });
    },
    onShareAppMessage() {
      const d = own(this).destination;
      const lang = currentLang();
      return chatCard({
        title: d
          ? t('home.shareTitle', { brand: brand.name[lang], destination: d.name[lang] })
          : brand.name[lang],
        route: '/pages/home/index',
        imageUrl: this.data.view?.banners[0]?.image,
      });
    },
  },
});
