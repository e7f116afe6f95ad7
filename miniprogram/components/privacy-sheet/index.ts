// The privacy agreement WeChat asks for before a page's first guarded API call (location, clipboard, ...). Put
// one on every page that may make such a call: the sheet of the page on screen answers. Agreeing lets the call
// go on; refusing makes it fail, and the page carries on without it.
import { instanceState } from '../../domain/instance-state';
import { onPrivacyRequest } from '../../services/privacy';
import { i18nBehavior } from '../behaviors/i18n';

type Answer = (agree: boolean, buttonId?: string) => void;

const own = instanceState(() => ({ stop: undefined as (() => void) | undefined, answers: [] as Answer[] }));

Component({
  behaviors: [i18nBehavior(['me'])],
  data: { shown: false },
  lifetimes: {
    attached() {
      this.listen();
    },
    detached() {
      // A page closed with the sheet open: the waiting call gets its answer (declined) rather than hanging.
      this.settle(false);
      this.unlisten();
    },
  },
  pageLifetimes: {
    show() {
      this.listen();
    },
    hide() {
      this.unlisten();
    },
  },
  methods: {
    listen() {
      const st = own(this);
      st.stop?.();
      st.stop = onPrivacyRequest((answer) => {
        own(this).answers.push(answer);
        this.setData({ shown: true });
      });
    },
    unlisten() {
      const st = own(this);
      st.stop?.();
      st.stop = undefined;
    },
    settle(agree: boolean, buttonId?: string) {
      const answers = own(this).answers.splice(0);
      if (this.data.shown) this.setData({ shown: false });
      for (const answer of answers) answer(agree, buttonId);
    },
    onAgree(e: WechatMiniprogram.CustomEvent) {
      this.settle(true, (e.currentTarget as { id?: string }).id ?? '');
    },
    onRefuse() {
      this.settle(false);
    },
    onPolicy() {
      wx.navigateTo({ url: '/packages/account/pages/privacy/index', fail: () => undefined });
    },
    noop() {
      return undefined;
    },
  },
});
