// Insurance quotes (plan x trip days x age band of each traveller) and the purchase of a policy, which is an
// insurance order: the policy is issued when that order is fulfilled.
import type { components } from '../../typings/api';
import { money, times } from '../../miniprogram/domain/money';
import {
  ageOn,
  validateAge,
  validateBirthDate,
  validateLocalDate,
  validateTicketContact,
  validateTraveller,
  validateTrip,
} from '../../miniprogram/domain/validate';
import { iso, type Deps } from '../context';
import { ApiError, invalid, nested, type Problem } from '../core/errors';
import { newId } from '../core/ids';
import { once } from '../core/idempotency';
import { openOrder, startRefund, userOrder } from '../orders/lifecycle';
import { pushRefundNow } from '../payments/refunds';
import { orderView } from '../orders/orders';
import type { AgeBand, InsuredRecord } from '../orders/records';
import {
  assertCancellable,
  planOf,
  policyView,
  quoteHasPolicy,
  userPolicies,
  userPolicy,
} from '../policies/policies';
import { inTransaction, type Work } from '../work';
import { findQuote, insertQuote, type QuoteRecord } from './quotes';

type Schemas = components['schemas'];

const QUOTE_TTL_MS = 30 * 60 * 1000;
const BANDS: readonly AgeBand[] = ['child', 'adult', 'senior'];
const BAND_NAMES: Record<AgeBand, Schemas['LocalizedText']> = {
  child: { 'zh-CN': '儿童', en: 'Child' },
  adult: { 'zh-CN': '成人', en: 'Adult' },
  senior: { 'zh-CN': '长者', en: 'Senior' },
};

/**
 * Prices a trip. 400 names startDate / endDate (past start, end before start, longer than the plan allows) and
 * travellers[i].birthDate (a future date, or an age outside the plan's on the start date).
 */
export function createQuote(
  deps: Deps,
  userId: string,
  body: Schemas['QuoteRequest'],
): Promise<Schemas['Quote']> {
  return inTransaction(deps, async (w) => {
    const plan = planOf(w, body.planId);
    const problems: Problem[] = [];
    const trip = validateTrip(body, { today: w.today, maxDays: plan.maxTripDays });
    if (!trip.ok) problems.push(...trip.errors);
    // Ages are judged on the start date, so only once that is a date the shared rules accept.
    const start = validateLocalDate(body.startDate);
    body.travellers.forEach((traveller, i) => {
      const birth = validateBirthDate(traveller.birthDate, w.today);
      const age =
        birth.ok && start.ok ? validateAge(birth.value, start.value, plan.minAge, plan.maxAge) : birth;
      if (!age.ok) problems.push({ field: `travellers[${i}].birthDate`, code: age.code });
    });
    if (!trip.ok || problems.length > 0) throw invalid(problems);

    const rules = w.seed.premiumRules[plan.id] ?? [];
    const perTraveller = body.travellers.map(({ birthDate }) => {
      const age = ageOn(birthDate, trip.value.startDate);
      const rule = rules.find((r) => age >= r.minAge && age <= r.maxAge);
      if (!rule) throw new Error(`plan ${plan.id} has no premium for age ${age}`);
      return { birthDate, ageBand: rule.ageBand, premium: times(rule.perDay, trip.value.days) };
    });
    const currency = perTraveller[0]?.premium.currency ?? w.seed.destination.currency;
    const quote: QuoteRecord = {
      id: newId('qte'),
      userId,
      planId: plan.id,
      startDate: trip.value.startDate,
      endDate: trip.value.endDate,
      tripDays: trip.value.days,
      premium: money(
        perTraveller.reduce((total, t) => total + t.premium.amount, 0),
        currency,
      ),
      perTraveller,
      expiresAt: w.now + QUOTE_TTL_MS,
    };
    await insertQuote(w.tx, quote);
    return quoteView(quote);
  });
}

function quoteView(quote: QuoteRecord): Schemas['Quote'] {
  const { id, planId, startDate, endDate, tripDays, premium, perTraveller, expiresAt } = quote;
  return { id, planId, startDate, endDate, tripDays, premium, perTraveller, expiresAt: iso(expiresAt) };
}

/**
 * Buys a policy for a quote (idempotent per key): validates every traveller with the shared rules against the
 * quote (same count, same birth dates, the plan's ages) and the holder's contact, then opens an insurance order.
 * A quote is bought once: while an order for it is unpaid or its policy is in force, another is refused.
 */
export function createPolicyOrder(
  deps: Deps,
  userId: string,
  key: string,
  body: Schemas['PolicyRequest'],
): Promise<{ order: Schemas['Order']; created: boolean }> {
  return inTransaction(deps, async (w) => {
    const result = await once(
      w.tx,
      { userId, operation: 'createInsurancePolicy', key, body, now: w.now },
      async () => {
        const order = await newPolicyOrder(w, userId, body);
        return { resourceId: order.id, response: orderView(order) };
      },
    );
    return { order: orderView(await userOrder(w, userId, result.resourceId)), created: result.created };
  });
}

async function newPolicyOrder(w: Work, userId: string, body: Schemas['PolicyRequest']) {
  // Locked: two purchases of one quote, on any instances, are judged one after the other.
  const quote = await findQuote(w.tx, body.quoteId, true);
  if (!quote || quote.userId !== userId) {
    throw new ApiError(404, 'NOT_FOUND', `No quote ${body.quoteId}.`, { field: 'quoteId' });
  }
  if (w.now >= quote.expiresAt) {
    throw new ApiError(410, 'QUOTE_EXPIRED', `Quote ${quote.id} expired; ask for a new one.`, {
      field: 'quoteId',
    });
  }
  const live = await w.tx.query(
    `SELECT 1 FROM orders WHERE quote_id = $1 AND status = 'PENDING_PAYMENT' AND expires_at > $2`,
    [quote.id, new Date(w.now)],
  );
  if (live.length > 0 || (await quoteHasPolicy(w.tx, quote.id))) {
    throw new ApiError(409, 'QUOTE_ALREADY_USED', `Quote ${quote.id} is already bought; ask for a new one.`, {
      field: 'quoteId',
    });
  }
  const plan = planOf(w, quote.planId);
  const ctx = { today: w.today, tripStart: quote.startDate, minAge: plan.minAge, maxAge: plan.maxAge };
  const problems: Problem[] = [];
  const insured: InsuredRecord[] = [];
  const count = body.travellers.length - quote.perTraveller.length;
  if (count !== 0) problems.push({ field: 'travellers', code: count < 0 ? 'too_short' : 'too_long' });
  body.travellers.forEach((input, i) => {
    const quoted = quote.perTraveller[i];
    const result = validateTraveller(input, ctx);
    if (!result.ok) problems.push(...nested(`travellers[${i}]`, result.errors));
    else if (quoted && result.value.birthDate !== quoted.birthDate) {
      // Not the birth date the quote was priced for.
      problems.push({ field: `travellers[${i}].birthDate`, code: 'invalid' });
    } else if (quoted) insured.push({ ...result.value, ageBand: quoted.ageBand, premium: quoted.premium });
  });
  const holder = validateTicketContact(body.holder);
  if (!holder.ok) problems.push(...nested('holder', holder.errors));
  if (problems.length > 0 || !holder.ok) throw invalid(problems);
  if (body.acceptedTermsVersion !== plan.termsVersion) {
    throw new ApiError(409, 'TERMS_VERSION_MISMATCH', `The current terms are ${plan.termsVersion}.`, {
      field: 'acceptedTermsVersion',
      termsVersion: plan.termsVersion,
    });
  }

  const items = BANDS.flatMap((band) => {
    const people = insured.filter((p) => p.ageBand === band);
    const first = people[0];
    if (!first) return [];
    return [
      {
        productId: plan.id,
        ticketTypeId: band,
        title: {
          'zh-CN': `${plan.name['zh-CN']} · ${BAND_NAMES[band]['zh-CN']}`,
          en: `${plan.name.en} · ${BAND_NAMES[band].en}`,
        },
        date: quote.startDate,
        quantity: people.length,
        unitPrice: first.premium,
        subtotal: times(first.premium, people.length),
      },
    ];
  });
  const opened = await openOrder(w, {
    userId,
    kind: 'insurance',
    items,
    subtotal: quote.premium,
    discount: money(0, quote.premium.currency),
    contact: holder.value,
    quoteId: quote.id,
    policyDraft: {
      planId: plan.id,
      startDate: quote.startDate,
      endDate: quote.endDate,
      insured,
      holder: holder.value,
      premium: quote.premium,
      termsVersion: plan.termsVersion,
    },
  });
  if (!('order' in opened)) throw new Error('an insurance order holds no places');
  return opened.order;
}

export function listPolicies(deps: Deps, userId: string, origin: string): Promise<Schemas['Policy'][]> {
  return inTransaction(deps, async (w) =>
    (await userPolicies(w.tx, userId)).map((p) => policyView(w, p, origin)),
  );
}

export function getPolicy(
  deps: Deps,
  userId: string,
  policyId: string,
  origin: string,
): Promise<Schemas['Policy']> {
  return inTransaction(deps, async (w) => policyView(w, await userPolicy(w.tx, userId, policyId), origin));
}

/** Cancels a policy before its cover starts: its order is refunded (asked of WeChat Pay at once). */
export async function cancelPolicy(
  deps: Deps,
  userId: string,
  policyId: string,
  origin: string,
): Promise<Schemas['Policy']> {
  const { view, orderId } = await inTransaction(deps, async (w) => {
    const policy = await userPolicy(w.tx, userId, policyId);
    assertCancellable(w.today, policy);
    await startRefund(
      w,
      await userOrder(w, userId, policy.orderId, true),
      'policy cancelled by the customer',
    );
    return {
      view: await policyView(w, await userPolicy(w.tx, userId, policyId), origin),
      orderId: policy.orderId,
    };
  });
  await pushRefundNow(deps, orderId);
  return view;
}
