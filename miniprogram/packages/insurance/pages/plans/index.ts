// Insurance plans side by side, the way into a quote, the application in progress and the user's policies.
import { listInsurancePlans, type InsurancePlan } from '../../../../api/insurance';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import { chatCard } from '../../../../domain/share';
import type { InsuranceDraft } from '../../domain/insurance-draft';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { errorMessageKey, type Result } from '../../../../services/result';
import { loadLiveDraft } from '../../live-draft';
import { buildDraftCard, buildPlansView } from './plans-view';
import { brandStyle } from '../../../../config/brand';

interface Instance {
  plans?: InsurancePlan[];
  draft?: InsuranceDraft;
}
const own = instanceState<Instance>(() => ({}));

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    errorKey: '',
    view: null as ReturnType<typeof buildPlansView> | null,
    draft: null as ReturnType<typeof buildDraftCard>,
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      showPageTitle(this);
      // The draft changes on other pages (and disappears after a purchase).
      if (own(this).plans) void this.refreshDraft();
    },
    pageTitle(): string {
      return t('insurance.title');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      if (!this.data.view) this.setData({ state: 'loading' });
      const [first] = await Promise.all([
        listInsurancePlans({ onRevalidate: (r) => this.apply(r) }),
        this.readDraft(),
      ]);
      this.apply(first);
    },
    async readDraft() {
      own(this).draft = await loadLiveDraft();
    },
    async refreshDraft() {
      await this.readDraft();
      this.setData({ draft: buildDraftCard(own(this).draft, own(this).plans ?? []) });
    },
    apply(result: Result<InsurancePlan[]>) {
      if (result.ok) {
        own(this).plans = result.data;
        this.render();
      } else if (!this.data.view) {
        this.setData({ state: 'error', errorKey: errorMessageKey(result.error).slice('common.'.length) });
      }
    },
    render() {
      const { plans = [], draft } = own(this);
      this.setData({ state: 'ready', view: buildPlansView(plans), draft: buildDraftCard(draft, plans) });
    },
    onLanguage() {
      if (own(this).plans) this.render();
    },
    onChoose(e: Tap) {
      wx.navigateTo({
        url: `/packages/insurance/pages/quote/index?planId=${encodeURIComponent(e.currentTarget.dataset.id)}`,
      });
    },
    onContinue() {
      wx.navigateTo({ url: '/packages/insurance/pages/travellers/index' });
    },
    onPolicies() {
      wx.navigateTo({ url: '/packages/insurance/pages/policies/index' });
    },
    /** No image: the card shows the comparison itself. The sharer's application stays theirs. */
    onShareAppMessage() {
      return chatCard({ title: t('insurance.shareTitle'), route: '/packages/insurance/pages/plans/index' });
    },
  },
});
