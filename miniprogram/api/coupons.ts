// Partner offers (public reads), claiming a coupon (idempotent), the user's coupons, and the dev API's simulated
// merchant scan. The coupon wallet keeps a copy of every coupon the app sees, for offline use.
import type { components } from '../../typings/api';
import { clock } from '../services/clock';
import { rememberCoupon, saveCouponWallet, type CouponWallet } from '../services/coupon-wallet';
import { request, type CacheOptions, type Decoder } from '../services/http';
import { fail, ok, type Result } from '../services/result';
import {
  array,
  instant,
  int,
  listOf,
  literal,
  localDate,
  localizedText,
  money,
  num,
  object,
  optional,
  str,
} from './decode';
import { getDestination } from './destination';

type Schemas = components['schemas'];
export type Offer = Schemas['Offer'];
export type OfferCategory = Schemas['OfferCategory'];
export type Coupon = Schemas['Coupon'];
export type CouponStatus = Schemas['CouponStatus'];

const fixedDiscount = object({ type: literal('fixed'), amount: money });
const percentDiscount = object({ type: literal('percent'), percent: int, cap: money });
const discount: Decoder<Schemas['Discount']> = (raw) => {
  const type = (raw as { type?: unknown } | null)?.type;
  return type === 'percent' ? percentDiscount(raw) : fixedDiscount(raw);
};

const merchant = object({
  name: localizedText,
  poiId: optional(str),
  location: optional(object({ lat: num, lng: num, coordSystem: literal('gcj02', 'wgs84') })),
  address: optional(localizedText),
});
const scope = literal('in_store', 'ticket_checkout');
const productCategories = optional(array(literal('attraction', 'museum', 'tour', 'transport', 'experience')));

export const decodeOffer: Decoder<Offer> = object({
  id: str,
  merchant,
  category: literal('food', 'shopping', 'attractions'),
  title: localizedText,
  terms: localizedText,
  image: optional(str),
  discount,
  minSpend: money,
  scope,
  productCategories,
  validFrom: localDate,
  validUntil: localDate,
  remaining: int,
  perUserLimit: int,
});

export const decodeCoupon: Decoder<Coupon> = object({
  id: str,
  offerId: str,
  code: str,
  status: literal('unused', 'used', 'expired'),
  claimedAt: instant,
  usedAt: optional(instant),
  title: localizedText,
  merchant,
  discount,
  minSpend: money,
  scope,
  productCategories,
  validFrom: localDate,
  validUntil: localDate,
});

/** Every current offer (the page filters by category locally, so a tab switch needs no request). */
export function listOffers(cache: CacheOptions<Offer[]> = {}): Promise<Result<Offer[]>> {
  return request({ path: '/v1/offers', auth: 'none', decode: listOf(decodeOffer), cache });
}

export function getOffer(id: string): Promise<Result<Offer>> {
  return request({ path: `/v1/offers/${encodeURIComponent(id)}`, auth: 'none', decode: decodeOffer });
}

/**
 * `key` identifies the user's intent to claim (domain/intent.ts): retries after a lost response and a second tap
 * send the same key, so the server hands out one coupon. The new coupon joins the offline wallet at once.
 */
export async function claimOffer(offerId: string, key: string, timeZone: string): Promise<Result<Coupon>> {
  const res = await request({
    method: 'POST',
    path: `/v1/offers/${encodeURIComponent(offerId)}/claim`,
    idempotencyKey: key,
    auth: 'required',
    decode: decodeCoupon,
  });
  if (res.ok) await rememberCoupon(res.data, timeZone);
  return res;
}

export function listCoupons(status?: CouponStatus): Promise<Result<Coupon[]>> {
  return request({ path: '/v1/coupons', query: { status }, auth: 'required', decode: listOf(decodeCoupon) });
}

/** One coupon, fresh from the server (polled while its code is shown); the wallet keeps the new copy. */
export async function getCoupon(id: string, timeZone: string): Promise<Result<Coupon>> {
  const res = await request({
    path: `/v1/coupons/${encodeURIComponent(id)}`,
    auth: 'required',
    decode: decodeCoupon,
  });
  if (res.ok) await rememberCoupon(res.data, timeZone);
  return res;
}

/** Fetches every coupon and stores them as the offline wallet; the wallet as saved. */
export async function syncCouponWallet(): Promise<Result<CouponWallet>> {
  const [coupons, destination] = await Promise.all([listCoupons(), getDestination()]);
  if (!coupons.ok) return coupons;
  if (!destination.ok) return fail(destination.error);
  const wallet: CouponWallet = {
    coupons: coupons.data,
    syncedAt: clock.now(),
    timeZone: destination.data.timeZone,
  };
  // A wallet that cannot be stored is still shown; it just will not open offline until the next sync.
  await saveCouponWallet(wallet);
  return ok(wallet);
}

/** Dev API only (develop builds): what a merchant's scanner does with a code. */
export function devRedeemCoupon(code: string): Promise<Result<Coupon>> {
  return request({
    method: 'POST',
    path: `/dev/coupons/${encodeURIComponent(code)}/redeem`,
    auth: 'none',
    decode: decodeCoupon,
  });
}
