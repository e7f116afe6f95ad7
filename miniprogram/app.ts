// App launch: restore the language, install the privacy handler, and reconcile payments left unconfirmed
// by an earlier session (an app kill between paying and confirmation must never lose a purchase).
import { reconcileOnLaunch } from './api/orders';
import { installPrivacyHandler } from './services/privacy';
import { restoreLanguage } from './services/preferences';

App({
  onLaunch() {
    installPrivacyHandler();
    void restoreLanguage();
    void reconcileOnLaunch();
  },
});
