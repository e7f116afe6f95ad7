// Sharing: chat cards and Moments posts carry everything a page needs in their query. A page opened from a
// Moments post runs alone (single-page mode: no login, no navigation, no tab bar) and renders from it.
export const MOMENTS_SCENE = 1154;

export function openedFromMoments(): boolean {
  return wx.getEnterOptionsSync().scene === MOMENTS_SCENE;
}

/** "a=1&b=x%20y", leaving out empty values. */
export function queryString(params: Record<string, string | undefined>): string {
  return Object.keys(params)
    .filter((k) => params[k])
    .map((k) => `${k}=${encodeURIComponent(params[k] ?? '')}`)
    .join('&');
}

export function pagePath(route: string, params: Record<string, string | undefined>): string {
  const query = queryString(params);
  return query ? `${route}?${query}` : route;
}
