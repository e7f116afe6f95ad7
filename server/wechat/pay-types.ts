// WeChat Pay's answers, in the server's terms (money as minor units + currency).
export type TradeState = 'SUCCESS' | 'NOTPAY' | 'CLOSED' | 'REFUND' | 'REVOKED' | 'USERPAYING' | 'PAYERROR';

export interface PayTransaction {
  outTradeNo: string;
  state: TradeState;
  transactionId?: string;
  /** What the merchant charged. */
  total: number;
  currency: string;
  /** What the payer paid (CNY fen) and, on Global, the rate ×10^8. */
  payerTotal?: number;
  payerCurrency?: string;
  rate?: number;
  successTime?: string;
}

/** WeChat Pay did not answer usably (5xx, timeout, network, a bad signature): try again later. */
export class PayUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PayUnavailable';
  }
}

/** WeChat Pay answered 4xx: the request itself was refused. */
export class PayRefused extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
    this.name = 'PayRefused';
  }
}
