// Rich text from the API (a plan's terms) goes through sanitizeHtml before <rich-text> sees it. By property, on
// generated hostile HTML (script and style blocks, event attributes, javascript:/data:/vbscript: URLs in every
// disguise, unclosed and deeply nested tags, comments) and on any string at all: only allowlisted elements remain,
// with no attribute but a class, an http(s) href on links and numeric table spans; no script content survives as
// text; the tree stays shallow; it never throws.
import fc from 'fast-check';
import {
  nodesText,
  sanitizeHtml,
  type RichTextNode,
} from '../../miniprogram/packages/insurance/domain/sanitize-html';

const ALLOWED =
  'h1 h2 h3 h4 h5 h6 p div span section blockquote pre code br hr ul ol li dl dt dd strong b em i u s del ins small sub sup a table caption thead tbody tfoot tr th td'.split(
    ' ',
  );
const MARKER = 'PWNED';

const elements = (nodes: readonly RichTextNode[]): Array<Exclude<RichTextNode, { type: 'text' }>> =>
  nodes.flatMap((n) => ('type' in n ? [] : [n, ...elements(n.children)]));
const depth = (nodes: readonly RichTextNode[]): number =>
  Math.max(0, ...nodes.map((n) => ('type' in n ? 0 : 1 + depth(n.children))));

const scheme = fc.constantFrom(
  'javascript:',
  'JaVaScRiPt:',
  'java\tscript:',
  'java\nscript:',
  ' javascript:',
  '&#106;avascript:',
  '&#x6A;avascript:',
  'javascript&colon;',
  'jav&#x09;ascript:',
  'vbscript:',
  'data:text/html;base64,',
  '\u0000javascript:',
  '//evil.example/',
  '/relative/',
);
const badUrl = scheme.map((s) => `${s}alert('${MARKER}')`);
const goodUrl = fc.constantFrom('https://example.com/terms', 'http://example.com/a?b=1&c=2');
const quote = (v: string) =>
  fc.constantFrom(`"${v.replace(/"/g, '')}"`, `'${v.replace(/'/g, '')}'`, v.replace(/[\s>]/g, ''));

const attribute = fc
  .oneof(
    fc.tuple(
      fc.constantFrom('onclick', 'onerror', 'ONLOAD', 'onmouseover', 'onfocus'),
      fc.constant(`alert('${MARKER}')`),
    ),
    fc.tuple(
      fc.constantFrom('href', 'HREF', 'src', 'xlink:href', 'action', 'formaction'),
      fc.oneof(badUrl, goodUrl),
    ),
    fc.tuple(fc.constantFrom('style'), fc.constant(`background:url(javascript:${MARKER})`)),
    fc.tuple(fc.constantFrom('colspan', 'rowspan'), fc.constantFrom('2', '99', '0', '-1', 'x', '1e9')),
    fc.tuple(fc.constantFrom('class', 'id', 'data-x'), fc.constantFrom('a', MARKER)),
  )
  .chain(([name, value]) => quote(value).map((v) => ` ${name}=${v}`));

const tagName = fc.constantFrom(
  ...ALLOWED,
  'img',
  'form',
  'input',
  'object',
  'embed',
  'link',
  'meta',
  'base',
  'svg',
  'math',
  'SCRIPT',
  'Style',
  'iframe',
  'textarea',
  'noscript',
  'template',
  'x-custom',
);
const dangerousBlock = fc
  .constantFrom(
    'script',
    'SCRIPT',
    'style',
    'iframe',
    'noscript',
    'template',
    'textarea',
    'svg',
    'math',
    'title',
  )
  .map((t) => `<${t}>${MARKER}</${t}>`);

const link = fc
  .tuple(
    fc.constantFrom('a', 'A'),
    fc.oneof(badUrl, badUrl, goodUrl).chain(quote),
    fc.array(attribute, { maxLength: 2 }),
  )
  .map(([a, href, attrs]) => `<${a} href=${href}${attrs.join('')}>link</${a}>`);

const html: fc.Arbitrary<string> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(
      'text',
      '中文条款',
      '&lt;b&gt;',
      'a < b',
      '<',
      '>',
      '&',
      '<!-- hidden -->',
      '<!doctype html>',
      '<?xml ?>',
      '</p>',
      '</unknown>',
    ),
    dangerousBlock,
    link,
    fc
      .tuple(
        tagName,
        fc.array(attribute, { maxLength: 3 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.boolean(),
      )
      .map(
        ([t, attrs, children, close]) =>
          `<${t}${attrs.join('')}>${children.join('')}${close ? `</${t}>` : ''}`,
      ),
  ),
})).node as fc.Arbitrary<string>;

function expectSafe(nodes: RichTextNode[]): void {
  for (const el of elements(nodes)) {
    expect(ALLOWED).toContain(el.name);
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name === 'class') expect(value).toBe(`rt-${el.name}`);
      else if (name === 'href') {
        expect(el.name).toBe('a');
        expect(value).toMatch(/^https?:\/\/[^/\\]/i);
        // No control character or space, where a browser would hide a scheme.
        expect([...value].some((ch) => ch.charCodeAt(0) <= 0x20 || (ch >= '\u007f' && ch <= '\u009f'))).toBe(
          false,
        );
      } else {
        expect(['colspan', 'rowspan']).toContain(name);
        expect(['td', 'th']).toContain(el.name);
        expect(value).toMatch(/^[1-9]\d?$/);
      }
    }
  }
  expect(depth(nodes)).toBeLessThanOrEqual(16);
}

test('hostile HTML: only allowlisted elements and safe attributes, no script content, a shallow tree', () => {
  fc.assert(
    fc.property(html, (input) => {
      const nodes = sanitizeHtml(input);
      expectSafe(nodes);
      // Marker text appears only inside blocks that must vanish and inside attribute values that must go.
      expect(nodesText(nodes)).not.toContain(MARKER);
    }),
    { numRuns: 200, seed: 31 },
  );
});

test('any string at all: never throws, keeps at most the input text, stays safe', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 200 }),
        fc.string({
          unit: fc.constantFrom(
            '<',
            '>',
            '/',
            '"',
            "'",
            '=',
            ' ',
            'a',
            'p',
            'script',
            '!--',
            '&',
            '#',
            ';',
            'x',
          ),
          maxLength: 80,
        }),
      ),
      (input) => {
        const nodes = sanitizeHtml(input);
        expectSafe(nodes);
        expect(nodesText(nodes).length).toBeLessThanOrEqual(input.length);
      },
    ),
    { numRuns: 200, seed: 32 },
  );
});

test('deep nesting is flattened below the WXML depth limit, its text kept', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 400 }), fc.constantFrom('div', 'span', 'b', 'li'), (n, tag) => {
      const nodes = sanitizeHtml(`${`<${tag}>`.repeat(n)}deep${`</${tag}>`.repeat(n)}`);
      expect(depth(nodes)).toBeLessThanOrEqual(16);
      expect(nodesText(nodes)).toBe('deep');
    }),
    { numRuns: 50, seed: 33 },
  );
});

test('plain text with no markup comes through unchanged', () => {
  fc.assert(
    fc.property(
      fc.string({ maxLength: 100 }).filter((s) => !s.includes('<')),
      (text) => {
        expect(nodesText(sanitizeHtml(text))).toBe(text);
      },
    ),
    { numRuns: 100, seed: 34 },
  );
});
