// Page links, and what a page shares to a chat or to Moments. A shared link carries what the page needs to show
// the same thing, and nothing of the sharer's: no language (the friend's own choice applies) and no user.

export interface Share {
  title: string;
  /** The page's route from the root, with its leading slash. */
  route: string;
  params?: Record<string, string | undefined>;
  /** Without one, WeChat shows a screenshot of the page on a chat card and the app's logo on a Moments post. */
  imageUrl?: string;
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

const image = (share: Share) => (share.imageUrl ? { imageUrl: share.imageUrl } : {});

/** What onShareAppMessage returns. */
export function chatCard(share: Share): { title: string; path: string; imageUrl?: string } {
  return { title: share.title, path: pagePath(share.route, share.params ?? {}), ...image(share) };
}

/** What onShareTimeline returns: a Moments post opens the page that shared it, so only its query. */
export function momentsPost(share: Share): { title: string; query: string; imageUrl?: string } {
  return { title: share.title, query: queryString(share.params ?? {}), ...image(share) };
}
