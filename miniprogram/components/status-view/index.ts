// The one loading / error / empty view: every failure a user meets shows its reason and a way forward.
Component({
  properties: {
    /** 'loading' | 'error' | 'empty' */
    state: { type: String, value: 'loading' },
    message: { type: String, value: '' },
    /** Text of the way-forward button (retry, open settings, ...); no button when empty. */
    action: { type: String, value: '' },
  },
  methods: {
    onAction() {
      this.triggerEvent('action');
    },
  },
});
