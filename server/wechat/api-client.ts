// The mini program's server APIs at api.weixin.qq.com (the simulator's in development): code2Session for login and
// the access token the other server APIs take. The AppSecret and session_key never leave this module: the secret is
// sent only to WeChat, session_key is dropped at once (nothing here decrypts user data), neither is logged.
import { fetchWithin } from './fetch-within';

export interface WeChatApiConfig {
  /** https://api.weixin.qq.com, or the simulator. */
  baseUrl: string;
  appid: string;
  secret: string;
  /** Milliseconds before a call counts as unanswered. Default 5 s. */
  timeoutMs?: number;
  /** Epoch ms; the access token's expiry is measured with it. */
  now?: () => number;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** WeChat answered with an errcode (or did not answer: errcode undefined). */
export class WeChatApiError extends Error {
  constructor(
    readonly errcode: number | undefined,
    message: string,
  ) {
    super(message);
    this.name = 'WeChatApiError';
  }
}

export interface Code2Session {
  openid: string;
  unionid?: string;
}

/** A token is replaced this long before WeChat says it expires. */
const REFRESH_EARLY_MS = 5 * 60 * 1000;

export class WeChatApiClient {
  private token?: { value: string; expiresAt: number };
  private refreshing?: Promise<string>;

  constructor(private readonly config: WeChatApiConfig) {}

  /** `GET /sns/jscode2session`: who a wx.login code belongs to. */
  async code2Session(code: string): Promise<Code2Session> {
    const query = new URLSearchParams({
      appid: this.config.appid,
      secret: this.config.secret,
      js_code: code,
      grant_type: 'authorization_code',
    });
    const data = await this.call<{ openid?: string; unionid?: string }>(`/sns/jscode2session?${query}`);
    if (typeof data.openid !== 'string')
      throw new WeChatApiError(undefined, 'jscode2session answered without openid');
    return { openid: data.openid, ...(typeof data.unionid === 'string' && { unionid: data.unionid }) };
  }

  /**
   * The access token from `POST /cgi-bin/stable_token`, cached and refreshed before it expires; concurrent callers
   * share one request. stable_token gives every instance the same token, so instances do not invalidate each other.
   */
  accessToken(): Promise<string> {
    const now = (this.config.now ?? Date.now)();
    if (this.token && now < this.token.expiresAt - REFRESH_EARLY_MS) return Promise.resolve(this.token.value);
    this.refreshing ??= this.fetchToken(now).finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** A server API that takes the access token (e.g. subscribeMessage.send); WeChat's errcode 0 or it throws. */
  async post(path: string, body: object): Promise<void> {
    const token = await this.accessToken();
    await this.call(`${path}?access_token=${encodeURIComponent(token)}`, body);
  }

  private async fetchToken(now: number): Promise<string> {
    const data = await this.call<{ access_token?: string; expires_in?: number }>('/cgi-bin/stable_token', {
      grant_type: 'client_credential',
      appid: this.config.appid,
      secret: this.config.secret,
      force_refresh: false,
    });
    if (typeof data.access_token !== 'string' || typeof data.expires_in !== 'number') {
      throw new WeChatApiError(undefined, 'stable_token answered without a token');
    }
    this.token = { value: data.access_token, expiresAt: now + data.expires_in * 1000 };
    return data.access_token;
  }

  private async call<T>(pathAndQuery: string, body?: object): Promise<T> {
    const path = pathAndQuery.split('?')[0];
    let response: Awaited<ReturnType<typeof fetchWithin>>;
    try {
      response = await fetchWithin(
        `${this.config.baseUrl}${pathAndQuery}`,
        {
          method: body === undefined ? 'GET' : 'POST',
          headers: body === undefined ? undefined : { 'content-type': 'application/json' },
          body: body === undefined ? undefined : JSON.stringify(body),
        },
        this.config.timeoutMs ?? 5000,
      );
    } catch {
      throw new WeChatApiError(undefined, `WeChat did not answer ${path}`);
    }
    const data = parseJson(response.text) as (T & { errcode?: number; errmsg?: string }) | undefined;
    if (!response.ok || data === undefined) {
      throw new WeChatApiError(undefined, `WeChat answered ${response.status} to ${path}`);
    }
    if (typeof data.errcode === 'number' && data.errcode !== 0) {
      throw new WeChatApiError(data.errcode, `${path}: errcode ${data.errcode} ${data.errmsg ?? ''}`);
    }
    return data;
  }
}
