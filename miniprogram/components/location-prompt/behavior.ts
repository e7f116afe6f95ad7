// The location flow a guide page shares: use the position silently when already granted; on "near me" ask
// (WeChat prompts the first time); denied -> the explanation sheet and wx.openSetting; the privacy agreement
// sheet when WeChat requires it. Whatever the outcome the page stays usable (then sorted by popularity).
// The page implements onLocated(position) and renders <location-prompt mode="{{prompt}}" ...>.
import type { LatLng } from '../../domain/geo';
import { t } from '../../i18n/index';
import { locate, locationPermission, openLocationSettings } from '../../services/location';
import { onPrivacyRequest } from '../../services/privacy';

export type PromptMode = '' | 'denied' | 'privacy';

type Answer = (agree: boolean, buttonId?: string) => void;

interface Host {
  data: { prompt: PromptMode; locating: boolean };
  setData(data: Record<string, unknown>): void;
  onLocated(position: LatLng): void;
}

const privacyAnswers = new WeakMap<object, Answer>();

function answerPrivacy(host: Host, agree: boolean, buttonId?: string): void {
  const answer = privacyAnswers.get(host);
  privacyAnswers.delete(host);
  host.setData({ prompt: '' });
  answer?.(agree, buttonId);
}

/** `ask: false` uses the position only when permission was already given: nothing pops up on entry. */
export async function findMe(host: Host, ask: boolean): Promise<boolean> {
  if (!ask && (await locationPermission()) !== 'granted') return false;
  host.setData({ locating: true });
  const stop = onPrivacyRequest((answer) => {
    privacyAnswers.set(host, answer);
    host.setData({ prompt: 'privacy' });
  });
  const result = await locate();
  stop();
  host.setData({ locating: false, prompt: !result.ok && result.reason === 'denied' && ask ? 'denied' : '' });
  if (result.ok) {
    host.onLocated({ lat: result.lat, lng: result.lng });
    return true;
  }
  if (ask && result.reason !== 'denied') {
    const key = result.reason === 'privacy_refused' ? 'guide.locationDeclined' : 'guide.locationUnavailable';
    wx.showToast({ title: t(key), icon: 'none' });
  }
  return false;
}

export const locationBehavior = Behavior({
  data: { prompt: '' as PromptMode, locating: false },
  methods: {
    onNearMe() {
      const host = this as unknown as Host;
      if (!host.data.locating) void findMe(host, true);
    },
    async onPromptSettings() {
      const host = this as unknown as Host;
      host.setData({ prompt: '' });
      if ((await openLocationSettings()) === 'granted') await findMe(host, true);
    },
    onPromptClose() {
      (this as unknown as Host).setData({ prompt: '' });
    },
    onPromptAgree(e: WechatMiniprogram.CustomEvent<{ buttonId: string }>) {
      answerPrivacy(this as unknown as Host, true, e.detail.buttonId);
    },
    onPromptDecline() {
      answerPrivacy(this as unknown as Host, false);
    },
  },
});
