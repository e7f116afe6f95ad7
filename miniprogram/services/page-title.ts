// The native title bar speaks the current language. A page's JSON title (app.json's brand name where it has
// none) is only the first paint: each page names its title in pageTitle(), which is applied when the page shows
// and whenever it may have changed (content loaded, language switched) while the page is on screen.
// wx.setNavigationBarTitle retitles whichever page is on screen, so a page in the background must not call it;
// the page on screen is the one whose onShow ran last (WeChat brings a page to the front only through onShow).

export interface TitledPage {
  pageTitle(): string;
}

let front: object | undefined;

function apply(page: TitledPage): void {
  const title = page.pageTitle();
  if (title) wx.setNavigationBarTitle({ title, fail: () => undefined });
}

/** From every page's onShow. */
export function showPageTitle(page: TitledPage): void {
  front = page;
  apply(page);
}

/** After the page's title may have changed; only the page on screen applies it. */
export function refreshPageTitle(page: object): void {
  if (page === front && typeof (page as Partial<TitledPage>).pageTitle === 'function')
    apply(page as TitledPage);
}
