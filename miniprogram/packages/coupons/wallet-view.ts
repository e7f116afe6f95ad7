// What the coupon wallet and a coupon's page show. A coupon's status is judged at the moment of viewing on the
// destination's date (a wallet opened offline a day later shows yesterday's last-day coupon as expired). Pure.
import type { Coupon } from '../../api/coupons';
import { capText, discountText, minSpendText, scopeText } from '../../components/coupon-labels';
import { couponStatus, type CouponStatus } from '../../domain/coupon';
import { daysBetween, localDateAt, localTimeAt, type LocalDate } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';

export const WALLET_TABS: CouponStatus[] = ['unused', 'used', 'expired'];

export function isWalletTab(value: unknown): value is CouponStatus {
  return WALLET_TABS.includes(value as CouponStatus);
}

export function statusOf(coupon: Coupon, today: LocalDate): CouponStatus {
  return couponStatus(coupon.status, coupon.validUntil, today);
}

export interface CouponCard {
  id: string;
  title: string;
  merchant: string;
  discount: string;
  cap: string;
  minSpend: string;
  scope: string;
  validity: string;
  status: CouponStatus;
  statusLabel: string;
}

function usedAtText(coupon: Coupon, zone: string): string {
  if (!coupon.usedAt) return '';
  const at = Date.parse(coupon.usedAt);
  return t('coupons.usedAt', { time: `${localDateAt(at, zone)} ${localTimeAt(at, zone)}` });
}

function validityOf(coupon: Coupon, status: CouponStatus, today: LocalDate, zone: string): string {
  if (status === 'used') return usedAtText(coupon, zone);
  return daysBetween(today, coupon.validFrom) > 0
    ? t('coupons.validFromTo', { from: coupon.validFrom, until: coupon.validUntil })
    : t('coupons.validUntil', { date: coupon.validUntil });
}

export function couponCard(coupon: Coupon, today: LocalDate, zone: string): CouponCard {
  const lang = currentLang();
  const status = statusOf(coupon, today);
  return {
    id: coupon.id,
    title: coupon.title[lang],
    merchant: coupon.merchant.name[lang],
    discount: discountText(coupon.discount),
    cap: capText(coupon.discount),
    minSpend: minSpendText(coupon.minSpend),
    scope: scopeText(coupon.scope),
    validity: validityOf(coupon, status, today, zone),
    status,
    statusLabel: t(`coupons.status_${status}` as MessageKey),
  };
}

export interface WalletView {
  tabs: Array<{ id: CouponStatus; label: string; count: number }>;
  cards: CouponCard[];
  empty: string;
}

/** Unused: soonest to expire first; used: last used first; expired: last to expire first. */
function order(tab: CouponStatus): (a: Coupon, b: Coupon) => number {
  if (tab === 'unused') return (a, b) => daysBetween(b.validUntil, a.validUntil);
  if (tab === 'used') return (a, b) => Date.parse(b.usedAt ?? '') - Date.parse(a.usedAt ?? '') || 0;
  return (a, b) => daysBetween(a.validUntil, b.validUntil);
}

export function walletView(
  coupons: readonly Coupon[],
  today: LocalDate,
  zone: string,
  tab: CouponStatus,
): WalletView {
  const byStatus = (status: CouponStatus) => coupons.filter((c) => statusOf(c, today) === status);
  return {
    tabs: WALLET_TABS.map((id) => ({
      id,
      label: t(`coupons.tab_${id}` as MessageKey),
      count: byStatus(id).length,
    })),
    cards: byStatus(tab)
      .sort(order(tab))
      .map((c) => couponCard(c, today, zone)),
    empty: t(`coupons.walletEmpty_${tab}` as MessageKey),
  };
}

export interface CouponDetail extends CouponCard {
  code: string;
  /** The QR and code are shown only when a merchant can redeem the coupon now. */
  showCode: boolean;
  /** Why there is no code to show, or how the coupon is used. */
  notice: string;
  atCheckout: boolean;
  offerId: string;
  directions: { latitude: number; longitude: number; name: string; address: string } | null;
}

export function couponDetail(coupon: Coupon, today: LocalDate, zone: string): CouponDetail {
  const lang = currentLang();
  const card = couponCard(coupon, today, zone);
  const atCheckout = coupon.scope === 'ticket_checkout';
  const notStarted = daysBetween(today, coupon.validFrom) > 0;
  const showCode = card.status === 'unused' && !atCheckout && !notStarted;
  const notice =
    card.status === 'used'
      ? t('coupons.usedNotice')
      : card.status === 'expired'
        ? t('coupons.expiredNotice')
        : notStarted
          ? t('coupons.notYetValid', { date: coupon.validFrom })
          : atCheckout
            ? t('coupons.useAtCheckout')
            : t('coupons.showToMerchant');
  const location = coupon.merchant.location;
  return {
    ...card,
    code: coupon.code,
    showCode,
    notice,
    atCheckout,
    offerId: coupon.offerId,
    directions:
      location && !atCheckout
        ? {
            latitude: location.lat,
            longitude: location.lng,
            name: card.merchant,
            address: coupon.merchant.address?.[lang] ?? '',
          }
        : null,
  };
}
