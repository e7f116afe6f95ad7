// The DMO's Official Account: WeChat's own follow card where the launch scene allows it, otherwise (or when the
// card reports an error) the account's QR code with a long-press hint. WeChat allows one follow card per page.
import { brand } from '../../config/brand';
import { currentLang, t } from '../../i18n/index';
import { i18nBehavior } from '../behaviors/i18n';

/** Scenes for which <official-account> shows (QR code and mini program code scans). */
const FOLLOW_CARD_SCENES = [1011, 1017, 1025, 1047, 1124];

/** The card follows the cold start's scene; an entry from such a scene on a hot start counts as well. */
function followCardAllowed(): boolean {
  const scenes = [wx.getLaunchOptionsSync?.().scene, wx.getEnterOptionsSync?.().scene];
  return scenes.some((scene) => scene !== undefined && FOLLOW_CARD_SCENES.includes(scene));
}

Component({
  behaviors: [i18nBehavior(['me'])],
  data: { mode: 'qr' as 'card' | 'qr', qr: brand.officialAccount.qrImage, hint: '' },
  lifetimes: {
    attached() {
      this.setData({ mode: followCardAllowed() ? 'card' : 'qr' });
      this.onLanguage();
    },
  },
  methods: {
    onLanguage() {
      this.setData({ hint: t('me.followHint', { name: brand.officialAccount.name[currentLang()] }) });
    },
    /** The card could not show (e.g. the account is not linked to the mini program): offer the QR code. */
    onCardError() {
      this.setData({ mode: 'qr' });
    },
  },
});
