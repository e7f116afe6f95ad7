// One destination event: dates at the destination, whether it is on now, venue, and the way to its place.
// The API lists upcoming events only, so an event that has ended reads as not found.
import { getDestination } from '../../../../api/destination';
import { listEvents } from '../../../../api/guide';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { clock } from '../../../../services/clock';
import { refreshPageTitle, showPageTitle } from '../../../../services/page-title';
import { errorMessageKey } from '../../../../services/result';
import { openedFromMoments } from '../../../../services/scene';
import { chatCard, momentsPost, pagePath, type Share } from '../../../../domain/share';
import { eventView, type EventView } from '../../../../pages/guide/event-view';

const ids = new WeakMap<object, string>();

Component({
  behaviors: [i18nBehavior(['common', 'guide'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    retryable: true,
    moments: false,
    view: null as EventView | null,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      ids.set(this, query.id ?? '');
      this.setData({ moments: openedFromMoments() });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return this.data.view?.title ?? t('guide.events');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [d, events] = await Promise.all([getDestination(), listEvents()]);
      const failed = !d.ok ? d.error : !events.ok ? events.error : undefined;
      if (failed || !d.ok || !events.ok) {
        this.setData({
          state: 'error',
          errorText: failed ? t(errorMessageKey(failed)) : '',
          retryable: true,
        });
        return;
      }
      const event = events.data.items.find((e) => e.id === ids.get(this));
      if (!event) {
        this.setData({ state: 'error', errorText: t('guide.eventNotFound'), retryable: false });
        return;
      }
      this.setData({ state: 'ready', view: eventView(event, localDateAt(clock.now(), d.data.timeZone)) });
      refreshPageTitle(this);
    },
    onLanguage() {
      if (this.data.view) void this.load();
    },
    onPlace() {
      const poiId = this.data.view?.poiId;
      if (poiId && !this.data.moments)
        wx.navigateTo({
          url: pagePath('/packages/guide/pages/poi/index', { id: poiId }),
          fail: () => undefined,
        });
    },
    share(): Share {
      return {
        title: this.pageTitle(),
        route: '/packages/guide/pages/event/index',
        params: { id: ids.get(this) },
        imageUrl: this.data.view?.image,
      };
    },
    onShareAppMessage() {
      return chatCard(this.share());
    },
    onShareTimeline() {
      return momentsPost(this.share());
    },
  },
});
