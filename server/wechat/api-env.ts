// The mini program's AppID and AppSecret for login and server APIs, and the visit-day reminder's template
// (`npm run serve`). The secret comes from the variable or a file and is never quoted back.
import { readFileSync } from 'fs';
import type { WeChatApiConfig } from './api-client';
import { envValues, readSecret, type EnvValue, type ReadFile } from './env-values';
import { APPID } from './pay-env';
import type { ReminderConfig, ReminderValue } from './reminder-config';

const VALUES: readonly ReminderValue[] = ['product', 'visitDate', 'destination', 'orderId'];

export type ApiEnvResult =
  | { ok: true; config: WeChatApiConfig | undefined; reminder: ReminderConfig | undefined }
  | { ok: false; problems: string[] };

/** Undefined config when neither WECHAT_APPID nor a secret is set (login then answers 503). */
export function readWeChatApiEnv(
  env: NodeJS.ProcessEnv,
  read: ReadFile = (file) => readFileSync(file, 'utf8'),
): ApiEnvResult {
  const value = envValues(env);
  const problems: string[] = [];
  const reminder = readReminder(value, problems);
  const appid = value('WECHAT_APPID');
  const inline = value('WECHAT_SECRET');
  const file = value('WECHAT_SECRET_FILE');
  if (appid === undefined && inline === undefined && file === undefined) {
    if (reminder)
      problems.push('WECHAT_REMINDER_TEMPLATE_ID needs WECHAT_APPID and WECHAT_SECRET to send with');
    return problems.length > 0
      ? { ok: false, problems }
      : { ok: true, config: undefined, reminder: undefined };
  }
  if (appid === undefined) problems.push("WECHAT_APPID is required: the mini program's AppID (wx…)");
  else if (!APPID.test(appid)) problems.push('WECHAT_APPID must look like wx + 16 hex digits');
  const secret = readSecret(
    value,
    read,
    'WECHAT_SECRET',
    'the AppSecret from the mini program console',
    problems,
  );
  if (secret !== undefined && !/^[0-9a-f]{32}$/.test(secret))
    problems.push('the AppSecret must be 32 hex digits');
  if (problems.length > 0 || appid === undefined || secret === undefined) return { ok: false, problems };
  return {
    ok: true,
    config: { baseUrl: value('WECHAT_API_BASE_URL') ?? 'https://api.weixin.qq.com', appid, secret },
    reminder,
  };
}

/** WECHAT_REMINDER_TEMPLATE_ID, _FIELDS (`thing1=product,date2=visitDate`) and _HOUR (0-23, default 18). */
function readReminder(value: EnvValue, problems: string[]): ReminderConfig | undefined {
  const templateId = value('WECHAT_REMINDER_TEMPLATE_ID');
  if (templateId === undefined) return undefined;
  const fields: ReminderConfig['fields'] = {};
  for (const pair of (value('WECHAT_REMINDER_FIELDS') ?? '').split(',').filter((p) => p.trim() !== '')) {
    const [key = '', what = ''] = pair.split('=').map((part) => part.trim());
    if (!/^[a-z_]+\d+$/.test(key) || !(VALUES as readonly string[]).includes(what)) {
      problems.push(`WECHAT_REMINDER_FIELDS must be key=value pairs, the values from ${VALUES.join(', ')}`);
      return undefined;
    }
    fields[key] = what as ReminderValue;
  }
  if (Object.keys(fields).length === 0)
    problems.push('WECHAT_REMINDER_FIELDS is required with a reminder template');
  const hourText = value('WECHAT_REMINDER_HOUR') ?? '18';
  const hour = Number(hourText);
  if (!/^\d{1,2}$/.test(hourText) || hour > 23)
    problems.push(`WECHAT_REMINDER_HOUR must be 0-23 (got "${hourText}")`);
  return { templateId, fields, hour };
}
