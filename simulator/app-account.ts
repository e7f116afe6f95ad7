// A mini program registered at the simulator (its AppID and a generated AppSecret), and the server's configuration
// of WeChat's server APIs for it.
import { randomBytes } from 'crypto';
import type { WeChatApiConfig } from '../server/wechat/api-client';
import type { ReminderConfig } from '../server/wechat/reminder-config';
import type { SimulatorState } from './state';

export const SIMULATED_APPID = 'wxd0e1f2a3b4c5d6e7';

/** The development visit-day reminder: the template id the mini program asks for, and its fields. */
export const DEMO_REMINDER: ReminderConfig = {
  templateId: 'wayfarer-visit-reminder-demo',
  fields: { thing1: 'product', date2: 'visitDate', thing3: 'destination' },
  hour: 18,
};

export function simulatedApp(sim: SimulatorState, appid = SIMULATED_APPID): WeChatApiConfig {
  const secret = sim.apps.get(appid) ?? randomBytes(16).toString('hex');
  sim.apps.set(appid, secret);
  sim.templates.set(DEMO_REMINDER.templateId, Object.keys(DEMO_REMINDER.fields));
  return { baseUrl: sim.origin, appid, secret };
}
