// The privacy policy: what is collected, why, how long it is kept, how to delete it.
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { privacyPolicy } from '../../account-view';

Component({
  behaviors: [i18nBehavior(['me'])],
  data: { policy: privacyPolicy() },
  methods: {
    onLoad() {
      this.onLanguage();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('me.privacyPolicy');
    },
    onLanguage() {
      this.setData({ policy: privacyPolicy() });
    },
  },
});
