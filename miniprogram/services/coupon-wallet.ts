// The coupon wallet kept on the phone, so a coupon's code opens at the merchant's counter with no signal.
// Codes are bearer credentials (whoever shows one can redeem it), so the wallet is stored encrypted.
import type { components } from '../../typings/api';
import { defineKey, read, write, type StorageWriteError } from './storage';

export type WalletCoupon = components['schemas']['Coupon'];

export interface CouponWallet {
  coupons: WalletCoupon[];
  /** When the server last gave the full list (epoch ms); 0 while only single coupons were remembered. */
  syncedAt: number;
  /** The destination's zone, so expiry is judged on its date when the wallet opens offline. */
  timeZone: string;
}

export const couponWalletKey = defineKey<CouponWallet>('wallet.coupons', 1, { encrypt: true });

export function loadCouponWallet(): Promise<CouponWallet | undefined> {
  return read(couponWalletKey);
}

/** The server's full list replaces the stored one: it is the truth about use and expiry. */
export function saveCouponWallet(wallet: CouponWallet): Promise<StorageWriteError | undefined> {
  return write(couponWalletKey, wallet);
}

/**
 * One coupon the app just got from the server (claimed, or polled at the counter) replaces its stored copy or
 * joins the wallet, newest first, so it opens offline before the next full sync.
 */
export async function rememberCoupon(
  coupon: WalletCoupon,
  timeZone: string,
): Promise<StorageWriteError | undefined> {
  const stored = await loadCouponWallet();
  const list = stored?.coupons ?? [];
  const coupons = list.some((c) => c.id === coupon.id)
    ? list.map((c) => (c.id === coupon.id ? coupon : c))
    : [coupon, ...list];
  return saveCouponWallet({
    coupons,
    syncedAt: stored?.syncedAt ?? 0,
    timeZone: stored?.timeZone ?? timeZone,
  });
}
