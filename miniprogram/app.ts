// App launch: restore the language, install the privacy handler, and reconcile payments left unconfirmed
// by an earlier session (an app kill between paying and confirmation must never lose a purchase).
import { reconcileOnLaunch } from './api/orders';
import { installPrivacyHandler } from './services/privacy';
import { restoreLanguage } from './services/preferences';
import { installTabBarLanguage } from './services/tab-bar';

App({
  onLaunch() {
    installPrivacyHandler();
    // Before the language is restored, so the tab texts follow it too.
    installTabBarLanguage();
    void restoreLanguage();
    // Orders paid while the app was closed are confirmed and their tickets put into the offline wallet.
    void reconcileOnLaunch();
  },
});
