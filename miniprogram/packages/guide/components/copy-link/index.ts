// The button beside a website or booking link: copies it and says where to paste it (a mini program cannot open
// outside pages). Refused or failed, it says how to copy the link by hand instead.
import { t } from '../../../../i18n/index';
import { copyText } from '../../services/clipboard';

Component({
  properties: {
    url: { type: String, value: '' },
    /** The button's text, in the page's language. */
    label: { type: String, value: '' },
  },
  methods: {
    async onTap() {
      const copied = await copyText(this.data.url);
      // Replaces WeChat's own "copied" toast, which does not say what to do with the link.
      wx.showToast({ title: t(copied ? 'guide.linkCopied' : 'guide.copyFailed'), icon: 'none' });
    },
  },
});
