// Catalog: ticket products (all, or those of one POI) with their lowest price and sale state. A deep link with
// ?productId= goes straight to that product.
import { getDestination, type Destination } from '../../../../api/destination';
import { listProducts, type Product } from '../../../../api/products';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brandStyle } from '../../../../config/brand';
import { instanceState } from '../../../../domain/instance-state';
import { chatCard } from '../../../../domain/share';
import { currentLang, t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey } from '../../../../services/result';
import { PAGES, productCard, type ProductCard } from '../../product-view';

const own = instanceState(() => ({
  poiId: undefined as string | undefined,
  products: [] as Product[],
  destination: undefined as Destination | undefined,
}));

Component({
  behaviors: [i18nBehavior(['common', 'tickets'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
    errorKey: '',
    demo: false,
    items: [] as ProductCard[],
  },
  methods: {
    onLoad(query: { poiId?: string; productId?: string }) {
      if (query.productId) {
        wx.redirectTo({ url: `${PAGES.product}?productId=${encodeURIComponent(query.productId)}` });
        return;
      }
      own(this).poiId = query.poiId;
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('tickets.catalogTitle');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const [products, destination] = await Promise.all([listProducts(own(this).poiId), getDestination()]);
      if (!products.ok || !destination.ok) {
        const error = !products.ok ? products.error : !destination.ok ? destination.error : undefined;
        if (error) this.setData({ state: 'error', errorKey: errorMessageKey(error).slice('common.'.length) });
        return;
      }
      Object.assign(own(this), { products: products.data, destination: destination.data });
      this.render();
    },
    render() {
      const { products, destination } = own(this);
      if (!destination) return;
      this.setData({
        state: products.length ? 'ready' : 'empty',
        demo: destination.demo,
        items: products.map((p) => productCard(p, destination.fx)),
      });
    },
    onLanguage() {
      this.render();
    },
    onOpen(e: WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>) {
      wx.navigateTo({ url: `${PAGES.product}?productId=${encodeURIComponent(e.currentTarget.dataset.id)}` });
    },
    /** The same list (one POI's tickets, or all), with the photo of its first product. */
    onShareAppMessage() {
      const { destination, poiId } = own(this);
      return chatCard({
        title: destination
          ? t('tickets.shareCatalog', { destination: destination.name[currentLang()] })
          : t('tickets.catalogTitle'),
        route: PAGES.catalog,
        params: { poiId },
        imageUrl: this.data.items[0]?.image,
      });
    },
  },
});
