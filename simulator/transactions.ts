// WeChat Pay's side of JSAPI orders: one transaction per merchant and out_trade_no, its prepay id, and what the
// payer did. The amounts a Global merchant's payer pays in CNY come from a fixed table of rates (×10^8, as WeChat
// Pay Global reports them).
import { randomBytes } from 'crypto';
import { rfc3339 } from '../server/wechat/rfc3339';

export type Region = 'domestic' | 'global';
export type TradeState = 'NOTPAY' | 'SUCCESS' | 'CLOSED' | 'REFUND';

export interface Transaction {
  region: Region;
  appid: string;
  mchid: string;
  outTradeNo: string;
  description: string;
  notifyUrl: string;
  total: number;
  currency: string;
  openid: string;
  /** Epoch ms after which the payer can no longer pay (time_expire). */
  expiresAt?: number;
  prepayId: string;
  state: TradeState;
  transactionId?: string;
  successTime?: number;
  payerTotal?: number;
  rate?: number;
  /** The notification id of the payment, so a duplicate delivery carries the same id. */
  notificationId?: string;
}

/** CNY per unit of a currency, ×10^8. */
const RATES: Record<string, number> = {
  CNY: 100_000_000,
  NZD: 420_000_000,
  AUD: 468_000_000,
  JPY: 4_750_000,
  USD: 712_000_000,
  EUR: 776_000_000,
  GBP: 905_000_000,
  HKD: 91_500_000,
  SGD: 532_000_000,
  THB: 20_500_000,
};
/** ISO 4217 minor-unit exponents that are not 2. */
const EXPONENT: Record<string, number> = { JPY: 0, KRW: 0 };

export const knownCurrency = (currency: string): boolean => currency in RATES;

/** What the payer pays in fen for `total` minor units of `currency`. */
export function payerTotal(total: number, currency: string): { payerTotal: number; rate: number } {
  const rate = RATES[currency]!;
  const exponent = EXPONENT[currency] ?? 2;
  return { payerTotal: Math.round((total * rate * 10 ** (2 - exponent)) / 1e8), rate };
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS';

export interface Refund {
  region: Region;
  mchid: string;
  outTradeNo: string;
  transactionId: string;
  outRefundNo: string;
  refundId: string;
  refund: number;
  total: number;
  currency: string;
  notifyUrl: string;
  status: RefundStatus;
  createdAt: number;
  successAt?: number;
  notificationId?: string;
}

/** A refund as the refund APIs answer it. */
export function refundView(r: Refund): Record<string, unknown> {
  return {
    refund_id: r.refundId,
    out_refund_no: r.outRefundNo,
    transaction_id: r.transactionId,
    out_trade_no: r.outTradeNo,
    status: r.status,
    create_time: rfc3339(r.createdAt),
    ...(r.successAt !== undefined && { success_time: rfc3339(r.successAt) }),
    amount: { total: r.total, refund: r.refund, currency: r.currency },
  };
}

export const newRefundId = (): string => `50${Date.now()}${randomBytes(4).toString('hex')}`;
export const newPrepayId = (): string => `wx${randomBytes(16).toString('hex')}`;
export const newTransactionId = (): string => `4200${Date.now()}${randomBytes(4).toString('hex')}`;

/** The transaction as the query API and the notification resource show it. */
export function transactionView(t: Transaction): Record<string, unknown> {
  const paid = t.state === 'SUCCESS' || t.state === 'REFUND';
  const amount: Record<string, unknown> = { total: t.total, currency: t.currency };
  if (paid) {
    Object.assign(amount, { payer_total: t.payerTotal, payer_currency: 'CNY' });
    if (t.region === 'global') amount.exchange_rate = { type: 'SETTLEMENT_RATE', rate: t.rate };
  }
  return {
    appid: t.appid,
    mchid: t.mchid,
    out_trade_no: t.outTradeNo,
    ...(t.transactionId !== undefined && { transaction_id: t.transactionId }),
    trade_type: 'JSAPI',
    trade_state: t.state,
    trade_state_desc: TRADE_STATE_DESC[t.state],
    ...(paid && { bank_type: 'OTHERS', success_time: rfc3339(t.successTime!) }),
    payer: { openid: t.openid },
    amount,
  };
}

const TRADE_STATE_DESC: Record<TradeState, string> = {
  NOTPAY: '未支付',
  SUCCESS: '支付成功',
  CLOSED: '已关闭',
  REFUND: '转入退款',
};
