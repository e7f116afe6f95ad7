// A plan's terms, sanitized before <rich-text> sees them. Opened from an application (accept=1), it records
// the accepted version in the draft; the purchase sends that version.
import { listInsurancePlans, type InsurancePlan } from '../../../../api/insurance';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import { sanitizeHtml } from '../../domain/sanitize-html';
import { currentLang, t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { loadDraft, saveDraft } from '../../services/draft';
import { errorMessageKey } from '../../../../services/result';
import { brandStyle } from '../../../../config/brand';

interface Instance {
  planId: string;
  plan?: InsurancePlan;
}
const own = instanceState<Instance>(() => ({ planId: '' }));

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    message: '',
    canAccept: false,
    title: '',
    version: '',
    nodes: [] as ReturnType<typeof sanitizeHtml>,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).planId = query.planId ?? '';
      this.setData({ canAccept: query.accept === '1' });
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('insurance.termsTitle');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      // Not from the cache: the version accepted here must be the current one.
      const plans = await listInsurancePlans();
      if (!plans.ok) return this.setData({ state: 'error', message: t(errorMessageKey(plans.error)) });
      own(this).plan = plans.data.find((p) => p.id === own(this).planId);
      if (!own(this).plan) return this.setData({ state: 'error', message: t('insurance.planGone') });
      this.render();
    },
    render() {
      const plan = own(this).plan;
      if (!plan) return;
      const lang = currentLang();
      this.setData({
        state: 'ready',
        title: plan.name[lang],
        version: t('insurance.version', { version: plan.termsVersion }),
        nodes: sanitizeHtml(plan.termsHtml[lang]),
      });
    },
    onLanguage() {
      this.render();
    },
    async onAccept() {
      const plan = own(this).plan;
      const draft = await loadDraft();
      if (plan && draft && draft.planId === plan.id) {
        await saveDraft({ ...draft, acceptedTermsVersion: plan.termsVersion });
      }
      wx.navigateBack({ delta: 1 });
    },
  },
});
