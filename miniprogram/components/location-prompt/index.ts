// The sheet a page shows when location needs the user: turned off (explain, open settings) or the privacy
// agreement WeChat asks for before the first location call. The page's locationBehavior acts on its events.
import { i18nBehavior } from '../behaviors/i18n';

Component({
  behaviors: [i18nBehavior(['guide'])],
  properties: {
    /** '' (hidden) | 'denied' | 'privacy' */
    mode: { type: String, value: '' },
  },
  methods: {
    onSettings() {
      this.triggerEvent('settings');
    },
    onClose() {
      this.triggerEvent('close');
    },
    onAgree(e: WechatMiniprogram.CustomEvent) {
      this.triggerEvent('agree', { buttonId: (e.currentTarget as { id?: string }).id ?? '' });
    },
    onDecline() {
      this.triggerEvent('decline');
    },
    noop() {
      return undefined;
    },
  },
});
