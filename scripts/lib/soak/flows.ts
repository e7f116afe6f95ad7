// One purchase intent, driven through the functions the pages call, with the pages' own rules for what a tap
// does next: checkout (order, then pay), the pay-result page (pay again, confirming), the offer page's claim and
// the insurance quote and travellers pages. Each flow ends on a screen the app can show; anything else is a
// problem the audit counts as stuck.
import type { Order } from '../../../miniprogram/api/orders';
import type { PayOutcome } from '../../../miniprogram/services/payment';
import type { ApiError, Result } from '../../../miniprogram/services/result';
import type { components } from '../../../typings/api';
import type { App } from './app';
import type { Application, Catalog } from './catalog';
import type { FaultPlan, IntentKind } from './plan';
import type { Random } from './random';
import type { Phone } from './runtime';

type InsuranceDraft = ReturnType<App['draft']['newDraft']>;

/** How many times a user taps again after an error notice before giving up. */
const TAPS = 3;
/** Rounds of the pay-result page's confirmation polling the soak waits through (the page does 24). */
const CONFIRM_ROUNDS = 3;
const CONFIRM_INTERVAL_MS = 5000;

export interface IntentRecord {
  id: number;
  kind: IntentKind;
  user: string;
  /** The contact e-mail of this intent's orders: how the audit finds them on the server. */
  tag: string;
  faults: number;
  /** The screen the flow ended on. */
  screen?: string;
  /** Outcomes no screen of the app explains (counted as stuck). */
  problems: string[];
  /** Offers this intent claimed from (each claim may give at most one coupon). */
  claims: string[];
  /** Coupons the app told the user they got. */
  toldCoupons: string[];
  /** Orders the app showed as paid. */
  toldPaid: string[];
  /** Document and mobile numbers this intent typed: none may reach unencrypted storage. */
  personal: string[];
  settled: boolean;
}

/** The pages tap again after these; anything else is the server's answer. */
const retryable = (e: ApiError): boolean =>
  e.kind === 'network' || e.kind === 'auth' || (e.kind === 'http' && e.status >= 500);

export class Flow {
  private doubleTap: boolean;

  constructor(
    private readonly phone: Phone,
    private readonly record: IntentRecord,
    private readonly plan: FaultPlan,
    private readonly catalog: Catalog,
    private readonly rng: Random,
  ) {
    this.doubleTap = plan.doubleTap;
  }

  run(): Promise<void> {
    switch (this.record.kind) {
      case 'tickets':
        return this.tickets(false);
      case 'coupon-tickets':
        return this.tickets(true);
      case 'claim':
        return this.claim(this.catalog.inStoreOffer(this.rng)).then(() => undefined);
      case 'insurance':
        return this.insurance();
    }
  }

  private call<T>(fn: (app: App) => Promise<T>): Promise<T> {
    return this.phone.run(fn);
  }

  /** A tap on a button that creates something; the planned double tap sends it twice at once. */
  private async send<T>(fn: (app: App) => Promise<Result<T>>): Promise<Result<T>> {
    if (!this.doubleTap) return this.call(fn);
    this.doubleTap = false;
    this.record.faults++;
    const [first, second] = await Promise.all([this.call(fn), this.call(fn)]);
    return first.ok ? first : second;
  }

  private end(screen: string): void {
    this.record.screen = screen;
  }

  private refused(error: ApiError): void {
    // A validation error for input the client's own rules accept: the user cannot get past it.
    if (error.kind === 'http' && error.status === 400) {
      this.record.problems.push(`400 ${error.code} on ${error.field ?? '?'} for input the client accepts`);
    }
    this.end(`refused:${error.kind === 'http' ? error.code : error.kind}`);
  }

  private contact() {
    const mobile = `+86139${String(this.record.id).padStart(8, '0')}`;
    if (!this.record.personal.includes(mobile)) this.record.personal.push(mobile, mobile.slice(3));
    return { name: 'Soak Tester', mobile, email: this.record.tag };
  }

  // ---------- tickets: checkout ----------

  private async tickets(withCoupon: boolean): Promise<void> {
    const pick = withCoupon ? this.catalog.couponCart(this.rng) : undefined;
    const couponId = pick && (await this.claim(pick.offerId));
    const cart = pick?.cart ?? this.catalog.cart(this.rng);
    const { intent, http } = this.phone.app;
    const checkout = intent.createIntent(http.newIdempotencyKey);
    let request: components['schemas']['CreateOrderRequest'] = {
      items: cart.items,
      contact: this.contact(),
      ...(couponId && { couponId }),
    };
    for (let tap = 0; tap < TAPS; tap++) {
      const body = request;
      const created = await this.send((app) => app.orders.createOrder(body, checkout.keyFor(body)));
      if (created.ok) {
        checkout.done();
        return this.pay(created.data.id, 'tickets');
      }
      const error = created.error;
      if (retryable(error)) continue;
      if (error.kind === 'http' && error.code === 'COUPON_NOT_APPLICABLE' && request.couponId) {
        // The page shows why and reloads the picker; the user goes on without the coupon.
        request = { items: request.items, contact: request.contact };
        continue;
      }
      return this.refused(error);
    }
    this.end('notice:network');
  }

  // ---------- coupons: the offer page's claim ----------

  /** The coupon's id when the user was told they got one. */
  private async claim(offerId: string): Promise<string | undefined> {
    this.record.claims.push(offerId);
    const { intent, http } = this.phone.app;
    const claiming = intent.createIntent(http.newIdempotencyKey);
    const zone = this.catalog.timeZone;
    for (let tap = 0; tap < TAPS; tap++) {
      const res = await this.send((app) =>
        app.coupons.claimOffer(offerId, claiming.keyFor({ offerId }), zone),
      );
      // As the offer page does: once the server has answered for good, the next tap is a new claim.
      claiming.settle(res);
      if (res.ok) {
        this.record.toldCoupons.push(res.data.id);
        if (this.record.kind === 'claim') this.end('claimed');
        return res.data.id;
      }
      if (!retryable(res.error)) {
        if (this.record.kind === 'claim') this.refused(res.error);
        return undefined;
      }
    }
    if (this.record.kind === 'claim') this.end('notice:network');
    return undefined;
  }

  // ---------- insurance: quote and travellers pages ----------

  private async quote(a: Application) {
    const request = {
      planId: a.plan.id,
      startDate: a.startDate,
      endDate: a.endDate,
      travellers: a.travellers.map((t) => ({ birthDate: t.birthDate })),
    };
    for (let tap = 0; tap < TAPS; tap++) {
      const res = await this.call((app) => app.insurance.createInsuranceQuote(request));
      if (res.ok || !retryable(res.error)) return res;
    }
    return undefined;
  }

  private fill(a: Application, quote: components['schemas']['Quote']): InsuranceDraft {
    const d = this.phone.app.draft;
    let draft = d.withQuoteInputs(d.newDraft(a.plan.id), {
      startDate: a.startDate,
      endDate: a.endDate,
      birthDates: a.travellers.map((t) => t.birthDate),
    });
    draft = d.withQuote(draft, quote);
    a.travellers.forEach((t, i) => {
      draft = d.withTravellerField(draft, i, 'documentType', t.documentType);
      draft = d.withTravellerField(draft, i, 'passportIssuer', t.passportIssuer);
      draft = d.withTravellerField(draft, i, 'nameZh', t.nameZh);
      draft = d.withTravellerField(draft, i, 'namePinyin', t.namePinyin);
      draft = d.withTravellerField(draft, i, 'documentNumber', t.documentNumber);
    });
    for (const [field, value] of Object.entries(this.contact()))
      draft = d.withHolderField(draft, field as 'name' | 'mobile' | 'email', value);
    return { ...draft, acceptedTermsVersion: a.plan.termsVersion };
  }

  private async insurance(): Promise<void> {
    const a = this.catalog.application(this.rng);
    this.record.personal.push(...a.travellers.map((t) => t.documentNumber));
    const d = this.phone.app.draft;
    const inputs = d.withQuoteInputs(d.newDraft(a.plan.id), {
      startDate: a.startDate,
      endDate: a.endDate,
      birthDates: a.travellers.map((t) => t.birthDate),
    });
    // The quote page sends nothing its own rules refuse.
    if (d.validateQuoteInputs(inputs, { today: this.catalog.today(), plan: a.plan }).length)
      return this.end('form');
    const quoted = await this.quote(a);
    if (!quoted) return this.end('notice:network');
    if (!quoted.ok) return this.refused(quoted.error);
    let draft = this.fill(a, quoted.data);
    await this.call((app) => app.draftStore.saveDraft(draft));
    for (let tap = 0; tap < TAPS; tap++) {
      // The travellers page: what is stored is what the user typed (it survives restarts).
      draft = (await this.call((app) => app.draftStore.loadDraft())) ?? draft;
      const checked = d.validateApplication(draft, {
        today: this.catalog.today(),
        tripStart: draft.quote!.startDate,
        plan: a.plan,
      });
      if (!checked.ok) {
        this.record.problems.push(
          `the client refuses its own application: ${JSON.stringify(checked.errors)}`,
        );
        return this.end('form');
      }
      const body = d.policyRequest(draft.quote!.id, checked.value, a.plan.termsVersion);
      const keyed = d.withPurchaseKey(draft, body, this.phone.app.http.newIdempotencyKey);
      // The key is stored before the request, so a retry after an app kill replays the same order.
      await this.call((app) => app.draftStore.saveDraft(keyed));
      const created = await this.send((app) => app.insurance.createInsurancePolicy(body, keyed.purchase.key));
      if (created.ok) {
        draft = d.withPurchaseOrder(keyed, created.data.id);
        await this.call((app) => app.draftStore.saveDraft(draft));
        return this.pay(created.data.id, 'insurance');
      }
      const error = created.error;
      if (retryable(error)) continue;
      if (
        error.kind === 'http' &&
        (error.status === 410 || (error.status === 404 && error.field === 'quoteId'))
      ) {
        const fresh = await this.quote(a);
        if (!fresh?.ok) return fresh ? this.refused(fresh.error) : this.end('notice:network');
        await this.call((app) => app.draftStore.saveDraft(d.withQuote(keyed, fresh.data)));
        continue;
      }
      if (error.kind === 'http' && error.code === 'IDEMPOTENCY_CONFLICT') {
        await this.call((app) => app.draftStore.saveDraft({ ...keyed, purchase: undefined }));
        continue;
      }
      return this.refused(error);
    }
    this.end('notice:network');
  }

  /** The travellers page after payment: the draft (document numbers) leaves the phone once the order is paid. */
  private async afterInsurancePayment(outcome: PayOutcome<Order>): Promise<void> {
    if (outcome.kind === 'paid' || outcome.kind === 'unknown') {
      await this.call((app) => app.draftStore.clearDraft());
    } else if (
      outcome.kind === 'failed' &&
      (outcome.reason === 'expired' || outcome.reason === 'not_payable')
    ) {
      const draft = await this.call((app) => app.draftStore.loadDraft());
      if (draft) await this.call((app) => app.draftStore.saveDraft({ ...draft, purchase: undefined }));
    }
  }

  // ---------- payment: checkout's pay, the pay-result page ----------

  private async payOnce(orderId: string): Promise<PayOutcome<Order> | 'killed'> {
    const killed = this.phone.killed().then(() => 'killed' as const);
    const outcome = await Promise.race([this.call((app) => app.orders.payForOrder(orderId)), killed]);
    this.phone.spare();
    return outcome;
  }

  private async pay(orderId: string, kind: 'tickets' | 'insurance'): Promise<void> {
    let again = this.plan.payAgain;
    let outcome = await this.payOnce(orderId);
    for (;;) {
      if (outcome === 'killed') return this.relaunch(kind);
      if (kind === 'insurance') await this.afterInsurancePayment(outcome);
      if (outcome.kind === 'paid') return this.paid(orderId, kind);
      if (outcome.kind === 'unknown') return this.confirming(orderId, kind);
      const state = await this.resultPage(orderId, outcome.kind);
      if (state === 'paid') return this.paid(orderId, kind);
      if ((state === 'cancelled' || state === 'failed') && again-- > 0) {
        outcome = await this.payOnce(orderId);
        continue;
      }
      return this.end(state);
    }
  }

  /** What the pay-result page shows: the server's status decides, the payment outcome explains. */
  private async resultPage(orderId: string, outcome: 'cancelled' | 'failed' | 'confirming'): Promise<string> {
    const res = await this.call((app) => app.orders.getOrder(orderId));
    if (!res.ok) return 'error';
    return this.phone.app.orderView.resultState(res.data, outcome, this.phone.app.clock.clock.now());
  }

  private async paid(orderId: string, kind: 'tickets' | 'insurance'): Promise<void> {
    this.record.toldPaid.push(orderId);
    // The result page puts the tickets into the offline wallet at once.
    if (kind === 'tickets') await this.call((app) => app.tickets.syncWallet());
    this.end('paid');
  }

  /** The result page polls; the user may walk away, and the next launch reconciles. */
  private async confirming(orderId: string, kind: 'tickets' | 'insurance'): Promise<void> {
    const rounds = this.plan.leaveConfirming ? 1 : CONFIRM_ROUNDS;
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await this.call((app) => app.clock.clock.sleep(CONFIRM_INTERVAL_MS));
      const outcome = await this.call((app) => app.orders.confirmPayment(orderId));
      if (outcome.kind === 'paid') return this.paid(orderId, kind);
    }
    this.end(await this.resultPage(orderId, 'confirming'));
  }

  /** The OS killed the app mid-payment: the next launch runs app.ts's reconciliation. */
  private async relaunch(kind: 'tickets' | 'insurance'): Promise<void> {
    this.phone.launch();
    await launchApp(this.phone);
    if (kind === 'insurance') await this.call((app) => app.liveDraft.loadLiveDraft());
    this.end('relaunched');
  }
}

/** What app.ts does on launch: reconcile unconfirmed payments, then refresh the wallet if any were paid. */
export function launchApp(phone: Phone): Promise<unknown> {
  return phone.run(async (app) => {
    const confirmed = await app.orders.reconcileOnLaunch();
    if (confirmed.length) await app.tickets.syncWallet();
  });
}
