// Wallet contents for the Me tests: tickets and coupons as the server gives them, with a chosen status and dates.
import type { WalletCoupon } from '../../../miniprogram/services/coupon-wallet';
import type { WalletTicket } from '../../../miniprogram/services/wallet';

export function ticket(id: string, status: WalletTicket['status'], visitDate: string): WalletTicket {
  return {
    id,
    orderId: 'order-1',
    productId: 'sky-tower-skydeck',
    title: { 'zh-CN': '天空塔观景台', en: 'Sky Tower SkyDeck' },
    ticketTypeId: 'adult',
    holderType: 'adult',
    code: `T-${id}`,
    qrPayload: `WF:${id}`,
    visitDate,
    validUntil: visitDate,
    status,
  };
}

export function coupon(id: string, status: WalletCoupon['status'], validUntil: string): WalletCoupon {
  return {
    id,
    offerId: 'offer-1',
    code: `C-${id}`,
    status,
    claimedAt: '2026-11-01T00:00:00Z',
    title: { 'zh-CN': '咖啡立减', en: 'Coffee discount' },
    merchant: { name: { 'zh-CN': '示例咖啡', en: 'Demo Coffee' } },
    discount: { type: 'fixed', amount: { amount: 300, currency: 'NZD' } },
    minSpend: { amount: 0, currency: 'NZD' },
    scope: 'in_store',
    validFrom: '2026-11-01',
    validUntil,
  };
}
