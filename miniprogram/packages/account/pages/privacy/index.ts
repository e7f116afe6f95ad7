// The privacy policy: what is collected, why, how long it is kept, how to delete it.
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { t } from '../../../../i18n/index';
import { privacyPolicy } from '../../account-view';

Component({
  behaviors: [i18nBehavior(['me'])],
  data: { policy: privacyPolicy() },
  methods: {
    onLoad() {
      this.onLanguage();
    },
    onLanguage() {
      wx.setNavigationBarTitle({ title: t('me.privacyPolicy') });
      this.setData({ policy: privacyPolicy() });
    },
  },
});
