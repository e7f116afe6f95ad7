// The clipboard: how a visitor takes a web link out of the mini program, which cannot open outside pages.
// setClipboardData is behind the privacy agreement: refused (or failing), the copy resolves false.

/** Copies text; false when nothing was copied. */
export function copyText(text: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.setClipboardData({ data: text, success: () => resolve(true), fail: () => resolve(false) });
  });
}
