// The platform's signing key as a merchant knows it: in the WeChat Pay public-key mode (what new merchants get) a
// public key under an id `PUB_KEY_ID_…`; in the older certificate mode a platform certificate under its serial
// number (made here with node-forge: Node's crypto reads certificates but does not make them). Rotating makes a
// new key under a new id while merchants may still hold the old one.
import { generateKeyPairSync, randomBytes, type KeyObject } from 'crypto';
import forge from 'node-forge';

export type PlatformMode = 'public-key' | 'certificate';

export interface PlatformKeys {
  serial: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** What the merchant downloads: the public key, or the platform certificate. */
  pem: string;
}

export function newPlatformKeys(mode: PlatformMode = 'public-key'): PlatformKeys {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  if (mode === 'public-key') {
    return {
      serial: `PUB_KEY_ID_01${randomBytes(16).toString('hex').toUpperCase()}`,
      privateKey,
      publicKey,
      pem: publicPem,
    };
  }
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = `5${randomBytes(19).toString('hex').toUpperCase()}`;
  cert.validity.notBefore = new Date(Date.now() - 86_400_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  const name = [{ name: 'commonName', value: 'Tenpay.com Root CA (simulated)' }];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.sign(
    forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString()),
    forge.md.sha256.create(),
  );
  return { serial: cert.serialNumber, privateKey, publicKey, pem: forge.pki.certificateToPem(cert) };
}

/** A merchant's API key pair and the serial of its (simulated) merchant certificate. */
export function newMerchantKeys(): { serial: string; privateKey: KeyObject; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { serial: randomBytes(20).toString('hex').toUpperCase(), privateKey, publicKey };
}
