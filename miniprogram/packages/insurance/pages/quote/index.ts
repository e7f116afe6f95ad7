// Quote: trip dates at the destination and each traveller's birth date, priced by the server, with the price
// per traveller and how long it is held. Every change is saved to the draft.
import { getDestination } from '../../../../api/destination';
import { createInsuranceQuote, listInsurancePlans, type InsurancePlan } from '../../../../api/insurance';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import {
  newDraft,
  validateQuoteInputs,
  withBirthDate,
  withQuote,
  withQuoteInputs,
  withTravellerAdded,
  withTravellerRemoved,
  type InsuranceDraft,
} from '../../domain/insurance-draft';
import { localDateAt } from '../../../../domain/time';
import { currentLang, t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { saveDraft } from '../../services/draft';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { loadLiveDraft } from '../../live-draft';
import { buildQuoteView, type QuoteView } from './quote-view';
import { brandStyle } from '../../../../config/brand';

interface Instance {
  planId: string;
  plan?: InsurancePlan;
  draft?: InsuranceDraft;
  timeZone: string;
  place: { 'zh-CN': string; en: string };
  showAll: boolean;
  serverErrors: Record<string, string>;
}
const own = instanceState<Instance>(() => ({
  planId: '',
  timeZone: '',
  place: { 'zh-CN': '', en: '' },
  showAll: false,
  serverErrors: {},
}));

type Change = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { index?: number }>;
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { index: number }>;

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    message: '',
    view: null as QuoteView | null,
    quoting: false,
    notice: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).planId = query.planId ?? '';
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('insurance.title');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const inst = own(this);
      const [plans, destination, saved] = await Promise.all([
        listInsurancePlans(),
        getDestination(),
        inst.draft ? Promise.resolve(inst.draft) : loadLiveDraft(),
      ]);
      if (!plans.ok) return this.showError(plans.error);
      if (!destination.ok) return this.showError(destination.error);
      inst.plan = plans.data.find((p) => p.id === inst.planId);
      if (!inst.plan) {
        this.setData({ state: 'ready', view: null, notice: t('insurance.planGone') });
        return;
      }
      inst.timeZone = destination.data.timeZone;
      inst.place = destination.data.name;
      // Choosing another plan keeps the trip and the travellers already entered.
      inst.draft = saved ? withQuoteInputs(saved, { planId: inst.planId }) : newDraft(inst.planId);
      this.render();
    },
    showError(error: ApiError) {
      this.setData({ state: 'error', message: t(errorMessageKey(error)) });
    },
    today(): string {
      return localDateAt(clock.now(), own(this).timeZone);
    },
    render() {
      const inst = own(this);
      if (!inst.plan || !inst.draft) return;
      this.setData({
        state: 'ready',
        view: buildQuoteView(inst.draft, {
          plan: inst.plan,
          today: this.today(),
          place: inst.place[currentLang()],
          now: clock.now(),
          showAll: inst.showAll,
          serverErrors: inst.serverErrors,
        }),
      });
    },
    onLanguage() {
      this.render();
    },
    update(draft: InsuranceDraft, clearsServerError?: string) {
      const inst = own(this);
      inst.draft = draft;
      if (clearsServerError) delete inst.serverErrors[clearsServerError];
      void saveDraft(draft);
      this.setData({ notice: '' });
      this.render();
    },
    onStartChange(e: Change) {
      const draft = own(this).draft;
      if (draft) this.update(withQuoteInputs(draft, { startDate: e.detail.value }), 'startDate');
    },
    onEndChange(e: Change) {
      const draft = own(this).draft;
      if (draft) this.update(withQuoteInputs(draft, { endDate: e.detail.value }), 'endDate');
    },
    onBirthChange(e: Change) {
      const draft = own(this).draft;
      const index = Number(e.currentTarget.dataset.index);
      if (draft) this.update(withBirthDate(draft, index, e.detail.value), `travellers[${index}].birthDate`);
    },
    onAdd() {
      const draft = own(this).draft;
      if (draft) this.update(withTravellerAdded(draft));
    },
    onRemove(e: Tap) {
      const draft = own(this).draft;
      own(this).serverErrors = {};
      if (draft) this.update(withTravellerRemoved(draft, Number(e.currentTarget.dataset.index)));
    },
    async onQuote() {
      const inst = own(this);
      const { draft, plan } = inst;
      if (!draft || !plan || this.data.quoting) return;
      if (validateQuoteInputs(draft, { today: this.today(), plan }).length > 0) {
        inst.showAll = true;
        this.render();
        return;
      }
      this.setData({ quoting: true, notice: '' });
      const res = await createInsuranceQuote({
        planId: plan.id,
        startDate: draft.startDate,
        endDate: draft.endDate,
        travellers: draft.birthDates.map((birthDate) => ({ birthDate })),
      });
      this.setData({ quoting: false });
      if (res.ok) {
        inst.serverErrors = {};
        this.update(withQuote(inst.draft ?? draft, res.data));
        return;
      }
      const { error } = res;
      if (error.kind === 'http' && error.status === 400 && error.field) {
        inst.serverErrors = { [error.field]: 'server' };
        inst.showAll = true;
        this.render();
      } else if (error.kind === 'http' && error.status === 404) {
        this.setData({ notice: t('insurance.planGone') });
      } else {
        this.setData({ notice: t(errorMessageKey(error)) });
      }
    },
    onContinue() {
      wx.navigateTo({ url: '/packages/insurance/pages/travellers/index' });
    },
  },
});
