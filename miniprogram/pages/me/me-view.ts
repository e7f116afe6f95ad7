// What the Me tab shows: the brand, the hub entries with their counts, the customer-service context. Pure.
import type { Order } from '../../api/orders';
import type { Policy } from '../../api/insurance';
import { brand } from '../../config/brand';
import { couponStatus } from '../../domain/coupon';
import { localDateAt } from '../../domain/time';
import { currentLang, t, type Lang, type MessageKey } from '../../i18n/index';
import type { HubCounts } from '../../services/account';
import type { CouponWallet } from '../../services/coupon-wallet';
import type { Wallet } from '../../services/wallet';

export type HubId = 'tickets' | 'orders' | 'coupons' | 'policies';

export interface HubEntry {
  id: HubId;
  label: string;
  /** e.g. "2 valid"; empty when there is nothing to count (or nothing known yet). */
  count: string;
}

export type Counts = Partial<Record<HubId, number>>;

/** What the phone holds: tickets and coupons from their wallets, orders and policies as last counted. */
export interface LocalState {
  wallet?: Wallet;
  coupons?: CouponWallet;
  server?: HubCounts;
}

/** Usable tickets and coupons are judged on the destination's date, as the wallets do. */
export function localCounts(state: LocalState, now: number): Counts {
  const { wallet, coupons, server } = state;
  const counts: Counts = { orders: server?.orders, policies: server?.policies };
  if (wallet) {
    const today = localDateAt(now, wallet.timeZone);
    counts.tickets = wallet.tickets.filter((x) => x.status === 'valid' && x.validUntil >= today).length;
  }
  if (coupons) {
    const today = localDateAt(now, coupons.timeZone);
    counts.coupons = coupons.coupons.filter(
      (c) => couponStatus(c.status, c.validUntil, today) === 'unused',
    ).length;
  }
  return counts;
}

/** Orders still to pay (before their expiry) and policies in force: what a visitor may need to act on. */
export function serverCounts(orders: readonly Order[], policies: readonly Policy[], now: number): HubCounts {
  return {
    orders: orders.filter((o) => o.status === 'PENDING_PAYMENT' && Date.parse(o.expiresAt) > now).length,
    policies: policies.filter((p) => p.status === 'active').length,
  };
}

const HUB: HubId[] = ['tickets', 'orders', 'coupons', 'policies'];
const COUNT_KEYS: Record<HubId, MessageKey> = {
  tickets: 'me.countTickets',
  orders: 'me.countOrders',
  coupons: 'me.countCoupons',
  policies: 'me.countPolicies',
};

export function hubEntries(counts: Counts): HubEntry[] {
  return HUB.map((id) => {
    const n = counts[id];
    return { id, label: t(`me.${id}`), count: n ? t(COUNT_KEYS[id], { count: n }) : '' };
  });
}

/** Where each entry leads; e-tickets are the Trips tab. */
export const HUB_LINKS: Record<HubId, { url: string; tab?: true }> = {
  tickets: { url: '/pages/trips/index', tab: true },
  orders: { url: '/packages/orders/pages/list/index' },
  coupons: { url: '/packages/coupons/pages/wallet/index' },
  policies: { url: '/packages/insurance/pages/policies/index' },
};

export interface HeaderView {
  name: string;
  logo: string;
}

export function headerView(): HeaderView {
  return { name: brand.name[currentLang()], logo: brand.logo };
}

/** The <button open-type="contact"> attributes: the brand's session title and the page the visitor asks from. */
export interface ContactView {
  title: string;
  path: string;
  sessionFrom: string;
}

export function contactView(route: string, lang: Lang): ContactView {
  return {
    title: brand.customerService.title[lang],
    path: `/${route}`,
    sessionFrom: `page=${route}&lang=${lang}`,
  };
}
