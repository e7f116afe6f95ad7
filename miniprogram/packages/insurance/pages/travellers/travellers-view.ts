// What the travellers page shows: one form per quoted traveller, the policyholder, the terms and the price.
// Messages come from the shared validators; a field shows its message once touched or after a purchase attempt.
import type { InsurancePlan } from '../../../../api/insurance';
import {
  validateApplication,
  type HolderField,
  type InsuranceDraft,
  type TravellerField,
  type TravellerForm,
} from '../../domain/insurance-draft';
import { formatMoney } from '../../../../domain/money';
import {
  DOCUMENT_TYPES,
  PASSPORT_ISSUERS,
  SEXES,
  parsePrcId,
  validatePrcId,
  type DocumentType,
} from '../../../../domain/validate/index';
import { currentLang, t } from '../../../../i18n/index';
import { bandLabel, documentLabel, fieldMessage, sexLabel } from '../../labels';
import { buildQuoteResult } from '../quote/quote-view';

export interface TravellersContext {
  plan: InsurancePlan;
  /** The destination's today. */
  today: string;
  now: number;
  /** Field paths the user has left (`travellers[0].namePinyin`, `holder.email`). */
  touched: Record<string, true>;
  showAll: boolean;
  /** Fields the server refused (path -> code). */
  serverErrors: Record<string, string>;
}

const TRAVELLER_FIELDS: readonly (TravellerField | 'birthDate')[] = [
  'nameZh',
  'namePinyin',
  'documentType',
  'passportIssuer',
  'documentNumber',
  'birthDate',
  'sex',
];
const HOLDER_FIELDS: readonly HolderField[] = ['name', 'mobile', 'email'];

interface Option {
  value: string;
  label: string;
  selected: boolean;
}
const options = (values: readonly string[], selected: string, label: (v: string) => string): Option[] =>
  values.map((value) => ({ value, label: label(value), selected: value === selected }));

function errorMessages(draft: InsuranceDraft, ctx: TravellersContext): (field: string) => string {
  const codes = new Map<string, string>();
  const tripStart = draft.quote?.startDate ?? ctx.today;
  const result = validateApplication(draft, { today: ctx.today, tripStart, plan: ctx.plan });
  if (!result.ok) for (const e of result.errors) if (!codes.has(e.field)) codes.set(e.field, e.code);
  for (const [field, code] of Object.entries(ctx.serverErrors)) codes.set(field, code);
  return (field) => {
    const code = codes.get(field);
    // The birth date and sex are checked against the ID number, so they speak up once that has been typed.
    const derived =
      /\.(birthDate|sex)$/.test(field) && ctx.touched[field.replace(/[^.]+$/, 'documentNumber')];
    const visible =
      ctx.showAll || ctx.touched[field] === true || derived === true || field in ctx.serverErrors;
    return code && visible ? fieldMessage(code) : '';
  };
}

type Messages = ReturnType<typeof errorMessages>;

function travellerView(
  form: TravellerForm,
  index: number,
  draft: InsuranceDraft,
  ctx: TravellersContext,
  message: Messages,
) {
  const errors: Record<string, string> = {};
  for (const field of TRAVELLER_FIELDS) errors[field] = message(`travellers[${index}].${field}`);
  const band = draft.quote?.perTraveller[index]?.ageBand;
  const id =
    form.documentType === 'prc_id' ? validatePrcId(form.documentNumber, { today: ctx.today }) : undefined;
  const fromId = id?.ok ? parsePrcId(id.value) : undefined;
  return {
    index,
    title: `${t('insurance.travellerN', { n: index + 1 })}${band ? ` · ${bandLabel(band)}` : ''}`,
    birthDate: form.birthDate,
    nameZh: form.nameZh,
    nameZhOptional: form.documentType === 'passport' && form.passportIssuer === 'other',
    namePinyin: form.namePinyin,
    documentNumber: form.documentNumber,
    /** The ID card keyboard (digits and X) only where the number is an ID card's. */
    numberInputType: form.documentType === 'prc_id' ? 'idcard' : 'text',
    docTypes: options(DOCUMENT_TYPES, form.documentType, (v) => documentLabel(v as DocumentType)),
    isPassport: form.documentType === 'passport',
    issuers: options(PASSPORT_ISSUERS, form.passportIssuer, (v) =>
      t(`insurance.issuer_${v as 'CHN' | 'other'}`),
    ),
    // An ID card states the sex; other documents ask for it (optional).
    showSex: form.documentType !== '' && form.documentType !== 'prc_id',
    sexes: options(SEXES, form.sex, (v) => sexLabel(v as 'M' | 'F')),
    sexFromId: fromId ? t('insurance.sexFromId', { sex: sexLabel(fromId.sex) }) : '',
    errors,
  };
}

export type TravellerView = ReturnType<typeof travellerView>;

export function buildTravellerView(
  draft: InsuranceDraft,
  index: number,
  ctx: TravellersContext,
): TravellerView {
  const form = draft.travellers[index];
  if (!form) throw new RangeError(`no traveller ${index}`);
  return travellerView(form, index, draft, ctx, errorMessages(draft, ctx));
}

export function buildHolderView(
  draft: InsuranceDraft,
  ctx: TravellersContext,
  message: Messages = errorMessages(draft, ctx),
) {
  const errors: Record<string, string> = {};
  for (const field of HOLDER_FIELDS) errors[field] = message(`holder.${field}`);
  return { ...draft.holder, errors };
}

export function buildTermsView(draft: InsuranceDraft, ctx: Pick<TravellersContext, 'plan' | 'showAll'>) {
  const accepted = draft.acceptedTermsVersion === ctx.plan.termsVersion;
  const changed = !accepted && draft.acceptedTermsVersion !== undefined;
  return {
    accepted,
    text: accepted
      ? t('insurance.termsAccepted', { version: ctx.plan.termsVersion })
      : t('insurance.readTerms'),
    error: accepted
      ? ''
      : changed
        ? t('insurance.termsChanged')
        : ctx.showAll
          ? t('insurance.termsRequired')
          : '',
  };
}

export function buildTravellersView(draft: InsuranceDraft, ctx: TravellersContext) {
  const quote = draft.quote;
  if (!quote) throw new Error('the travellers page needs a quoted draft');
  const message = errorMessages(draft, ctx);
  return {
    planName: ctx.plan.name[currentLang()],
    cover: t('insurance.coverValue', { start: quote.startDate, end: quote.endDate }),
    quote: buildQuoteResult(quote, ctx.now),
    travellers: draft.travellers.map((form, i) => travellerView(form, i, draft, ctx, message)),
    holder: buildHolderView(draft, ctx, message),
    terms: buildTermsView(draft, ctx),
    payLabel: t('insurance.pay', { amount: formatMoney(quote.premium) }),
  };
}

export type TravellersView = ReturnType<typeof buildTravellersView>;
