// How the visitor came in. A Moments post opens its page alone (single-page mode, scene 1154): no login, no
// navigation, no tab bar; such a page renders from its query and offers nothing that would leave it.
const MOMENTS_SCENE = 1154;

export function openedFromMoments(): boolean {
  return wx.getEnterOptionsSync().scene === MOMENTS_SCENE;
}
