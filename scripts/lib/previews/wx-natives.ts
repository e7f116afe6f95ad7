// What WeChat's built-in components look like before any WXSS of ours applies: miniprogram-simulate renders them
// as bare `wx-*` elements, which a browser would show as unstyled inline boxes. Every rule sits in :where() so
// that any class selector of a page or of Vant wins, as the native defaults lose to them on a device.
// Sizes are CSS px of a 375 px wide phone (style v2 / WeUI 2 defaults).
export const WX_NATIVE_CSS = `
:where(html, body) { margin: 0; padding: 0; }
:where(wx-view, wx-scroll-view, wx-swiper, wx-swiper-item, wx-movable-area, wx-cover-view, wx-form, wx-navigator,
  wx-map, wx-rich-text, wx-picker, wx-picker-view, wx-page-container, wx-web-view, wx-textarea, wx-input,
  wx-slider, wx-progress, wx-official-account) { display: block; }
:where(wx-text, wx-label) { display: inline; white-space: pre-line; }
:where(wx-image) { display: inline-block; width: 320px; height: 240px; overflow: hidden; background: #e5e8eb; }
:where(wx-image > img) { display: block; width: 100%; height: 100%; object-fit: fill; }
:where(wx-image[mode=aspectFill] > img) { object-fit: cover; }
:where(wx-image[mode=aspectFit] > img) { object-fit: contain; }
:where(wx-image[mode=widthFix]) { height: auto; }
:where(wx-image[mode=widthFix] > img) { height: auto; }
:where(wx-canvas) { display: inline-block; width: 300px; height: 150px; }
:where(wx-canvas > svg) { display: block; width: 100%; height: 100%; }
:where(wx-icon) { display: inline-block; font-size: 0; }
:where(wx-swiper) { position: relative; height: 150px; overflow: hidden; }
:where(wx-swiper-item) { position: absolute; top: 0; left: 0; width: 100%; height: 100%; overflow: hidden; }
:where(wx-swiper-item ~ wx-swiper-item) { display: none; }
:where(wx-scroll-view) { overflow: hidden; }
:where(wx-scroll-view[scroll-x]) { overflow-x: auto; }
:where(wx-scroll-view[scroll-y]) { overflow-y: auto; }
:where(wx-map) { position: relative; width: 300px; height: 225px; overflow: hidden; background-color: #e9efe6;
  background-image: repeating-linear-gradient(0deg, transparent 0 63px, #d5dccf 63px 64px),
    repeating-linear-gradient(90deg, transparent 0 63px, #d5dccf 63px 64px); }
:where(wx-map > .wf-marker) { position: absolute; display: block; transform: translate(-50%, -100%); }
:where(wx-button) { position: relative; display: block; box-sizing: border-box; width: 184px; margin: 0 auto;
  padding: 8px 24px; overflow: hidden; border: 0; border-radius: 8px; font-size: 17px; font-weight: 700;
  line-height: 1.41176471; text-align: center; color: #06ae56; background-color: #f2f2f2; }
:where(wx-button[type=primary]) { color: #fff; background-color: #07c160; }
:where(wx-button[type=warn]) { color: #fa5151; }
:where(wx-button[size=mini]) { display: inline-block; width: auto; padding: 0 0.75em; font-size: 13px;
  line-height: 2.3; }
:where(wx-button[plain]) { color: #353535; background-color: transparent; border: 1px solid #353535; }
:where(wx-button[data-disabled]) { color: rgba(0, 0, 0, 0.2); background-color: #f2f2f2; }
:where(wx-input) { height: 1.4rem; min-height: 1.4rem; line-height: 1.4rem; overflow: hidden; white-space: nowrap; }
:where(wx-input[data-placeholder]:empty)::before, :where(wx-textarea[data-placeholder]:empty)::before {
  content: attr(data-placeholder); color: #808080; }
:where(wx-textarea) { width: 300px; height: 150px; white-space: pre-wrap; }
:where(wx-switch) { display: inline-block; width: 52px; height: 32px; border-radius: 16px; background: #e5e5e5; }
:where(wx-switch[checked]) { background: #07c160; }
:where(wx-checkbox, wx-radio) { display: inline-block; }
:where(wx-checkbox)::before, :where(wx-radio)::before { content: ''; display: inline-block; width: 22px;
  height: 22px; margin-right: 5px; vertical-align: middle; border: 1px solid #d1d1d1; border-radius: 3px; }
:where(wx-radio)::before { border-radius: 50%; }
:where(wx-checkbox[checked])::before, :where(wx-radio[checked])::before { background: #07c160; border-color: #07c160; }
:where(wx-slider) { margin: 10px 18px; height: 28px; background: linear-gradient(#e9e9e9, #e9e9e9) center / 100% 2px no-repeat; }
:where(wx-progress) { height: 6px; background: #ebebeb; }
:where([hidden]) { display: none !important; }
`;
