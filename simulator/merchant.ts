// A merchant account at the simulator, and the server's WeChat Pay configuration for it: what development and the
// tests run with. The keys are made here, at start; nothing is written to disk.
import { randomBytes } from 'crypto';
import type { PayRegion, WeChatPayConfig } from '../server/wechat/pay-config';
import { SIMULATED_APPID } from './app-account';
import { newMerchantKeys } from './keys';
import type { SimulatorState } from './state';

export interface SimulatedMerchantOptions {
  region?: PayRegion;
  appid?: string;
  mchid?: string;
  /** Where the simulator sends notifications; resolved when a prepay is made. */
  notifyUrl: () => string;
  timeoutMs?: number;
}

export function simulatedMerchant(sim: SimulatorState, options: SimulatedMerchantOptions): WeChatPayConfig {
  const region = options.region ?? 'global';
  const appid = options.appid ?? SIMULATED_APPID;
  const mchid = options.mchid ?? String(1_900_000_000 + sim.merchants.size);
  const keys = newMerchantKeys();
  const apiV3Key = randomBytes(16).toString('hex');
  sim.registerMerchant({ region, mchid, appid, serial: keys.serial, publicKey: keys.publicKey, apiV3Key });
  const platformKeys = sim.platformPems();
  return {
    region,
    baseUrl: sim.origin,
    appid,
    mchid,
    merchantSerial: keys.serial,
    merchantPrivateKey: keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    platformKeys,
    apiV3Key,
    notifyUrl: options.notifyUrl,
    timeoutMs: options.timeoutMs,
    sandboxOrigin: sim.publicOrigin,
  };
}
