// The platform's signing key as a merchant knows it: in the WeChat Pay public-key mode (what new merchants get) a
// key id `PUB_KEY_ID_…`; rotating makes a new key under a new id while merchants may still hold the old one.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'crypto';

export interface PlatformKeys {
  serial: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newPlatformKeys(): PlatformKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const serial = `PUB_KEY_ID_01${randomBytes(16).toString('hex').toUpperCase()}`;
  return { serial, privateKey, publicKey };
}

/** A merchant's API key pair and the serial of its (simulated) merchant certificate. */
export function newMerchantKeys(): { serial: string; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { serial: randomBytes(20).toString('hex').toUpperCase(), privateKey, publicKey };
}
