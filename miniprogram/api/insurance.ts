// Travel insurance: plans (public, cached), quotes, the purchase (an order to pay) and the user's policies.
import type { components } from '../../typings/api';
import { request, type CacheOptions, type Decoder } from '../services/http';
import type { Result } from '../services/result';
import {
  array,
  bool,
  instant,
  int,
  literal,
  localDate,
  localizedText,
  money,
  object,
  optional,
  str,
} from './decode';
import { decodeOrder, type Order } from './orders';

type Schemas = components['schemas'];
export type InsurancePlan = Schemas['InsurancePlan'];
export type Quote = Schemas['Quote'];
export type QuoteRequest = Schemas['QuoteRequest'];
export type PolicyRequest = Schemas['PolicyRequest'];
export type Policy = Schemas['Policy'];

const coverageRow = object({
  key: literal('medical', 'evacuation', 'cancellation', 'baggage', 'delay'),
  limit: money,
});
const ageBand = literal('child', 'adult', 'senior');
const documentType = literal('prc_id', 'passport', 'hk_macao_permit');

export const decodePlan: Decoder<InsurancePlan> = object({
  id: str,
  name: localizedText,
  coverage: array(coverageRow),
  excess: money,
  minAge: int,
  maxAge: int,
  maxTripDays: int,
  pricePerDayFrom: money,
  termsVersion: str,
  termsHtml: localizedText,
});

export const decodeQuote: Decoder<Quote> = object({
  id: str,
  planId: str,
  startDate: localDate,
  endDate: localDate,
  tripDays: int,
  premium: money,
  perTraveller: array(object({ birthDate: localDate, ageBand, premium: money })),
  expiresAt: instant,
});

export const decodePolicy: Decoder<Policy> = object({
  id: str,
  policyNumber: str,
  orderId: str,
  planId: str,
  planName: localizedText,
  status: literal('active', 'cancelled', 'expired'),
  startDate: localDate,
  endDate: localDate,
  timeZone: str,
  insured: array(
    object({
      nameZh: optional(str),
      namePinyin: str,
      documentType,
      passportIssuer: optional(literal('CHN', 'other')),
      documentNumberMasked: str,
      birthDate: localDate,
      sex: optional(literal('M', 'F')),
      ageBand,
      premium: money,
    }),
  ),
  holder: object({ name: str, mobile: str, email: str }),
  coverage: array(coverageRow),
  excess: money,
  premium: money,
  termsVersion: str,
  issuedAt: instant,
  cancelledAt: optional(instant),
  cancellable: bool,
  documentUrl: str,
});

const decodePlanList: Decoder<{ items: InsurancePlan[] }> = object({ items: array(decodePlan) });
const decodePolicyList: Decoder<{ items: Policy[] }> = object({ items: array(decodePolicy) });
const decodeInsuranceOrder = decodeOrder as Decoder<Order>;

const items = <T>(r: Result<{ items: T[] }>): Result<T[]> => (r.ok ? { ...r, data: r.data.items } : r);

/**
 * With `cache`, served from cache first when one exists, then revalidated (for browsing). Without it, from the
 * network: what is bought and accepted (terms version, ages) must be current.
 */
export async function listInsurancePlans(
  cache?: CacheOptions<InsurancePlan[]>,
): Promise<Result<InsurancePlan[]>> {
  const onRevalidate = cache?.onRevalidate;
  return items(
    await request({
      path: '/v1/insurance/plans',
      decode: decodePlanList,
      auth: 'none',
      cache: cache && { onRevalidate: onRevalidate && ((r) => onRevalidate(items(r))) },
    }),
  );
}

export function createInsuranceQuote(body: QuoteRequest): Promise<Result<Quote>> {
  return request({
    method: 'POST',
    path: '/v1/insurance/quotes',
    body,
    decode: decodeQuote,
    auth: 'required',
  });
}

/** `idempotencyKey` is kept for every retry of one purchase intent (services/draft keeps it across restarts). */
export function createInsurancePolicy(body: PolicyRequest, idempotencyKey: string): Promise<Result<Order>> {
  return request({
    method: 'POST',
    path: '/v1/insurance/policies',
    body,
    idempotencyKey,
    decode: decodeInsuranceOrder,
    auth: 'required',
  });
}

export async function listPolicies(): Promise<Result<Policy[]>> {
  return items(await request({ path: '/v1/policies', decode: decodePolicyList, auth: 'required' }));
}

export function getPolicy(id: string): Promise<Result<Policy>> {
  return request({ path: `/v1/policies/${encodeURIComponent(id)}`, decode: decodePolicy, auth: 'required' });
}

export function cancelPolicy(id: string): Promise<Result<Policy>> {
  return request({
    method: 'POST',
    path: `/v1/policies/${encodeURIComponent(id)}/cancel`,
    decode: decodePolicy,
    auth: 'required',
    // Cancelling twice ends in the same state (the second answers 409), so a retry is safe.
    retrySafe: true,
  });
}
