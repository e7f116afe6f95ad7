// App launch: restore the language, install the privacy handler, and reconcile payments left unconfirmed
// by an earlier session (an app kill between paying and confirmation must never lose a purchase).
import { reconcileOnLaunch } from './api/orders';
import { syncWallet } from './api/tickets';
import { installPrivacyHandler } from './services/privacy';
import { restoreLanguage } from './services/preferences';
import { installTabBarLanguage } from './services/tab-bar';

App({
  onLaunch() {
    installPrivacyHandler();
    // Before the language is restored, so the tab texts follow it too.
    installTabBarLanguage();
    void restoreLanguage();
    // Tickets of an order confirmed while the app was closed go straight into the offline wallet.
    void reconcileOnLaunch().then((confirmed) => (confirmed.length ? syncWallet() : undefined));
  },
});
