// HTML from the API (a plan's terms) becomes <rich-text> nodes through an allowlist: only text-formatting tags
// survive, with no attributes except an http(s) link target and table spans. So script/style/iframe (and their
// content), event-handler attributes, style attributes and javascript:/data: URLs can never reach the view.
// Handing rich-text a node array (not a string) also means nothing downstream parses HTML again.

export interface RichTextText {
  type: 'text';
  text: string;
}
export interface RichTextElement {
  name: string;
  attrs: Record<string, string>;
  children: RichTextNode[];
}
export type RichTextNode = RichTextText | RichTextElement;

const ALLOWED = new Set([
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'p',
  'div',
  'span',
  'section',
  'blockquote',
  'pre',
  'code',
  'br',
  'hr',
  'ul',
  'ol',
  'li',
  'dl',
  'dt',
  'dd',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'del',
  'ins',
  'small',
  'sub',
  'sup',
  'a',
  'table',
  'caption',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
]);
const VOID = new Set(['br', 'hr']);
/** Elements whose whole content is dropped with them (code, styles, embedded documents, foreign markup). */
const DROP_WITH_CONTENT = new Set([
  'script',
  'style',
  'iframe',
  'frame',
  'frameset',
  'object',
  'applet',
  'noscript',
  'noembed',
  'noframes',
  'template',
  'textarea',
  'title',
  'xmp',
  'svg',
  'math',
  'select',
]);
/** WXML must stay shallower than 30 levels; deeper elements are unwrapped (their text is kept). */
const MAX_DEPTH = 16;

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  colon: ':',
  tab: '\t',
  newline: '\n',
  sol: '/',
};

/** Decodes character references in an attribute value, so an encoded `javascript:` is seen for what it is. */
function decodeEntities(value: string): string {
  return value.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const cp = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(cp) && cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

/** An absolute http(s) URL, or undefined (javascript:, vbscript:, data:, relative and obfuscated forms). */
export function safeUrl(raw: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme: `java\tscript:` is still javascript.
  // eslint-disable-next-line no-control-regex
  const url = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return /^https?:\/\/[^/\\]/i.test(url) ? url : undefined;
}

interface Tag {
  name: string;
  attrs: Record<string, string>;
  end: number;
  selfClosing: boolean;
}

/** Reads a start tag at `start` (which holds '<' followed by a letter). */
function readStartTag(html: string, start: number): Tag {
  const nameMatch = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(start, start + 64));
  const name = (nameMatch?.[1] ?? '').toLowerCase();
  const attrs: Record<string, string> = {};
  const attr = /\s*([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]*)))?|\s*\/?\s*>|\s*\//y;
  attr.lastIndex = start + 1 + name.length;
  for (;;) {
    const pos = attr.lastIndex;
    if (pos >= html.length) return { name, attrs, end: html.length, selfClosing: false };
    const m = attr.exec(html);
    if (!m) {
      // A stray character (e.g. a quote with no name before it): skip it.
      attr.lastIndex = pos + 1;
      continue;
    }
    if (m[0].trimEnd().endsWith('>') && m[1] === undefined) {
      return { name, attrs, end: attr.lastIndex, selfClosing: m[0].includes('/') };
    }
    if (m[1] !== undefined) {
      const key = m[1].toLowerCase();
      if (!(key in attrs)) attrs[key] = m[2] ?? m[3] ?? m[4] ?? '';
    }
  }
}

/** Only what the allowlist keeps: an http(s) href on links, numeric spans on table cells. */
function keptAttrs(name: string, attrs: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = { class: `rt-${name}` };
  if (name === 'a' && attrs.href !== undefined) {
    const href = safeUrl(attrs.href);
    if (href) out.href = href;
  }
  if (name === 'td' || name === 'th') {
    for (const key of ['colspan', 'rowspan']) {
      const v = attrs[key];
      if (v !== undefined && /^[1-9]\d?$/.test(v)) out[key] = v;
    }
  }
  return out;
}

/** Index just past the closing tag of a dropped element, or the end of the input when it never closes. */
function skipContent(html: string, from: number, name: string): number {
  const close = new RegExp(`</${name}[\\s/>]`, 'ig');
  close.lastIndex = from;
  const m = close.exec(html);
  if (!m) return html.length;
  const gt = html.indexOf('>', m.index);
  return gt < 0 ? html.length : gt + 1;
}

export function sanitizeHtml(html: string): RichTextNode[] {
  const root: RichTextNode[] = [];
  const stack: RichTextElement[] = [];
  const children = () => stack[stack.length - 1]?.children ?? root;
  const pushText = (text: string) => {
    if (text === '') return;
    const list = children();
    const last = list[list.length - 1];
    if (last && 'type' in last) last.text += text;
    else list.push({ type: 'text', text });
  };

  let i = 0;
  while (i < html.length) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    pushText(html.slice(i, lt));
    const next = html[lt + 1] ?? '';
    if (html.startsWith('<!--', lt)) {
      const endComment = html.indexOf('-->', lt + 4);
      i = endComment < 0 ? html.length : endComment + 3;
    } else if (next === '!' || next === '?') {
      const gt = html.indexOf('>', lt);
      i = gt < 0 ? html.length : gt + 1;
    } else if (next === '/' && /[a-zA-Z]/.test(html[lt + 2] ?? '')) {
      const m = /^<\/([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(lt, lt + 64));
      const name = (m?.[1] ?? '').toLowerCase();
      const gt = html.indexOf('>', lt);
      i = gt < 0 ? html.length : gt + 1;
      const at = stack.map((e) => e.name).lastIndexOf(name);
      if (at >= 0) stack.length = at;
    } else if (/[a-zA-Z]/.test(next)) {
      const tag = readStartTag(html, lt);
      i = tag.end;
      if (DROP_WITH_CONTENT.has(tag.name)) {
        if (!tag.selfClosing) i = skipContent(html, i, tag.name);
      } else if (ALLOWED.has(tag.name) && stack.length < MAX_DEPTH) {
        const element: RichTextElement = {
          name: tag.name,
          attrs: keptAttrs(tag.name, tag.attrs),
          children: [],
        };
        children().push(element);
        if (!VOID.has(tag.name) && !tag.selfClosing) stack.push(element);
      }
      // Any other tag (img, form, input, link, meta, unknown) is dropped and its content kept as text.
    } else {
      pushText('<');
      i = lt + 1;
    }
  }
  return root;
}

/** The visible text of sanitized nodes (entities left as written), for previews and tests. */
export function nodesText(nodes: readonly RichTextNode[]): string {
  return nodes.map((n) => ('type' in n ? n.text : nodesText(n.children))).join('');
}
