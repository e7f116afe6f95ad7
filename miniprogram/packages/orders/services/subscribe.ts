// Subscribe messages (a reminder on the visit day). WeChat only shows the prompt from a tap or a payment
// callback, so callers invoke this synchronously inside their tap handler.

/** Template ids from the mini program console; a DMO sets its own (an empty id hides the offer). */
export const subscribeTemplates = {
  visitReminder: 'wayfarer-visit-reminder-demo',
};

export type SubscribeOutcome = 'accepted' | 'declined' | 'unavailable';

/** The user's answer for one template; it always settles, and never rejects. */
export function requestSubscription(templateId: string): Promise<SubscribeOutcome> {
  return new Promise((resolve) => {
    if (!templateId || typeof wx.requestSubscribeMessage !== 'function') return resolve('unavailable');
    try {
      wx.requestSubscribeMessage({
        tmplIds: [templateId],
        success: (res) => {
          const answer = (res as unknown as Record<string, string | undefined>)[templateId];
          resolve(
            answer === 'accept'
              ? 'accepted'
              : answer === 'reject' || answer === undefined
                ? 'declined'
                : 'unavailable',
          );
        },
        // Template ids not configured for this app, the main switch off, or no tap: nothing the user can fix here.
        fail: () => resolve('unavailable'),
      });
    } catch {
      // Should the call throw rather than fail, the answer is the same: the tap handler awaiting it must not break.
      resolve('unavailable');
    }
  });
}
