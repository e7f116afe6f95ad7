// The insurance application as the user fills it in, across the quote, travellers and terms pages: what is
// saved as a draft, how it is validated (the shared validators) and what is sent. Pure: no wx, no clock.
import type { components } from '../../../../typings/api';
import {
  ErrorList,
  prefixErrors,
  validateAge,
  validateBirthDate,
  validateTicketContact,
  validateTraveller,
  validateTrip,
  type FieldError,
  type LocalDate,
  type ObjectResult,
  type TicketContact,
  type Traveller,
} from '../../../domain/validate/index';

type Schemas = components['schemas'];
export type Quote = Schemas['Quote'];
export type InsurancePlan = Schemas['InsurancePlan'];
export type PolicyRequest = Schemas['PolicyRequest'];
type OrderStatus = Schemas['OrderStatus'];

/** One traveller's fields exactly as typed ('' when untouched); birthDate comes from the quote. */
export interface TravellerForm {
  nameZh: string;
  namePinyin: string;
  documentType: '' | Schemas['DocumentType'];
  passportIssuer: '' | Schemas['PassportIssuer'];
  documentNumber: string;
  birthDate: LocalDate;
  sex: '' | Schemas['Sex'];
}
export type TravellerField = keyof Omit<TravellerForm, 'birthDate'>;

export interface HolderForm {
  name: string;
  mobile: string;
  email: string;
}
export type HolderField = keyof HolderForm;

export interface Purchase {
  key: string;
  fingerprint: string;
  orderId?: string;
}

export interface InsuranceDraft {
  planId: string;
  startDate: LocalDate | '';
  endDate: LocalDate | '';
  /** The quote's travellers, in order ('' while not chosen). */
  birthDates: Array<LocalDate | ''>;
  /** The last quote for exactly these inputs; dropped when an input changes. */
  quote?: Quote;
  travellers: TravellerForm[];
  holder: HolderForm;
  /** The plan terms version the user opened and accepted. */
  acceptedTermsVersion?: string;
  /**
   * The purchase intent: one Idempotency-Key per request body, kept across retries and app restarts, and the
   * order it created (whose status later tells whether the draft was bought).
   */
  purchase?: Purchase;
}

export const MAX_TRAVELLERS = 9;

export function newDraft(planId: string): InsuranceDraft {
  return {
    planId,
    startDate: '',
    endDate: '',
    birthDates: [''],
    travellers: [],
    holder: { name: '', mobile: '', email: '' },
  };
}

export function emptyTraveller(birthDate: LocalDate): TravellerForm {
  return {
    nameZh: '',
    namePinyin: '',
    documentType: '',
    passportIssuer: '',
    documentNumber: '',
    birthDate,
    sex: '',
  };
}

/** Changes the quote's inputs (plan, dates, birth dates); a quote for other inputs no longer applies. */
export function withQuoteInputs(
  draft: InsuranceDraft,
  change: Partial<Pick<InsuranceDraft, 'planId' | 'startDate' | 'endDate' | 'birthDates'>>,
): InsuranceDraft {
  const next = { ...draft, ...change };
  if (next.quote && !quoteMatches(next, next.quote)) delete next.quote;
  if (next.planId !== draft.planId) delete next.acceptedTermsVersion;
  return next;
}

export function withBirthDate(draft: InsuranceDraft, index: number, value: LocalDate): InsuranceDraft {
  return withQuoteInputs(draft, { birthDates: draft.birthDates.map((b, i) => (i === index ? value : b)) });
}

export function withTravellerAdded(draft: InsuranceDraft): InsuranceDraft {
  if (draft.birthDates.length >= MAX_TRAVELLERS) return draft;
  return withQuoteInputs(draft, { birthDates: [...draft.birthDates, ''] });
}

/** Removes one traveller: their birth date and whatever was typed for them. */
export function withTravellerRemoved(draft: InsuranceDraft, index: number): InsuranceDraft {
  if (draft.birthDates.length <= 1) return draft;
  const next = withQuoteInputs(draft, { birthDates: draft.birthDates.filter((_, i) => i !== index) });
  return { ...next, travellers: draft.travellers.filter((_, i) => i !== index) };
}

export function quoteMatches(draft: InsuranceDraft, quote: Quote): boolean {
  return (
    quote.planId === draft.planId &&
    quote.startDate === draft.startDate &&
    quote.endDate === draft.endDate &&
    quote.perTraveller.length === draft.birthDates.length &&
    quote.perTraveller.every((p, i) => p.birthDate === draft.birthDates[i])
  );
}

/** Stores a quote and lines the traveller forms up with it, keeping what was typed for each position. */
export function withQuote(draft: InsuranceDraft, quote: Quote): InsuranceDraft {
  const travellers = quote.perTraveller.map((p, i) => {
    const existing = draft.travellers[i];
    return existing ? { ...existing, birthDate: p.birthDate } : emptyTraveller(p.birthDate);
  });
  return { ...draft, quote, travellers };
}

export function withTravellerField(
  draft: InsuranceDraft,
  index: number,
  field: TravellerField,
  value: string,
): InsuranceDraft {
  const travellers = draft.travellers.map((t, i) => {
    if (i !== index) return t;
    const next = { ...t, [field]: value };
    // Fields the new document type does not have are cleared, so no hidden value can fail validation.
    if (field === 'documentType') {
      if (value !== 'passport') next.passportIssuer = '';
      if (value === 'prc_id') next.sex = '';
    }
    return next;
  });
  return { ...draft, travellers };
}

export function withHolderField(draft: InsuranceDraft, field: HolderField, value: string): InsuranceDraft {
  return { ...draft, holder: { ...draft.holder, [field]: value } };
}

export interface QuoteContext {
  /** The destination's today. */
  today: LocalDate;
  plan: Pick<InsurancePlan, 'minAge' | 'maxAge' | 'maxTripDays'>;
}

/**
 * The quote inputs' errors, fields `startDate`, `endDate`, `travellers[i].birthDate` (the request's paths):
 * trip rules first, then each birth date (not in the future, age on the start date within the plan's range).
 */
export function validateQuoteInputs(draft: InsuranceDraft, ctx: QuoteContext): FieldError[] {
  const trip = validateTrip(draft, { today: ctx.today, maxDays: ctx.plan.maxTripDays });
  const list = new ErrorList();
  if (!trip.ok) trip.errors.forEach((e) => list.add(e.field, e.code));
  draft.birthDates.forEach((value, i) => {
    const field = `travellers[${i}].birthDate`;
    const birth = list.take(field, validateBirthDate(value, ctx.today));
    if (birth !== undefined && trip.ok) {
      list.take(field, validateAge(birth, trip.value.startDate, ctx.plan.minAge, ctx.plan.maxAge));
    }
  });
  return list.errors;
}

export interface Application {
  travellers: Traveller[];
  holder: TicketContact;
}

/**
 * Every traveller and the policyholder, by the shared rules (fields `travellers[i].<field>`, `holder.<field>`,
 * the paths the API names). Ages are taken on the quoted start date.
 */
export function validateApplication(
  draft: InsuranceDraft,
  ctx: { today: LocalDate; tripStart: LocalDate; plan: Pick<InsurancePlan, 'minAge' | 'maxAge'> },
): ObjectResult<Application> {
  const errors: FieldError[] = [];
  const travellers: Traveller[] = [];
  draft.travellers.forEach((form, i) => {
    const result = validateTraveller(form, {
      today: ctx.today,
      tripStart: ctx.tripStart,
      minAge: ctx.plan.minAge,
      maxAge: ctx.plan.maxAge,
    });
    if (result.ok) travellers.push(result.value);
    else errors.push(...prefixErrors(result.errors, `travellers[${i}]`));
  });
  const holder = validateTicketContact(draft.holder);
  if (!holder.ok) errors.push(...prefixErrors(holder.errors, 'holder'));
  if (errors.length > 0 || !holder.ok) return { ok: false, errors };
  return { ok: true, value: { travellers, holder: holder.value } };
}

/** The purchase body: normalized values only, in the quote's order. */
export function policyRequest(
  quoteId: string,
  app: Application,
  acceptedTermsVersion: string,
): PolicyRequest {
  return {
    quoteId,
    travellers: app.travellers.map((t) => {
      const out: PolicyRequest['travellers'][number] = {
        namePinyin: t.namePinyin,
        documentType: t.documentType,
        documentNumber: t.documentNumber,
        birthDate: t.birthDate,
      };
      if (t.nameZh !== undefined) out.nameZh = t.nameZh;
      if (t.passportIssuer !== undefined) out.passportIssuer = t.passportIssuer;
      // A PRC ID carries the sex; the server reads it from there, so only a stated one is sent.
      if (t.sex !== undefined && t.documentType !== 'prc_id') out.sex = t.sex;
      return out;
    }),
    holder: app.holder,
    acceptedTermsVersion,
  };
}

/** Keeps the purchase key while the body is the same; a changed body is a new intent with a new key. */
export function withPurchaseKey(
  draft: InsuranceDraft,
  body: PolicyRequest,
  newKey: () => string,
): InsuranceDraft & { purchase: Purchase } {
  const print = fingerprint(body);
  const purchase =
    draft.purchase?.fingerprint === print ? draft.purchase : { key: newKey(), fingerprint: print };
  return { ...draft, purchase };
}

export function withPurchaseOrder(draft: InsuranceDraft, orderId: string): InsuranceDraft {
  return draft.purchase ? { ...draft, purchase: { ...draft.purchase, orderId } } : draft;
}

/**
 * The draft once its order's status is known: undefined when the application was bought (paid, or paid and
 * since refunded: the form is done either way); without the purchase when that order can no longer be paid
 * (cancelled, expired: the next attempt is a new order); unchanged while it awaits payment.
 */
export function draftAfterOrder(draft: InsuranceDraft, status: OrderStatus): InsuranceDraft | undefined {
  if (status === 'PENDING_PAYMENT') return draft;
  if (status === 'CANCELLED' || status === 'EXPIRED') return { ...draft, purchase: undefined };
  return undefined;
}

/**
 * A short digest of a request body (FNV-1a, 32 bits): the same body keeps its Idempotency-Key, a changed one
 * gets a new key. Stored instead of the body, which holds document numbers.
 */
export function fingerprint(body: unknown): string {
  const text = JSON.stringify(body);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}
