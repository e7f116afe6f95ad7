// The WeChat Pay API v3 cryptography the server does itself (the SDK signs requests and verifies answers): the
// paySign of wx.requestPayment, and checking and opening a notification. A notification is accepted only when its
// signature verifies over the raw body with a configured key named by Wechatpay-Serial, its timestamp is within
// 300 s, it is not a SIGNTEST probe, and its resource decrypts with the APIv3 key (AES-256-GCM, tag last 16 bytes).
import {
  createDecipheriv,
  createPublicKey,
  createSign,
  createVerify,
  X509Certificate,
  type KeyObject,
} from 'crypto';

export const CLOCK_SKEW_S = 300;

export function rsaSign(message: string, key: KeyObject): string {
  return createSign('RSA-SHA256').update(message).sign(key, 'base64');
}

export function rsaVerify(message: string, signature: string, key: KeyObject): boolean {
  try {
    return createVerify('RSA-SHA256').update(message).verify(key, signature, 'base64');
  } catch {
    return false;
  }
}

/** The lines a WeChat Pay answer or notification signature covers. */
export const responseMessage = (timestamp: string, nonce: string, body: string): string =>
  `${timestamp}\n${nonce}\n${body}\n`;

/** A configured platform key: a PEM public key (public-key mode) or a platform certificate (certificate mode). */
export function platformKey(pem: string): KeyObject {
  return pem.includes('BEGIN CERTIFICATE') ? new X509Certificate(pem).publicKey : createPublicKey(pem);
}

export interface NotificationHeaders {
  timestamp?: string;
  nonce?: string;
  serial?: string;
  signature?: string;
}

export type Verdict = { ok: true } | { ok: false; reason: string };

/** Whether a notification's headers sign its raw body with one of `keys` at a time near `nowMs`. */
export function verifyNotification(
  headers: NotificationHeaders,
  rawBody: string,
  keys: ReadonlyMap<string, KeyObject>,
  nowMs: number,
): Verdict {
  const { timestamp, nonce, serial, signature } = headers;
  if (!timestamp || !nonce || !serial || !signature)
    return { ok: false, reason: 'missing signature headers' };
  if (signature.startsWith('WECHATPAY/SIGNTEST/')) return { ok: false, reason: 'signature probe' };
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Number(timestamp) - nowMs / 1000) > CLOCK_SKEW_S) {
    return { ok: false, reason: 'timestamp outside 300 s' };
  }
  const key = keys.get(serial);
  if (!key) return { ok: false, reason: 'unknown serial' };
  return rsaVerify(responseMessage(timestamp, nonce, rawBody), signature, key)
    ? { ok: true }
    : { ok: false, reason: 'bad signature' };
}

export interface Resource {
  algorithm?: string;
  ciphertext?: string;
  associated_data?: string;
  nonce?: string;
}

/** The plaintext of an AEAD_AES_256_GCM resource, or undefined when it does not authenticate. */
export function decryptResource(resource: Resource, apiV3Key: string): string | undefined {
  const { algorithm, ciphertext, associated_data = '', nonce } = resource;
  if (algorithm !== 'AEAD_AES_256_GCM' || typeof ciphertext !== 'string' || typeof nonce !== 'string')
    return undefined;
  try {
    const sealed = Buffer.from(ciphertext, 'base64');
    if (sealed.length < 16) return undefined;
    const decipher = createDecipheriv(
      'aes-256-gcm',
      Buffer.from(apiV3Key, 'utf8'),
      Buffer.from(nonce, 'utf8'),
    );
    decipher.setAAD(Buffer.from(associated_data, 'utf8'));
    decipher.setAuthTag(sealed.subarray(sealed.length - 16));
    return Buffer.concat([
      decipher.update(sealed.subarray(0, sealed.length - 16)),
      decipher.final(),
    ]).toString('utf8');
  } catch {
    return undefined;
  }
}
