// What the quote page shows: trip dates and birth dates with their messages, and the quote once priced.
import type { InsurancePlan, Quote } from '../../../../api/insurance';
import {
  MAX_TRAVELLERS,
  quoteMatches,
  validateQuoteInputs,
  type InsuranceDraft,
} from '../../domain/insurance-draft';
import { formatMoney } from '../../../../domain/money';
import { addDays } from '../../../../domain/time';
import { currentLang, t } from '../../../../i18n/index';
import { bandLabel, fieldMessage } from '../../labels';

export interface QuoteContext {
  plan: InsurancePlan;
  /** The destination's today and name. */
  today: string;
  place: string;
  now: number;
  /** After a tap on "Get a quote", messages show for empty fields too. */
  showAll: boolean;
  /** Fields the server refused (path -> code). */
  serverErrors: Record<string, string>;
}

export interface QuoteResultView {
  premium: string;
  days: string;
  perTraveller: Array<{ index: number; label: string; premium: string }>;
  held: string;
  expired: boolean;
}

export function buildQuoteResult(quote: Quote, now: number): QuoteResultView {
  const msLeft = Date.parse(quote.expiresAt) - now;
  return {
    premium: formatMoney(quote.premium),
    days: t('insurance.tripDays', { days: quote.tripDays }),
    perTraveller: quote.perTraveller.map((p, i) => ({
      index: i,
      label: `${t('insurance.travellerN', { n: i + 1 })} · ${bandLabel(p.ageBand)}`,
      premium: formatMoney(p.premium),
    })),
    held:
      msLeft > 0
        ? t('insurance.quoteHeld', { minutes: Math.max(1, Math.floor(msLeft / 60000)) })
        : t('insurance.quoteExpired'),
    expired: msLeft <= 0,
  };
}

export function buildQuoteView(draft: InsuranceDraft, ctx: QuoteContext) {
  const errors = new Map<string, string>();
  for (const e of validateQuoteInputs(draft, { today: ctx.today, plan: ctx.plan })) {
    if (!errors.has(e.field)) errors.set(e.field, e.code);
  }
  for (const [field, code] of Object.entries(ctx.serverErrors)) errors.set(field, code);
  const shown = (field: string, value: string): string => {
    const code = errors.get(field);
    return code && (ctx.showAll || value !== '' || field in ctx.serverErrors) ? fieldMessage(code) : '';
  };
  const { plan } = ctx;
  const start = draft.startDate || ctx.today;
  return {
    planName: plan.name[currentLang()],
    hint: t('insurance.maxDaysHint', { days: plan.maxTripDays, min: plan.minAge, max: plan.maxAge }),
    datesAt: t('insurance.datesAt', { place: ctx.place }),
    today: ctx.today,
    startDate: draft.startDate,
    endDate: draft.endDate,
    endMin: start,
    endMax: addDays(start, plan.maxTripDays - 1),
    startError: shown('startDate', draft.startDate),
    endError: shown('endDate', draft.endDate),
    travellers: draft.birthDates.map((birthDate, i) => ({
      index: i,
      label: t('insurance.travellerN', { n: i + 1 }),
      birthDate,
      error: shown(`travellers[${i}].birthDate`, birthDate),
    })),
    canAdd: draft.birthDates.length < MAX_TRAVELLERS,
    canRemove: draft.birthDates.length > 1,
    result: draft.quote && quoteMatches(draft, draft.quote) ? buildQuoteResult(draft.quote, ctx.now) : null,
  };
}

export type QuoteView = ReturnType<typeof buildQuoteView>;
