// One destination event: dates at the destination, whether it is on now, venue, and the way to its place.
// The API lists upcoming events only, so an event that has ended reads as not found.
import { getDestination } from '../../../../api/destination';
import { listEvents } from '../../../../api/guide';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { clock } from '../../../../services/clock';
import { errorMessageKey } from '../../../../services/result';
import { eventView, type EventView } from '../../../../pages/guide/event-view';
import { openedFromMoments, pagePath, queryString } from '../../../../pages/guide/share';

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
      const view = eventView(event, localDateAt(clock.now(), d.data.timeZone));
      wx.setNavigationBarTitle({ title: view.title, fail: () => undefined });
      this.setData({ state: 'ready', view });
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
    onShareAppMessage() {
      return {
        title: this.data.view?.title ?? t('guide.events'),
        path: pagePath('/packages/guide/pages/event/index', { id: ids.get(this) }),
        imageUrl: this.data.view?.image,
      };
    },
    onShareTimeline() {
      return {
        title: this.data.view?.title ?? t('guide.events'),
        query: queryString({ id: ids.get(this) }),
        imageUrl: this.data.view?.image,
      };
    },
  },
});
