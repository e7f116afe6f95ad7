// What the server needs to talk to WeChat Pay API v3, from configuration (server/config.ts) or, in development, from
// the local simulator. Keys are PEM text held in memory only.

/** Domestic: a mainland merchant, `/v3/pay/...`, CNY. Global: an overseas merchant, `/v3/global/...`, its currency. */
export type PayRegion = 'domestic' | 'global';

export interface WeChatPayConfig {
  region: PayRegion;
  /** https://api.mch.weixin.qq.com (domestic), https://apihk.mch.weixin.qq.com (Global), or the simulator. */
  baseUrl: string;
  /** The mini program's appid (the payer's openid belongs to it). */
  appid: string;
  mchid: string;
  /** Serial of the merchant API certificate, and its private key (PEM). */
  merchantSerial: string;
  merchantPrivateKey: string;
  /**
   * The keys WeChat Pay signs with, by the serial it names in `Wechatpay-Serial`: the WeChat Pay public key
   * (`PUB_KEY_ID_…`) and/or platform certificates (their serial); PEM public keys or certificates.
   */
  platformKeys: Record<string, string>;
  /** The 32-byte APIv3 key that encrypts notification resources. */
  apiV3Key: string;
  /** Where WeChat Pay sends notifications (https, no query); resolved when first needed. */
  notifyUrl: () => string;
  /** Global only: the merchant category code WeChat Pay Global requires on every order. */
  merchantCategoryCode?: string;
  /** Milliseconds before a call to WeChat Pay counts as unanswered. Default 10 s. */
  timeoutMs?: number;
  /** Develop only: the simulator's origin as the mini program reaches it (its sandbox sheet posts there). */
  sandboxOrigin?: string;
}

/** The path where the server takes WeChat Pay's notifications. */
export const NOTIFY_PATH = '/wechatpay/notify';
