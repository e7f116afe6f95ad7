// Full screen brightness (and the screen kept on) while a code is shown to a scanner, then the user's own
// brightness back. Brightness is raised only when the current level could be read, so it can always be restored.
let raised = false;
let original: number | undefined;
/** Bumped on every raise/restore, so a late getScreenBrightness answer cannot raise after a restore. */
let generation = 0;

const ignore = () => undefined;

export function raiseBrightness(): void {
  if (raised) return;
  raised = true;
  const mine = ++generation;
  wx.setKeepScreenOn({ keepScreenOn: true, fail: ignore });
  wx.getScreenBrightness({
    success: ({ value }) => {
      if (mine !== generation) return;
      original = value;
      wx.setScreenBrightness({ value: 1, fail: ignore });
    },
    fail: ignore,
  });
}

export function restoreBrightness(): void {
  if (!raised) return;
  raised = false;
  generation++;
  wx.setKeepScreenOn({ keepScreenOn: false, fail: ignore });
  if (original !== undefined) wx.setScreenBrightness({ value: original, fail: ignore });
  original = undefined;
}
