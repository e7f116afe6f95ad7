// One policy: cover dates at the destination, the insured (masked), coverage, the document (downloaded and
// opened), and cancellation with a refund before the cover starts.
import { cancelPolicy, getPolicy, type Policy } from '../../../../api/insurance';
import { i18nBehavior } from '../../../../components/behaviors/i18n';
import { instanceState } from '../../../../domain/instance-state';
import { t } from '../../../../i18n/index';
import { showPageTitle } from '../../../../services/page-title';
import { clock } from '../../../../services/clock';
import { openRemoteDocument } from '../../services/documents';
import { errorMessageKey, type ApiError } from '../../../../services/result';
import { buildPolicyDetail, type PolicyDetail } from '../../policy-view';
import { brandStyle } from '../../../../config/brand';

interface Instance {
  id: string;
  policy?: Policy;
  busy: boolean;
}
const own = instanceState<Instance>(() => ({ id: '', busy: false }));

function confirm(title: string, content: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, success: (r) => resolve(r.confirm), fail: () => resolve(false) });
  });
}

Component({
  behaviors: [i18nBehavior(['common', 'insurance'])],
  data: {
    brandStyle,
    state: 'loading' as 'loading' | 'ready' | 'error',
    message: '',
    view: null as PolicyDetail | null,
    opening: false,
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      own(this).id = query.id ?? '';
      void this.load();
    },
    onShow() {
      showPageTitle(this);
    },
    pageTitle(): string {
      return t('insurance.myPolicies');
    },
    onRetry() {
      void this.load();
    },
    async load() {
      this.setData({ state: 'loading' });
      const res = await getPolicy(own(this).id);
      if (!res.ok) {
        const notFound = res.error.kind === 'http' && res.error.status === 404;
        this.setData({
          state: 'error',
          message: notFound ? t('insurance.notFound') : t(errorMessageKey(res.error)),
        });
        return;
      }
      this.show(res.data);
    },
    show(policy: Policy) {
      own(this).policy = policy;
      this.setData({ state: 'ready', view: buildPolicyDetail(policy, clock.now()) });
    },
    onLanguage() {
      const policy = own(this).policy;
      if (policy) this.show(policy);
    },
    async onDocument() {
      const inst = own(this);
      if (!inst.policy || inst.busy) return;
      inst.busy = true;
      this.setData({ opening: true });
      const outcome = await openRemoteDocument(inst.policy.documentUrl);
      inst.busy = false;
      this.setData({ opening: false });
      if (outcome.ok) return;
      const offline = outcome.reason === 'offline' || outcome.reason === 'interrupted';
      const title = offline
        ? t('common.errorOffline')
        : outcome.reason === 'timeout'
          ? t('common.errorTimeout')
          : t('insurance.docFailed');
      wx.showToast({ title, icon: 'none' });
    },
    async onCancel() {
      const inst = own(this);
      if (!inst.policy?.cancellable || inst.busy) return;
      if (!(await confirm(t('insurance.cancelConfirmTitle'), t('insurance.cancelConfirm')))) return;
      inst.busy = true;
      const res = await cancelPolicy(inst.policy.id);
      inst.busy = false;
      if (res.ok) {
        this.show(res.data);
        wx.showToast({ title: t('insurance.cancelled'), icon: 'none' });
      } else {
        this.cancelRefused(res.error);
      }
    },
    cancelRefused(error: ApiError) {
      const started = error.kind === 'http' && error.code === 'POLICY_NOT_CANCELLABLE';
      wx.showToast({
        title: started ? t('insurance.notCancellable') : t(errorMessageKey(error)),
        icon: 'none',
      });
      // The server's view of the policy decides what the page offers.
      if (started) void this.load();
    },
  },
});
