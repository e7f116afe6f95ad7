// About: the brand, the version, and in develop / trial builds the commit and the API the build talks to.
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { brand } from '../../../../config/brand';
import { buildInfo } from '../../../../config/build-info';
import { envConfig } from '../../../../config/env';
import { currentLang, t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { aboutRows } from '../../account-view';

Component({
  behaviors: [i18nBehavior(['me'])],
  data: { logo: brand.logo, name: '', rows: [] as ReturnType<typeof aboutRows> },
  methods: {
    onLoad() {
      this.onLanguage();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('me.about');
    },
    onLanguage() {
      this.setData({ name: brand.name[currentLang()], rows: aboutRows(buildInfo, envConfig()) });
    },
  },
});
