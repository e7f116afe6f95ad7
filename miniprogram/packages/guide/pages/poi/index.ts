// A POI: photos, both names, hours for the week in destination time, fees, address, directions, phone, the
// audio guide (background audio: it goes on after the page is left) and related tickets. Opened from a
// Moments post it renders from its query alone and leaves out what needs the full app.
import { getDestination, type Destination } from '../../../../api/destination';
import { getPoi, listProductsOfPoi, type Poi } from '../../../../api/guide';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { audioStatus, onAudioStatus, pauseAudio, playAudio, seekAudio } from '../../services/audio';
import { clock } from '../../../../services/clock';
import { refreshPageTitle, showPageTitle } from '../../../../services/page-title';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { openedFromMoments } from '../../../../services/scene';
import { chatCard, momentsPost, pagePath, type Share } from '../../../../domain/share';
import { guideContext } from '../../../../pages/guide/poi-view';
import { audioView, poiView, productViews, type AudioView, type PoiView } from './poi-view';

const PRODUCT_PAGE = '/packages/tickets/pages/product/index';

interface Instance {
  id: string;
  poi?: Poi;
  destination?: Destination;
  destinationName: string;
  products: Parameters<typeof productViews>[0];
  stopAudio?: () => void;
}
const own = instanceState<Instance>(() => ({ id: '', destinationName: '', products: [] }));

function errorText(error: ApiError): string {
  return error.kind === 'http' && error.status === 404 ? t('guide.poiNotFound') : t(errorMessageKey(error));
}

Component({
  behaviors: [i18nBehavior(['common', 'guide'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorText: '',
    retryable: true,
    moments: false,
    view: null as PoiView | null,
    products: [] as ReturnType<typeof productViews>,
    showOther: false,
    audio: null as AudioView | null,
  },
  lifetimes: {
    detached() {
      // Only this page stops listening; the audio itself goes on.
      own(this).stopAudio?.();
    },
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).id = query.id ?? '';
      this.setData({ moments: openedFromMoments() });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return this.data.view?.name ?? '';
    },
    onRetry() {
      void this.load();
    },
    async load() {
      const inst = own(this);
      this.setData({ state: 'loading' });
      const [d, p] = await Promise.all([getDestination(), getPoi(inst.id)]);
      const failed = !p.ok ? p.error : !d.ok ? d.error : undefined;
      if (failed || !p.ok || !d.ok) {
        const error = failed!;
        this.setData({
          state: 'error',
          errorText: errorText(error),
          retryable: !(error.kind === 'http' && error.status === 404),
        });
        return;
      }
      inst.poi = p.data;
      inst.destination = d.data;
      this.render();
      if (this.data.moments) return;
      if (p.data.audioGuide) this.listenToAudio();
      if (p.data.productIds.length) void this.loadProducts();
    },
    render() {
      const inst = own(this);
      const destination = inst.destination!;
      const now = clock.now();
      const ctx = guideContext(destination, now);
      inst.destinationName = ctx.destinationName;
      const view = poiView(inst.poi!, ctx, localDateAt(now, destination.timeZone));
      this.setData({
        state: 'ready',
        view,
        audio: view.audio ? audioView(audioStatus(), view.audio.src, view.audio.durationSec) : null,
      });
      refreshPageTitle(this);
    },
    async loadProducts() {
      const inst = own(this);
      const res = await listProductsOfPoi(inst.id);
      // Tickets are an extra: without them the page is still complete, so a failure just leaves them out.
      if (!res.ok) return;
      inst.products = res.data.items;
      this.setData({ products: productViews(res.data.items) });
    },
    listenToAudio() {
      const inst = own(this);
      inst.stopAudio?.();
      inst.stopAudio = onAudioStatus((status) => {
        const audio = this.data.view?.audio;
        if (!audio) return;
        const next = audioView(status, audio.src, audio.durationSec);
        const shown = this.data.audio;
        // Progress arrives several times a second; the view changes once a second at most.
        if (
          shown &&
          shown.playing === next.playing &&
          shown.waiting === next.waiting &&
          shown.failed === next.failed &&
          shown.positionText === next.positionText &&
          shown.durationText === next.durationText
        )
          return;
        this.setData({ audio: next });
      });
    },
    onAudioToggle() {
      const view = this.data.view;
      if (!view?.audio) return;
      if (this.data.audio?.playing) {
        pauseAudio();
        return;
      }
      playAudio({
        src: view.audio.src,
        title: `${view.name} · ${t('guide.audioGuide')}`,
        singer: own(this).destinationName,
        coverImgUrl: view.photos[0],
      });
    },
    onSeek(e: WechatMiniprogram.SliderChange) {
      const view = this.data.view;
      if (!view?.audio || !this.data.audio?.playing) return;
      const status = audioStatus();
      const duration = status.duration > 0 ? status.duration : view.audio.durationSec;
      seekAudio((e.detail.value / 1000) * duration);
    },
    onPhoto(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { url: string }>) {
      const photos = this.data.view?.photos ?? [];
      wx.previewImage({ current: e.currentTarget.dataset.url, urls: photos, fail: () => undefined });
    },
    onDirections() {
      const view = this.data.view;
      if (!view) return;
      wx.openLocation({
        latitude: view.latitude,
        longitude: view.longitude,
        name: view.name,
        address: view.address,
        scale: 16,
        fail: () => undefined,
      });
    },
    onCall() {
      const phone = this.data.view?.phone;
      if (phone) wx.makePhoneCall({ phoneNumber: phone, fail: () => undefined });
    },
    onToggleDescription() {
      this.setData({ showOther: !this.data.showOther });
    },
    onProduct(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({
        url: pagePath(PRODUCT_PAGE, { productId: e.currentTarget.dataset.id }),
        fail: () => undefined,
      });
    },
    onLanguage() {
      const inst = own(this);
      if (!inst.poi) return;
      this.render();
      this.setData({ products: productViews(inst.products) });
    },
    share(): Share {
      const view = this.data.view;
      return {
        title: view?.shareTitle ?? t('guide.explore'),
        route: '/packages/guide/pages/poi/index',
        params: { id: own(this).id },
        imageUrl: view?.photos[0],
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
