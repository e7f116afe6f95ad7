// WeChat asks the app to show its privacy sheet when a guarded API is first used; a page that shows the sheet
// subscribes here and answers. With no subscriber the request is declined, which keeps the app usable.
type Resolve = (result: { event: 'agree'; buttonId: string } | { event: 'disagree' }) => void;
type Answer = (agree: boolean, buttonId?: string) => void;
type Listener = (answer: Answer) => void;

let listener: Listener | undefined;

export function installPrivacyHandler(): void {
  if (typeof wx.onNeedPrivacyAuthorization !== 'function') return;
  const handler = (resolve: Resolve) => {
    const answer: Answer = (agree, buttonId) =>
      agree ? resolve({ event: 'agree', buttonId: buttonId ?? '' }) : resolve({ event: 'disagree' });
    if (listener) listener(answer);
    else answer(false);
  };
  // The typings declare the callback's argument as a result object; the platform passes a resolve function.
  wx.onNeedPrivacyAuthorization(handler as unknown as WechatMiniprogram.OnNeedPrivacyAuthorizationCallback);
}

/** A page's privacy sheet registers itself while shown; returns the unsubscribe function. */
export function onPrivacyRequest(fn: Listener): () => void {
  listener = fn;
  return () => {
    if (listener === fn) listener = undefined;
  };
}
