// Which API a build talks to, chosen by the environment WeChat reports (DevTools/preview = develop).
import { DEVELOP_API_URL } from './develop-api';

export type EnvVersion = 'develop' | 'trial' | 'release';

export interface EnvConfig {
  envVersion: EnvVersion;
  apiBaseUrl: string;
  /** Dev-only conveniences (sandbox payment sheet) are allowed only here. */
  devTools: boolean;
}

// A DMO sets its own domains here; trial and release must be https (a test enforces it).
export const API_BASE_URLS: Record<EnvVersion, string> = {
  develop: DEVELOP_API_URL,
  trial: 'https://api-trial.wayfarer.example.com',
  release: 'https://api.wayfarer.example.com',
};

export function envConfig(): EnvConfig {
  const envVersion = wx.getAccountInfoSync().miniProgram.envVersion as EnvVersion;
  const known: EnvVersion = envVersion in API_BASE_URLS ? envVersion : 'release';
  return { envVersion: known, apiBaseUrl: API_BASE_URLS[known], devTools: known === 'develop' };
}
