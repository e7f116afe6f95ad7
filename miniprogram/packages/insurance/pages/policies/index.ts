// The user's policies, newest first; each opens its detail.
import { listPolicies, type Policy } from '../../../../api/insurance';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { errorMessageKey } from '../../../../services/result';
import { buildPolicyCard, type PolicyCard } from '../../policy-view';
import { brandStyle } from '../../../../config/brand';

const own = instanceState(() => ({ policies: undefined as Policy[] | undefined }));

type Tap = WechatMiniprogram.TouchEvent<Record<string, never>, Record<string, never>, { id: string }>;

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error' | 'empty',
    message: '',
    cards: [] as PolicyCard[],
  },
  methods: {
    onShow() {
      showPageTitle(this);
      // A cancellation on the detail page changes the list.
      void this.load();
    },
    pageTitle(): string {
      return t('insurance.myPolicies');
    },
    onPullDownRefresh() {
      void this.load().then(() => wx.stopPullDownRefresh());
    },
    onAction() {
      if (this.data.state === 'empty') wx.navigateTo({ url: '/packages/insurance/pages/plans/index' });
      else void this.load();
    },
    async load() {
      if (this.data.state !== 'ready') this.setData({ state: 'loading' });
      const res = await listPolicies();
      if (!res.ok) {
        if (this.data.state !== 'ready')
          this.setData({ state: 'error', message: t(errorMessageKey(res.error)) });
        return;
      }
      own(this).policies = res.data;
      this.render();
    },
    render() {
      const policies = own(this).policies ?? [];
      this.setData(
        policies.length === 0
          ? { state: 'empty', message: t('insurance.noPolicies'), cards: [] }
          : { state: 'ready', cards: policies.map((p) => buildPolicyCard(p, clock.now())) },
      );
    },
    onLanguage() {
      if (own(this).policies) this.render();
    },
    onOpen(e: Tap) {
      wx.navigateTo({
        url: `/packages/insurance/pages/policy/index?id=${encodeURIComponent(e.currentTarget.dataset.id)}`,
      });
    },
  },
});
