// Product detail: photos, description, ticket types with their rules, validity and refund policy. Opened from a
// Moments post it renders from its query alone; booking waits for the full app.
import { getDestination, type Destination } from '../../../../api/destination';
import { getProduct, type Product } from '../../../../api/products';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { chatCard, momentsPost, type Share } from '../../../../domain/share';
import { t } from '../../../../i18n/index';
import { refreshPageTitle, showPageTitle } from '../../../../services/page-title';
import { errorMessageKey } from '../../../../services/result';
import { openedFromMoments } from '../../../../services/scene';
import { PAGES, productDetail, type ProductDetail } from '../../product-view';

const own = instanceState(() => ({
  productId: '',
  product: undefined as Product | undefined,
  destination: undefined as Destination | undefined,
}));

Component({
  behaviors: [i18nBehavior(['common', 'tickets'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    moments: false,
    view: null as ProductDetail | null,
  },
  methods: {
    onLoad(query: { productId?: string }) {
      own(this).productId = query.productId ?? '';
      this.setData({ moments: openedFromMoments() });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return this.data.view?.title ?? t('tickets.catalogTitle');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [product, destination] = await Promise.all([getProduct(own(this).productId), getDestination()]);
      if (!product.ok) return this.fail(product.error);
      if (!destination.ok) return this.fail(destination.error);
      Object.assign(own(this), { product: product.data, destination: destination.data });
      this.render();
    },
    fail(error: Parameters<typeof errorMessageKey>[0]) {
      this.setData({ state: 'error', errorKey: errorMessageKey(error).slice('common.'.length) });
    },
    render() {
      const { product, destination } = own(this);
      if (!product || !destination) return;
      this.setData({ state: 'ready', view: productDetail(product, destination.fx) });
      refreshPageTitle(this);
    },
    onLanguage() {
      this.render();
    },
    onPreview(
      e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { src: string }>,
    ) {
      const urls = this.data.view?.images ?? [];
      wx.previewImage({ urls, current: e.currentTarget.dataset.src });
    },
    onBook() {
      if (!this.data.view || this.data.view.soldOut || this.data.moments) return;
      wx.navigateTo({ url: `${PAGES.book}?productId=${encodeURIComponent(own(this).productId)}` });
    },
    share(): Share {
      const view = this.data.view;
      return {
        title: this.pageTitle(),
        route: PAGES.product,
        params: { productId: own(this).productId },
        imageUrl: view?.images[0],
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
