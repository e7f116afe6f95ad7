// What the offers list and an offer's page show: terms in words, whether it can be claimed today (the
// destination's today), the claim button for what the user already holds, and the message for each refusal. Pure.
import { assetUrl } from '../../api/destination';
import type { Offer, OfferCategory } from '../../api/coupons';
import { capText, discountText, minSpendText, scopeText, validityText } from '../../components/coupon-labels';
import { daysBetween, type LocalDate } from '../../domain/time';
import { currentLang, t, type MessageKey } from '../../i18n/index';
import { errorMessageKey, type ApiError } from '../../services/result';

export type CategoryTab = 'all' | OfferCategory;
export const CATEGORY_TABS: CategoryTab[] = ['all', 'food', 'shopping', 'attractions'];

export type Availability = 'open' | 'not_started' | 'ended' | 'sold_out';

export function availability(offer: Offer, today: LocalDate): Availability {
  if (daysBetween(today, offer.validFrom) > 0) return 'not_started';
  if (daysBetween(offer.validUntil, today) > 0) return 'ended';
  return offer.remaining > 0 ? 'open' : 'sold_out';
}

export interface OfferCard {
  id: string;
  title: string;
  merchant: string;
  image: string;
  discount: string;
  cap: string;
  minSpend: string;
  scope: string;
  validity: string;
  /** "12 left", "All claimed", "Starts 2026-12-20", "Ended". */
  stock: string;
  open: boolean;
}

function stockText(offer: Offer, state: Availability): string {
  if (state === 'open') return t('coupons.left', { n: offer.remaining });
  if (state === 'not_started') return t('coupons.state_not_started', { date: offer.validFrom });
  return t(`coupons.state_${state}` as MessageKey);
}

export function offerCard(offer: Offer, today: LocalDate): OfferCard {
  const lang = currentLang();
  const state = availability(offer, today);
  return {
    id: offer.id,
    title: offer.title[lang],
    merchant: offer.merchant.name[lang],
    image: offer.image ? assetUrl(offer.image) : '',
    discount: discountText(offer.discount),
    cap: capText(offer.discount),
    minSpend: minSpendText(offer.minSpend),
    scope: scopeText(offer.scope),
    validity: validityText(offer.validFrom, offer.validUntil),
    stock: stockText(offer, state),
    open: state === 'open',
  };
}

export function categoryTabs(
  offers: readonly Offer[],
): Array<{ id: CategoryTab; label: string; count: number }> {
  return CATEGORY_TABS.map((id) => ({
    id,
    label: t(`coupons.cat_${id}` as MessageKey),
    count: id === 'all' ? offers.length : offers.filter((o) => o.category === id).length,
  }));
}

/** Claimable offers first (in the server's order), then the ones that start later, then the rest. */
export function offerCards(offers: readonly Offer[], today: LocalDate, tab: CategoryTab): OfferCard[] {
  const rank: Record<Availability, number> = { open: 0, not_started: 1, sold_out: 2, ended: 3 };
  return offers
    .filter((o) => tab === 'all' || o.category === tab)
    .map((offer, index) => ({ offer, index, rank: rank[availability(offer, today)] }))
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .map(({ offer }) => offerCard(offer, today));
}

export interface OfferDetail extends OfferCard {
  terms: string;
  address: string;
  perUser: string;
  poiId: string;
  /** The merchant on a map, when its location is known. */
  map: { latitude: number; longitude: number; markers: MapMarker[] } | null;
  shareTitle: string;
}

interface MapMarker {
  id: number;
  latitude: number;
  longitude: number;
  iconPath: string;
  width: number;
  height: number;
  title: string;
}

/** The map page's selected pin (a main-package file, reachable from every subpackage). */
const PIN = '/pages/map/pins/0-on.png';

export function offerDetail(offer: Offer, today: LocalDate): OfferDetail {
  const lang = currentLang();
  const card = offerCard(offer, today);
  const location = offer.merchant.location;
  return {
    ...card,
    terms: offer.terms[lang],
    address: offer.merchant.address?.[lang] ?? '',
    perUser: t('coupons.perUser', { n: offer.perUserLimit }),
    poiId: offer.merchant.poiId ?? '',
    map: location
      ? {
          latitude: location.lat,
          longitude: location.lng,
          markers: [
            {
              id: 1,
              latitude: location.lat,
              longitude: location.lng,
              iconPath: PIN,
              width: 32,
              height: 40,
              title: card.merchant,
            },
          ],
        }
      : null,
    shareTitle: t('coupons.shareTitle', { merchant: card.merchant, title: card.title }),
  };
}

export type ClaimState = 'claim' | 'again' | 'claimed' | 'sold_out' | 'not_started' | 'ended' | 'moments';

export interface ClaimButton {
  state: ClaimState;
  label: string;
  /** A tap does something (claims, or opens the coupon already held). */
  enabled: boolean;
  /** "You have claimed 1". */
  held: string;
}

/**
 * The button under an offer, given how many of its coupons the user holds and what the server last said when a
 * claim was refused (it knows better than the phone's clock and the stock shown). Opened from Moments the page
 * runs alone (no login): it only says where to claim.
 */
export function claimButton(
  offer: Offer,
  today: LocalDate,
  held: number,
  context: { moments: boolean; learned?: Learned },
): ClaimButton {
  if (context.moments) return { state: 'moments', label: t('coupons.momentsNote'), enabled: false, held: '' };
  const heldText = held > 0 ? t('coupons.claimedCount', { n: held }) : '';
  const button = (state: ClaimState, label: string, enabled: boolean): ClaimButton => ({
    state,
    label,
    enabled,
    held: heldText,
  });
  if (held >= offer.perUserLimit || context.learned === 'limit') {
    return button('claimed', t('coupons.viewCoupon'), true);
  }
  const learned = context.learned;
  const state =
    learned === 'ended' || learned === 'not_started' || learned === 'sold_out'
      ? learned
      : availability(offer, today);
  if (state === 'ended') return button('ended', t('coupons.endedButton'), false);
  if (state === 'not_started') {
    return button('not_started', t('coupons.notStartedButton', { date: offer.validFrom }), false);
  }
  if (state === 'sold_out') return button('sold_out', t('coupons.soldOutButton'), false);
  return held > 0
    ? button('again', t('coupons.claimAgain'), true)
    : button('claim', t('coupons.claim'), true);
}

export type Learned = 'sold_out' | 'limit' | 'ended' | 'not_started';

export interface ClaimRefusal {
  message: string;
  /** What the refusal teaches about the offer, so the page stops offering what cannot be had. */
  learned?: Learned;
}

/** Each of the server's refusals in its own words; anything else as the common error message. */
export function claimRefusal(error: ApiError, offer: Offer): ClaimRefusal {
  if (error.kind === 'http') {
    switch (error.code) {
      case 'OFFER_SOLD_OUT':
        return { message: t('coupons.refusedSoldOut'), learned: 'sold_out' };
      case 'CLAIM_LIMIT_REACHED':
        return { message: t('coupons.refusedLimit', { n: offer.perUserLimit }), learned: 'limit' };
      case 'OFFER_EXPIRED':
        return { message: t('coupons.refusedExpired'), learned: 'ended' };
      case 'OFFER_NOT_STARTED':
        return { message: t('coupons.refusedNotStarted', { date: offer.validFrom }), learned: 'not_started' };
      case 'NOT_FOUND':
        return { message: t('coupons.offerNotFound') };
    }
  }
  return { message: t(errorMessageKey(error)) };
}
