// Travellers: one form per quoted traveller, the policyholder, the terms, then purchase and payment. Every
// keystroke goes to the encrypted draft; nothing is sent until every field is valid and the terms are accepted.
import { getDestination } from '../../../../api/destination';
import {
  createInsuranceQuote,
  createInsurancePolicy,
  listInsurancePlans,
  type InsurancePlan,
} from '../../../../api/insurance';
import { payForOrder, type Order } from '../../../../api/orders';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import {
  policyRequest,
  validateApplication,
  withHolderField,
  withPurchaseKey,
  withPurchaseOrder,
  withQuote,
  withTravellerField,
  type HolderField,
  type InsuranceDraft,
  type TravellerField,
} from '../../domain/insurance-draft';
import { localDateAt } from '../../../../domain/time';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { clearDraft, loadDraft, saveDraft } from '../../services/draft';
import { newIdempotencyKey } from '../../../../services/http';
import type { PayOutcome } from '../../../../services/payment';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { loadLiveDraft } from '../../live-draft';
import {
  buildHolderView,
  buildTermsView,
  buildTravellersView,
  buildTravellerView,
  type TravellersContext,
  type TravellersView,
} from './travellers-view';
import { brandStyle } from '../../../../config/brand';

/** The ticket flow's result page (orders package): paid, cancelled with pay-again, failed, confirming. */
const RESULT_PAGE = '/packages/orders/pages/result/index';

interface Instance {
  plan?: InsurancePlan;
  draft?: InsuranceDraft;
  timeZone: string;
  touched: Record<string, true>;
  showAll: boolean;
  serverErrors: Record<string, string>;
  paying: boolean;
}
const own = instanceState<Instance>(() => ({
  timeZone: '',
  touched: {},
  showAll: false,
  serverErrors: {},
  paying: false,
}));

type FieldData = { index?: number; field: string; value?: string };
type Input = WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, FieldData>;
type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, FieldData>;

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
    message: '',
    view: null as TravellersView | null,
    paying: false,
    notice: '',
  },
  methods: {
    onLoad() {
      void this.load();
    },
    onShow() {
      showPageTitle(this);
      // Back from the terms page: take the acceptance it stored.
      if (own(this).draft) void this.syncTerms();
    },
    pageTitle(): string {
      return t('insurance.title');
    },
    onRetry() {
      if (this.data.state === 'empty') {
        wx.redirectTo({ url: '/packages/insurance/pages/plans/index' });
      } else void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const inst = own(this);
      const [draft, plans, destination] = await Promise.all([
        loadLiveDraft(),
        listInsurancePlans(),
        getDestination(),
      ]);
      if (!draft?.quote) return this.setData({ state: 'empty', message: t('insurance.noDraft') });
      if (!plans.ok) return this.showError(plans.error);
      if (!destination.ok) return this.showError(destination.error);
      inst.plan = plans.data.find((p) => p.id === draft.planId);
      if (!inst.plan) return this.setData({ state: 'empty', message: t('insurance.planGone') });
      inst.draft = draft;
      inst.timeZone = destination.data.timeZone;
      this.renderAll();
    },
    showError(error: ApiError) {
      this.setData({ state: 'error', message: t(errorMessageKey(error)) });
    },
    context(): TravellersContext {
      const inst = own(this);
      if (!inst.plan) throw new Error('no plan');
      return {
        plan: inst.plan,
        today: localDateAt(clock.now(), inst.timeZone),
        now: clock.now(),
        touched: inst.touched,
        showAll: inst.showAll,
        serverErrors: inst.serverErrors,
      };
    },
    renderAll() {
      const { draft } = own(this);
      if (draft?.quote) this.setData({ state: 'ready', view: buildTravellersView(draft, this.context()) });
    },
    onLanguage() {
      this.renderAll();
    },
    /** Stores the change and sends only the part of the view it touched. */
    change(draft: InsuranceDraft, path: string, index: number | undefined) {
      const inst = own(this);
      inst.draft = draft;
      delete inst.serverErrors[path];
      void saveDraft(draft);
      this.renderPart(index);
    },
    renderPart(index: number | undefined) {
      const { draft } = own(this);
      if (!draft || !this.data.view) return;
      if (index === undefined) this.setData({ 'view.holder': buildHolderView(draft, this.context()) });
      else this.setData({ [`view.travellers[${index}]`]: buildTravellerView(draft, index, this.context()) });
    },
    onTravellerInput(e: Input) {
      const { index, field } = e.currentTarget.dataset;
      const draft = own(this).draft;
      if (!draft || index === undefined) return;
      const next = withTravellerField(draft, Number(index), field as TravellerField, e.detail.value);
      this.change(next, `travellers[${index}].${field}`, Number(index));
    },
    onTravellerChoice(e: Tap) {
      const { index, field, value = '' } = e.currentTarget.dataset;
      const draft = own(this).draft;
      if (!draft || index === undefined) return;
      const path = `travellers[${index}].${field}`;
      own(this).touched[path] = true;
      this.change(
        withTravellerField(draft, Number(index), field as TravellerField, value),
        path,
        Number(index),
      );
    },
    onTravellerBlur(e: Input) {
      const { index, field } = e.currentTarget.dataset;
      own(this).touched[`travellers[${index}].${field}`] = true;
      this.renderPart(Number(index));
    },
    onHolderInput(e: Input) {
      const { field } = e.currentTarget.dataset;
      const draft = own(this).draft;
      if (draft)
        this.change(
          withHolderField(draft, field as HolderField, e.detail.value),
          `holder.${field}`,
          undefined,
        );
    },
    onHolderBlur(e: Input) {
      own(this).touched[`holder.${e.currentTarget.dataset.field}`] = true;
      this.renderPart(undefined);
    },
    onTerms() {
      const { plan } = own(this);
      if (plan) wx.navigateTo({ url: `/packages/insurance/pages/terms/index?planId=${plan.id}&accept=1` });
    },
    onChangeQuote() {
      const { plan } = own(this);
      if (plan) wx.navigateTo({ url: `/packages/insurance/pages/quote/index?planId=${plan.id}` });
    },
    async syncTerms() {
      const inst = own(this);
      const saved = await loadDraft();
      if (!inst.draft || !inst.plan || saved?.acceptedTermsVersion === inst.draft.acceptedTermsVersion)
        return;
      inst.draft = { ...inst.draft, acceptedTermsVersion: saved?.acceptedTermsVersion };
      this.setData({ 'view.terms': buildTermsView(inst.draft, this.context()) });
    },
    /** Prices the same trip and travellers again (the quote expired or vanished). */
    async refreshQuote(): Promise<boolean> {
      const inst = own(this);
      const quote = inst.draft?.quote;
      if (!inst.draft || !quote) return false;
      const res = await createInsuranceQuote({
        planId: quote.planId,
        startDate: quote.startDate,
        endDate: quote.endDate,
        travellers: quote.perTraveller.map((p) => ({ birthDate: p.birthDate })),
      });
      if (!res.ok) {
        this.setData({ notice: t(errorMessageKey(res.error)) });
        return false;
      }
      inst.draft = withQuote(inst.draft, res.data);
      await saveDraft(inst.draft);
      this.renderAll();
      return true;
    },
    onRefreshQuote() {
      this.setData({ notice: '' });
      void this.refreshQuote();
    },
    setPaying(paying: boolean) {
      own(this).paying = paying;
      this.setData({ paying });
    },
    async onPay() {
      const inst = own(this);
      const { draft, plan } = inst;
      if (!draft?.quote || !plan || inst.paying) return;
      const ctx = this.context();
      const app = validateApplication(draft, { today: ctx.today, tripStart: draft.quote.startDate, plan });
      if (!app.ok || draft.acceptedTermsVersion !== plan.termsVersion) {
        inst.showAll = true;
        this.renderAll();
        wx.showToast({ title: t('insurance.fixErrors'), icon: 'none' });
        return;
      }
      this.setData({ notice: '' });
      if (Date.parse(draft.quote.expiresAt) <= clock.now()) {
        this.renderAll();
        return;
      }
      const body = policyRequest(draft.quote.id, app.value, plan.termsVersion);
      const keyed = withPurchaseKey(draft, body, newIdempotencyKey);
      inst.draft = keyed;
      this.setPaying(true);
      // The key is stored before the request, so a retry after an app kill replays the same order.
      await saveDraft(keyed);
      const created = await createInsurancePolicy(body, keyed.purchase.key);
      if (!created.ok) {
        this.setPaying(false);
        await this.purchaseRefused(created.error);
        return;
      }
      inst.draft = withPurchaseOrder(keyed, created.data.id);
      await saveDraft(inst.draft);
      await this.afterPayment(created.data, await payForOrder(created.data.id));
    },
    async purchaseRefused(error: ApiError) {
      const inst = own(this);
      if (
        error.kind === 'http' &&
        (error.status === 410 || (error.status === 404 && error.field === 'quoteId'))
      ) {
        if (await this.refreshQuote()) this.setData({ notice: t('insurance.quoteRefreshed') });
      } else if (error.kind === 'http' && error.code === 'TERMS_VERSION_MISMATCH') {
        // Newer terms: with the current plan, the old acceptance no longer counts and must be given again.
        const plans = await listInsurancePlans();
        const current = plans.ok ? plans.data.find((p) => p.id === inst.plan?.id) : undefined;
        if (current) inst.plan = current;
        this.setData({ notice: t('insurance.termsChanged') });
        this.renderAll();
      } else if (error.kind === 'http' && error.status === 400 && error.field) {
        inst.serverErrors[error.field] = 'server';
        inst.showAll = true;
        this.renderAll();
        wx.showToast({ title: t('insurance.fixErrors'), icon: 'none' });
      } else {
        if (error.kind === 'http' && error.code === 'IDEMPOTENCY_CONFLICT' && inst.draft) {
          inst.draft = { ...inst.draft, purchase: undefined };
          void saveDraft(inst.draft);
        }
        this.setData({ notice: t(errorMessageKey(error)) });
      }
    },
    /** Every outcome continues on the result page, as for tickets; the draft goes once the order is paid. */
    async afterPayment(order: Order, outcome: PayOutcome<Order>) {
      const inst = own(this);
      if (outcome.kind === 'paid' || outcome.kind === 'unknown') {
        // The server holds the application now; the personal data leaves the phone.
        await clearDraft();
        inst.draft = undefined;
      } else if (
        outcome.kind === 'failed' &&
        (outcome.reason === 'expired' || outcome.reason === 'not_payable') &&
        inst.draft
      ) {
        // That order can no longer be paid: the next attempt places a new one.
        inst.draft = { ...inst.draft, purchase: undefined };
        await saveDraft(inst.draft);
      }
      const kind = outcome.kind === 'unknown' ? 'confirming' : outcome.kind;
      const reason = outcome.kind === 'failed' ? `&reason=${outcome.reason}` : '';
      wx.redirectTo({
        url: `${RESULT_PAGE}?orderId=${encodeURIComponent(order.id)}&outcome=${kind}${reason}`,
      });
    },
  },
});
