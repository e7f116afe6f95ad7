// WeChat Pay API v3's cryptography as the platform side sees it: check a merchant's request signature, sign an
// answer or a notification, encrypt a notification's resource. The RSA primitives are the server's; a test checks
// all of it against an SDK written elsewhere (wechatpay-axios-plugin).
import { createCipheriv, randomBytes, type KeyObject } from 'crypto';
import { responseMessage, rsaSign } from '../server/wechat/pay-crypto';

export { rsaVerify } from '../server/wechat/pay-crypto';

export interface Authorization {
  mchid: string;
  nonce: string;
  signature: string;
  timestamp: string;
  serial: string;
}

const SCHEME = 'WECHATPAY2-SHA256-RSA2048 ';

/** The fields of an `Authorization: WECHATPAY2-SHA256-RSA2048 k="v",...` header, or undefined when malformed. */
export function parseAuthorization(header: string | undefined): Authorization | undefined {
  if (header === undefined || !header.startsWith(SCHEME)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(SCHEME.length).split(',')) {
    const match = /^\s*([a-z_]+)="([^"]*)"\s*$/.exec(part);
    if (!match) return undefined;
    fields.set(match[1]!, match[2]!);
  }
  const [mchid, nonce, signature, timestamp, serial] = [
    'mchid',
    'nonce_str',
    'signature',
    'timestamp',
    'serial_no',
  ].map((name) => fields.get(name));
  if (!mchid || !nonce || !signature || !timestamp || !serial) return undefined;
  return { mchid, nonce, signature, timestamp, serial };
}

/** The lines a request signature covers: method, path with query, timestamp, nonce, body. */
export const requestMessage = (method: string, url: string, timestamp: string, nonce: string, body: string) =>
  `${method}\n${url}\n${timestamp}\n${nonce}\n${body}\n`;

/** Headers that sign `body` as WeChat Pay does, with the key named `serial` (a public-key id or certificate serial). */
export function signedHeaders(body: string, key: KeyObject, serial: string, nowSeconds: number) {
  const timestamp = String(nowSeconds);
  const nonce = randomBytes(16).toString('hex');
  return {
    'Wechatpay-Timestamp': timestamp,
    'Wechatpay-Nonce': nonce,
    'Wechatpay-Serial': serial,
    'Wechatpay-Signature': rsaSign(responseMessage(timestamp, nonce, body), key),
  };
}

export interface EncryptedResource {
  algorithm: 'AEAD_AES_256_GCM';
  ciphertext: string;
  associated_data: string;
  original_type: string;
  nonce: string;
}

/** AEAD_AES_256_GCM with the merchant's APIv3 key: base64(ciphertext || 16-byte tag). */
export function encryptResource(
  plaintext: string,
  apiV3Key: string,
  associatedData: string,
  originalType: string,
): EncryptedResource {
  const nonce = randomBytes(6).toString('hex'); // 12 characters, used as 12 bytes of IV as WeChat Pay does
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(apiV3Key, 'utf8'), Buffer.from(nonce, 'utf8'));
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const sealed = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return {
    algorithm: 'AEAD_AES_256_GCM',
    ciphertext: sealed.toString('base64'),
    associated_data: associatedData,
    original_type: originalType,
    nonce,
  };
}
