import { loadSeed } from '../../../server/content/seed';
import {
  nodesText,
  safeUrl,
  sanitizeHtml,
  type RichTextElement,
  type RichTextNode,
} from '../../../miniprogram/packages/insurance/domain/sanitize-html';

function elements(nodes: readonly RichTextNode[]): RichTextElement[] {
  return nodes.flatMap((n) => ('type' in n ? [] : [n, ...elements(n.children)]));
}
const names = (html: string) => elements(sanitizeHtml(html)).map((e) => e.name);
const attrsOf = (html: string) => elements(sanitizeHtml(html)).map((e) => e.attrs);
const text = (html: string) => nodesText(sanitizeHtml(html));

test('keeps text formatting: headings, paragraphs, lists, emphasis, tables', () => {
  const html =
    '<h3>Cover</h3><p>Medical <strong>up to</strong> <em>CNY 300,000</em></p><ul><li>one</li><li>two</li></ul>' +
    '<table><tr><th colspan="2">Limits</th></tr><tr><td rowspan="2">a</td><td>b</td></tr></table>';
  expect(sanitizeHtml(html).slice(0, 2)).toEqual([
    { name: 'h3', attrs: { class: 'rt-h3' }, children: [{ type: 'text', text: 'Cover' }] },
    {
      name: 'p',
      attrs: { class: 'rt-p' },
      children: [
        { type: 'text', text: 'Medical ' },
        { name: 'strong', attrs: { class: 'rt-strong' }, children: [{ type: 'text', text: 'up to' }] },
        { type: 'text', text: ' ' },
        { name: 'em', attrs: { class: 'rt-em' }, children: [{ type: 'text', text: 'CNY 300,000' }] },
      ],
    },
  ]);
  expect(names(html)).toEqual([
    'h3',
    'p',
    'strong',
    'em',
    'ul',
    'li',
    'li',
    'table',
    'tr',
    'th',
    'tr',
    'td',
    'td',
  ]);
  expect(attrsOf('<th colspan="2">x</th><td rowspan=3 colspan="x">y</td>')).toEqual([
    { class: 'rt-th', colspan: '2' },
    { class: 'rt-td', rowspan: '3' },
  ]);
});

test.each([
  ['<script>alert(1)</script>ok', 'ok'],
  ['<SCRIPT type="text/javascript">alert(1)</SCRIPT >ok', 'ok'],
  ['<script>document.write("</scr" + "ipt>")</script>ok', 'ok'],
  ['before<script src="https://evil.example/x.js"></script>after', 'beforeafter'],
  ['<script>never closed <p>hidden</p>', ''],
  ['<style>p { background: url(javascript:alert(1)) }</style>ok', 'ok'],
  ['<iframe src="https://evil.example"></iframe>ok', 'ok'],
  ['<iframe srcdoc="<script>alert(1)</script>">inside</iframe>ok', 'ok'],
  ['<object data="x.swf"><param name="a">fallback</object>ok', 'ok'],
  ['<svg onload="alert(1)"><script>alert(2)</script></svg>ok', 'ok'],
  ['<math><mi xlink:href="javascript:alert(1)">x</mi></math>ok', 'ok'],
  ['<template><img src=x onerror=alert(1)></template>ok', 'ok'],
  ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">x</p></noscript>ok', '">xok'],
  ['<!-- <script>alert(1)</script> -->ok', 'ok'],
  ['<!--[if IE]><script>alert(1)</script><![endif]-->ok', 'ok'],
  ['<textarea><script>alert(1)</script></textarea>ok', 'ok'],
])('drops code and embedded documents with their content: %s', (html, visible) => {
  expect(text(html)).toBe(visible);
  expect(names(html)).not.toEqual(expect.arrayContaining(['script', 'style', 'iframe', 'svg', 'object']));
});

test.each([
  '<p onclick="alert(1)">x</p>',
  '<p ONCLICK=alert(1)>x</p>',
  "<p onmouseover = 'alert(1)'>x</p>",
  '<div style="background:url(javascript:alert(1))" class="evil" id="x">x</div>',
  '<span onclick="a" onclick="b">x</span>',
  '<b/onclick=alert(1)>x</b>',
  '<p "onclick"="alert(1)">x</p>',
])('keeps no event handler, style, class or id attribute: %s', (html) => {
  for (const attrs of attrsOf(html)) expect(Object.keys(attrs)).toEqual(['class']);
  expect(text(html)).toBe('x');
});

test.each([
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java&#x09;script:alert(1)',
  '&#106;avascript:alert(1)',
  '&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)',
  'javascript&colon;alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/x',
  '/relative/path',
  'http:/\\evil.example',
])('drops the link target %j', (href) => {
  expect(safeUrl(href)).toBeUndefined();
  expect(attrsOf(`<a href="${href.replace(/"/g, '&quot;')}">x</a>`)).toEqual([{ class: 'rt-a' }]);
});

test('keeps an http(s) link target', () => {
  expect(attrsOf('<a href="https://insurer.example/terms?a=1&amp;b=2" onclick="x">x</a>')).toEqual([
    { class: 'rt-a', href: 'https://insurer.example/terms?a=1&b=2' },
  ]);
  expect(safeUrl('HTTP://insurer.example')).toBe('HTTP://insurer.example');
});

test('other tags are dropped and their text kept; stray angle brackets stay text', () => {
  expect(
    names('<img src=x onerror=alert(1)><form action="x"><input value="y"><label>Name</label></form>'),
  ).toEqual([]);
  expect(text('<font color=red>red</font> <blink>b</blink>')).toBe('red b');
  expect(text('3 < 5 and 7 > 2')).toBe('3 < 5 and 7 > 2');
  expect(text('<scr<script>ipt>alert(1)</script>')).toBe('ipt>alert(1)');
  expect(text('<p>unclosed <b>bold')).toBe('unclosed bold');
  expect(text('<p>a</div>b</p>c')).toBe('abc');
});

test('nesting deeper than WXML allows is flattened, text intact', () => {
  const html = '<div>'.repeat(40) + 'deep' + '</div>'.repeat(40);
  const depth = (nodes: readonly RichTextNode[]): number =>
    Math.max(0, ...nodes.map((n) => ('type' in n ? 0 : 1 + depth(n.children))));
  expect(depth(sanitizeHtml(html))).toBeLessThanOrEqual(16);
  expect(text(html)).toBe('deep');
});

test('the demo terms lose nothing: every tag is allowed and every character kept', () => {
  for (const plan of loadSeed(Date.now()).plans) {
    for (const html of Object.values(plan.termsHtml)) {
      const visible = html.replace(/<[^>]+>/g, '');
      expect(text(html)).toBe(visible);
      expect(elements(sanitizeHtml(html)).length).toBe((html.match(/<[a-z][^>]*>/g) ?? []).length);
    }
  }
});
