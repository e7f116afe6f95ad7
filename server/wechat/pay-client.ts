// WeChat Pay API v3 for JSAPI (mini program) payments, domestic or Global by configuration. Requests are signed and
// answers verified by wechatpay-axios-plugin (a kept SDK: RSA request signatures, response signature and clock
// checks) rather than by code of ours; this file maps the two regions' paths and bodies and the answers.
import { createPrivateKey, randomBytes, type KeyObject } from 'crypto';
import { Wechatpay } from 'wechatpay-axios-plugin';
import { platformKey, rsaSign } from './pay-crypto';
import type { WeChatPayConfig } from './pay-config';
import { rfc3339 } from './rfc3339';
import { PayRefused, PayUnavailable, type PayTransaction, type TradeState } from './pay-types';

export interface PrepayRequest {
  outTradeNo: string;
  description: string;
  total: number;
  currency: string;
  openid: string;
  /** Epoch ms; the payer can not pay after it. */
  expiresAt: number;
}

export interface RequestPaymentParams {
  timeStamp: string;
  nonceStr: string;
  package: string;
  signType: 'RSA';
  paySign: string;
}

const PATHS = {
  domestic: {
    transactions: 'v3/pay/transactions',
    refunds: 'v3/refund/domestic/refunds',
    refund: 'v3/refund/domestic/refunds/',
  },
  global: {
    transactions: 'v3/global/transactions',
    refunds: 'v3/global/refunds',
    refund: 'v3/global/refunds/out-refund-no/',
  },
} as const;

export interface RefundRequest {
  outTradeNo: string;
  outRefundNo: string;
  reason: string;
  /** The whole charge is refunded: refund = total, in the charge's currency. */
  amount: number;
  currency: string;
}

export type RefundStatus = 'PROCESSING' | 'SUCCESS' | 'ABNORMAL' | 'CLOSED';

export interface PayRefund {
  outRefundNo: string;
  status: RefundStatus;
  refundId?: string;
}

export class WeChatPayClient {
  private readonly sdk: Wechatpay;
  private readonly signingKey: KeyObject;
  /** The keys WeChat Pay may sign with, by serial (answers are checked by the SDK, notifications by us). */
  readonly platformKeys: ReadonlyMap<string, KeyObject>;

  constructor(readonly config: WeChatPayConfig) {
    this.sdk = new Wechatpay({
      mchid: config.mchid,
      serial: config.merchantSerial,
      privateKey: config.merchantPrivateKey,
      certs: config.platformKeys,
      baseURL: config.baseUrl.endsWith('/') ? config.baseUrl : `${config.baseUrl}/`,
      timeout: config.timeoutMs ?? 10_000,
      // Node's http whatever the globals: axios would take an XMLHttpRequest where one exists (the page tests run
      // this server under jsdom, whose XHR applies CORS to a server-to-server call).
      adapter: 'http',
    });
    this.signingKey = createPrivateKey(config.merchantPrivateKey);
    this.platformKeys = new Map(
      Object.entries(config.platformKeys).map(([serial, pem]) => [serial, platformKey(pem)]),
    );
  }

  /** A prepay id for the order (the same out_trade_no again returns a usable one while it is unpaid). */
  async prepay(order: PrepayRequest): Promise<string> {
    const { region, appid, mchid } = this.config;
    const body = {
      appid,
      mchid,
      description: order.description.slice(0, 127),
      out_trade_no: order.outTradeNo,
      time_expire: rfc3339(order.expiresAt),
      notify_url: this.config.notifyUrl(),
      amount: { total: order.total, currency: order.currency },
      payer: { openid: order.openid },
      ...(region === 'global' && {
        trade_type: 'JSAPI',
        merchant_category_code: this.config.merchantCategoryCode ?? '4722',
      }),
    };
    const data = await this.call<{ prepay_id?: string }>('post', `${this.paths.transactions}/jsapi`, body);
    if (typeof data.prepay_id !== 'string') throw new PayUnavailable('jsapi answered without prepay_id');
    return data.prepay_id;
  }

  /** The transaction WeChat Pay knows for an out_trade_no, or undefined when it has none. */
  async query(outTradeNo: string): Promise<PayTransaction | undefined> {
    try {
      const data = await this.call<WireTransaction>(
        'get',
        `${this.paths.transactions}/out-trade-no/${encodeURIComponent(outTradeNo)}`,
        undefined,
        { mchid: this.config.mchid },
      );
      return fromWire(data);
    } catch (error) {
      if (error instanceof PayRefused && error.code === 'ORDER_NOT_EXIST') return undefined;
      throw error;
    }
  }

  /** Closes an unpaid order so it can no longer be paid; 'paid' when the payer was faster. */
  async close(outTradeNo: string): Promise<'closed' | 'paid' | 'unknown'> {
    try {
      await this.call(
        'post',
        `${this.paths.transactions}/out-trade-no/${encodeURIComponent(outTradeNo)}/close`,
        {
          mchid: this.config.mchid,
        },
      );
      return 'closed';
    } catch (error) {
      if (error instanceof PayRefused && error.code === 'ORDERPAID') return 'paid';
      if (error instanceof PayRefused && error.code === 'ORDER_NOT_EXIST') return 'unknown';
      throw error;
    }
  }

  /** Asks WeChat Pay to refund a paid order; the same out_refund_no again is the same refund. */
  async refund(request: RefundRequest): Promise<PayRefund> {
    const { region, mchid, appid } = this.config;
    const data = await this.call<WireRefund>('post', this.paths.refunds, {
      ...(region === 'global' && { mchid, appid }),
      out_trade_no: request.outTradeNo,
      out_refund_no: request.outRefundNo,
      reason: request.reason.slice(0, 80),
      notify_url: this.config.notifyUrl(),
      amount: { refund: request.amount, total: request.amount, currency: request.currency },
    });
    return refundFromWire(data);
  }

  /** A refund's status at WeChat Pay, or undefined when it has none by that number. */
  async queryRefund(outRefundNo: string): Promise<PayRefund | undefined> {
    try {
      const data = await this.call<WireRefund>(
        'get',
        `${this.paths.refund}${encodeURIComponent(outRefundNo)}`,
        undefined,
        this.config.region === 'global' ? { mchid: this.config.mchid } : undefined,
      );
      return refundFromWire(data);
    } catch (error) {
      if (error instanceof PayRefused && error.code === 'RESOURCE_NOT_EXISTS') return undefined;
      throw error;
    }
  }

  /** wx.requestPayment's parameters: paySign is RSA-SHA256 over appId, timeStamp, nonceStr and package. */
  requestPayment(prepayId: string, nowMs: number): RequestPaymentParams {
    const timeStamp = String(Math.floor(nowMs / 1000));
    const nonceStr = randomBytes(16).toString('hex');
    const pkg = `prepay_id=${prepayId}`;
    const paySign = rsaSign(`${this.config.appid}\n${timeStamp}\n${nonceStr}\n${pkg}\n`, this.signingKey);
    return { timeStamp, nonceStr, package: pkg, signType: 'RSA', paySign };
  }

  private get paths() {
    return PATHS[this.config.region];
  }

  private async call<T>(
    method: 'get' | 'post',
    path: string,
    body?: object,
    params?: Record<string, string>,
  ): Promise<T> {
    try {
      const endpoint = this.sdk.chain(path);
      const response =
        method === 'get' ? await endpoint.get({ params }) : await endpoint.post(body, { params });
      return response.data as T;
    } catch (error) {
      throw classify(error);
    }
  }
}

interface WireTransaction {
  out_trade_no: string;
  trade_state: TradeState;
  transaction_id?: string;
  success_time?: string;
  amount?: {
    total?: number;
    currency?: string;
    payer_total?: number;
    payer_currency?: string;
    exchange_rate?: { rate?: number };
  };
}

interface WireRefund {
  out_refund_no: string;
  refund_id?: string;
  /** `status` in API answers, `refund_status` in notifications. */
  status?: RefundStatus;
  refund_status?: RefundStatus;
}

/** A refund answer or a decrypted refund notification, in the server's terms. */
export function refundFromWire(data: WireRefund): PayRefund {
  return {
    outRefundNo: data.out_refund_no,
    refundId: data.refund_id,
    status: data.status ?? data.refund_status ?? 'PROCESSING',
  };
}

/** A query answer or a decrypted notification resource, in the server's terms. */
export function fromWire(data: WireTransaction): PayTransaction {
  const amount = data.amount ?? {};
  return {
    outTradeNo: data.out_trade_no,
    state: data.trade_state,
    transactionId: data.transaction_id,
    total: amount.total ?? 0,
    currency: amount.currency ?? 'CNY',
    payerTotal: amount.payer_total,
    payerCurrency: amount.payer_currency,
    rate: amount.exchange_rate?.rate,
    successTime: data.success_time,
  };
}

function classify(error: unknown): Error {
  const response = (error as { response?: { status?: number; data?: unknown } }).response;
  const status = response?.status ?? 0;
  if (status >= 400 && status < 500) {
    const data = parseMaybe(response?.data) as { code?: string; message?: string } | undefined;
    return new PayRefused(status, data?.code ?? 'UNKNOWN', data?.message ?? '');
  }
  const reason = status >= 500 ? `answered ${status}` : (error as Error).message;
  return new PayUnavailable(`WeChat Pay ${reason}`);
}

function parseMaybe(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
