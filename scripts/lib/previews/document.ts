// One HTML document per rendered page: the native-component stylesheet, the page's compiled WXSS, the rendered
// tree, and the phone's own chrome around it (navigation bar, tab bar) marked so the audits leave it alone.
import { WX_NATIVE_CSS } from './wx-natives';

/** A phone 375 CSS px wide (750 rpx), as the Audits and the previews measure it. */
export const VIEWPORT = { width: 375, height: 667 };
const NAV_HEIGHT = 44;
const TAB_HEIGHT = 50;

export interface TabBarChrome {
  color: string;
  selectedColor: string;
  backgroundColor: string;
  /** `icon`: an image URL (data URLs for the bundle's files), or '' for text only. */
  items: Array<{ text: string; selected: boolean; icon: string }>;
}

export interface PageChrome {
  title: string;
  barBackground: string;
  barText: 'white' | 'black';
  tabBar?: TabBarChrome;
}

export interface PreviewDocument {
  /** The page's rendered tree (its root element's outer HTML). */
  body: string;
  /** Stylesheets in cascade order (app.wxss first, then the page's and its components'). */
  styles: string[];
  chrome: PageChrome;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function tabBar(tab: TabBarChrome): string {
  const items = tab.items
    .map((item) => {
      const icon = item.icon
        ? `<img src="${item.icon}" alt="" style="display:block;width:24px;height:24px;margin:5px auto 2px">`
        : '';
      const color = item.selected ? tab.selectedColor : tab.color;
      return `<div style="flex:1;text-align:center;font-size:${icon ? 10 : 12}px;line-height:${icon ? 14 : TAB_HEIGHT}px;color:${color}">${icon}${escapeHtml(item.text)}</div>`;
    })
    .join('');
  return `<div data-audit-skip style="position:sticky;bottom:0;display:flex;height:${TAB_HEIGHT}px;background:${tab.backgroundColor};border-top:1px solid rgba(0,0,0,.12)">${items}</div>`;
}

/** On a phone 100vh is the page's window, between the navigation bar and the tab bar. */
const windowVh = (css: string, windowHeight: number): string =>
  css.replace(/(\d*\.?\d+)vh\b/g, (_, n: string) => `${(Number(n) * windowHeight) / 100}px`);

export function previewDocument(doc: PreviewDocument): string {
  const { chrome } = doc;
  const windowHeight = VIEWPORT.height - NAV_HEIGHT - (chrome.tabBar ? TAB_HEIGHT : 0);
  const nav = `<div data-audit-skip style="position:sticky;top:0;z-index:1000;height:${NAV_HEIGHT}px;font:600 17px/${NAV_HEIGHT}px sans-serif;text-align:center;background:${chrome.barBackground};color:${chrome.barText === 'white' ? '#fff' : '#000'}">${escapeHtml(chrome.title)}</div>`;
  return [
    '<!doctype html><html><head><meta charset="utf-8">',
    `<meta name="viewport" content="width=${VIEWPORT.width}">`,
    `<style>${WX_NATIVE_CSS}\nmain{display:block;min-height:${windowHeight}px}</style>`,
    ...doc.styles.map((css) => `<style>${windowVh(css, windowHeight)}</style>`),
    `</head><body style="width:${VIEWPORT.width}px">`,
    nav,
    doc.body,
    chrome.tabBar ? tabBar(chrome.tabBar) : '',
    '</body></html>',
  ].join('');
}
