// WeChat Pay's production configuration from the environment (`npm run serve`). Key material is read from files
// (the merchant private key, WeChat Pay's public key or platform certificates) or, for the APIv3 key, from the
// variable or a file. Problems are one line per variable and never quote a secret.
import { readFileSync } from 'fs';
import { createPrivateKey } from 'crypto';
import { envValues, readSecret, type EnvValue, type ReadFile } from './env-values';
import { platformKey } from './pay-crypto';
import { NOTIFY_PATH, type PayRegion, type WeChatPayConfig } from './pay-config';

export const APPID = /^wx[0-9a-f]{16}$/;

const BASE_URLS: Record<PayRegion, string> = {
  domestic: 'https://api.mch.weixin.qq.com',
  global: 'https://apihk.mch.weixin.qq.com',
};

export type PayEnvResult =
  { ok: true; config: WeChatPayConfig | undefined } | { ok: false; problems: string[] };

const readText: ReadFile = (file) => readFileSync(file, 'utf8');

/** Undefined config when no WECHATPAY_ variable is set (payments then answer 503); all of them otherwise. */
export function readWeChatPayEnv(
  env: NodeJS.ProcessEnv,
  publicOrigin: string,
  read: ReadFile = readText,
): PayEnvResult {
  const value = envValues(env);
  if (!Object.keys(env).some((name) => name.startsWith('WECHATPAY_') && value(name) !== undefined)) {
    return { ok: true, config: undefined };
  }
  const problems: string[] = [];
  const required = (name: string, what: string): string => {
    const text = value(name);
    if (text === undefined) problems.push(`${name} is required with WeChat Pay: ${what}`);
    return text ?? '';
  };
  const file = (name: string, what: string, check: (text: string) => void): string => {
    const path = required(name, what);
    if (path === '') return '';
    try {
      const text = read(path);
      check(text);
      return text;
    } catch {
      problems.push(`${name} must name a readable file holding ${what}`);
      return '';
    }
  };

  const regionText = required(
    'WECHATPAY_REGION',
    'global (an overseas merchant) or domestic (a mainland one)',
  );
  const region = regionText === 'global' || regionText === 'domestic' ? regionText : undefined;
  if (regionText !== '' && region === undefined) {
    problems.push(`WECHATPAY_REGION must be global or domestic (got "${regionText}")`);
  }
  const appid = required('WECHAT_APPID', "the mini program's AppID (wx…)");
  if (appid !== '' && !APPID.test(appid)) problems.push('WECHAT_APPID must look like wx + 16 hex digits');
  const mchid = required('WECHATPAY_MCHID', 'the merchant id');
  if (mchid !== '' && !/^\d{6,32}$/.test(mchid)) problems.push('WECHATPAY_MCHID must be digits');
  const merchantSerial = required(
    'WECHATPAY_MERCHANT_SERIAL',
    "the merchant API certificate's serial number",
  );
  const merchantPrivateKey = file(
    'WECHATPAY_PRIVATE_KEY_FILE',
    'the merchant API private key (apiclient_key.pem)',
    (text) => void createPrivateKey(text),
  );
  const platformKeys = readPlatformKeys(
    required('WECHATPAY_PLATFORM_KEYS', 'serial=file pairs'),
    read,
    problems,
  );
  const apiV3Key = readApiV3Key(value, read, problems);
  const baseUrl = value('WECHATPAY_BASE_URL') ?? (region ? BASE_URLS[region] : '');
  if (!/^https:\/\/[^/?#]+\/?$/.test(baseUrl) && region)
    problems.push('WECHATPAY_BASE_URL must be an https origin');
  const mcc = value('WECHATPAY_MCC');
  if (mcc !== undefined && !/^\d{4}$/.test(mcc))
    problems.push('WECHATPAY_MCC must be a 4-digit merchant category code');

  if (problems.length > 0 || !region) return { ok: false, problems };
  return {
    ok: true,
    config: {
      region,
      baseUrl,
      appid,
      mchid,
      merchantSerial,
      merchantPrivateKey,
      platformKeys,
      apiV3Key,
      notifyUrl: () => `${publicOrigin}${NOTIFY_PATH}`,
      merchantCategoryCode: mcc,
    },
  };
}

/** `PUB_KEY_ID_…=/keys/pub_key.pem,5157F09EFDC096DE15EBE81A47057A72…=/keys/wechatpay_cert.pem` */
function readPlatformKeys(text: string, read: ReadFile, problems: string[]): Record<string, string> {
  const keys: Record<string, string> = {};
  if (text === '') return keys;
  for (const pair of text.split(',').map((p) => p.trim())) {
    const [serial = '', path = ''] = pair.split('=');
    if (!/^[\w]+$/.test(serial) || path === '') {
      problems.push('WECHATPAY_PLATFORM_KEYS must be serial=file pairs separated by commas');
      continue;
    }
    try {
      const pem = read(path);
      platformKey(pem);
      keys[serial] = pem;
    } catch {
      problems.push(
        `WECHATPAY_PLATFORM_KEYS: the file for ${serial} is not a readable public key or certificate`,
      );
    }
  }
  return keys;
}

function readApiV3Key(value: EnvValue, read: ReadFile, problems: string[]): string {
  const key = readSecret(
    value,
    read,
    'WECHATPAY_APIV3_KEY',
    "the merchant's 32-character APIv3 key",
    problems,
  );
  if (key === undefined) return '';
  if (Buffer.byteLength(key, 'utf8') !== 32) problems.push('the APIv3 key must be exactly 32 bytes');
  return key;
}
