// The rendered tree of a page (miniprogram-simulate's jsdom DOM: custom component hosts and their insides, as
// WeChat counts them) measured for the Audits, and serialised into HTML a browser can lay out: what simulate keeps
// only on its own nodes (bound events, built-in components' attributes) becomes plain attributes and stand-ins.
import fs from 'node:fs';
import path from 'node:path';
import { srcDir } from '../paths';

/** What simulate's exparser keeps on each element (`element.__wxElement`). */
export interface ExparserNode {
  $$?: Element;
  _vt?: { attrs?: Array<{ name: string; value: unknown }>; event?: Record<string, { name: string }> };
}

export interface TreeFigures {
  nodes: number;
  depth: number;
  maxChildren: number;
  /** The deepest element and the one with the most children, named for messages. */
  deepest: string;
  widest: string;
}

interface RichNode {
  name?: string;
  type?: string;
  text?: string;
  attrs?: Record<string, string>;
  children?: RichNode[];
}

function label(el: Element): string {
  const classes = [...el.classList].map((c) => c.replace(/^[a-z0-9-]+?--/, '')).filter(Boolean);
  return `<${el.tagName.toLowerCase().replace(/^wx-/, '')}${classes.length ? ` class="${classes.join(' ')}"` : ''}>`;
}

function richNodeCount(nodes: unknown): number {
  if (!Array.isArray(nodes)) return 0;
  return (nodes as RichNode[]).reduce(
    (n, node) => n + (node.type === 'text' ? 0 : 1 + richNodeCount(node.children)),
    0,
  );
}

/** The attributes simulate rendered on an element (built-in components keep theirs only there). */
export const attrsOf = (el: Element): Map<string, unknown> =>
  new Map(
    ((el as unknown as { __wxElement?: ExparserNode }).__wxElement?._vt?.attrs ?? []).map((a) => [
      a.name,
      a.value,
    ]),
  );

export function measureTree(root: Element): TreeFigures {
  const figures: TreeFigures = { nodes: 0, depth: 0, maxChildren: 0, deepest: '', widest: '' };
  const visit = (el: Element, depth: number): void => {
    figures.nodes++;
    if (depth > figures.depth) {
      figures.depth = depth;
      figures.deepest = label(el);
    }
    if (el.children.length > figures.maxChildren) {
      figures.maxChildren = el.children.length;
      figures.widest = label(el);
    }
    for (const child of el.children) visit(child, depth + 1);
    // <rich-text> draws its nodes itself; they are nodes of the page all the same.
    if (el.tagName === 'WX-RICH-TEXT') figures.nodes += richNodeCount(attrsOf(el).get('nodes'));
  };
  visit(root, 1);
  return figures;
}

const TAP_EVENTS = new Set(['tap', 'longpress', 'longtap']);
const NATIVE_TAPPABLE = new Set([
  'wx-button',
  'wx-navigator',
  'wx-switch',
  'wx-checkbox',
  'wx-radio',
  'wx-picker',
  'wx-input',
  'wx-textarea',
  'wx-slider',
]);
const COPIED_ATTRS = ['mode', 'type', 'size', 'plain', 'checked', 'scrollX', 'scrollY'];

const escapeAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function richText(nodes: unknown): string {
  if (typeof nodes === 'string') return nodes;
  if (!Array.isArray(nodes)) return '';
  return (nodes as RichNode[])
    .map((n) => {
      if (n.type === 'text') return escapeText(n.text ?? '');
      const tag = /^[a-z][a-z0-9]*$/.test(n.name ?? '') ? n.name! : 'span';
      const attrs = Object.entries(n.attrs ?? {})
        .filter(([k]) => k === 'class' || k === 'style')
        .map(([k, v]) => ` ${k}="${escapeAttr(String(v))}"`)
        .join('');
      return `<${tag}${attrs}>${richText(n.children)}</${tag}>`;
    })
    .join('');
}

/** A bundle file (an icon path in app.json or a marker) as a data URL the browser can show; '' when absent. */
export function assetUrl(file: string): string {
  const full = path.join(srcDir, file.replace(/^\//, ''));
  if (!/\.(png|jpe?g|gif|svg)$/i.test(full) || !fs.existsSync(full)) return '';
  const ext = path.extname(full).slice(1).toLowerCase();
  const mime = ext === 'svg' ? 'image/svg+xml' : `image/${ext === 'jpg' ? 'jpeg' : ext}`;
  return `data:${mime};base64,${fs.readFileSync(full).toString('base64')}`;
}

interface Marker {
  latitude: number;
  longitude: number;
  iconPath?: string;
  width?: number;
  height?: number;
}

/** Markers of a <map> placed by Web Mercator around its centre (256 px tiles at zoom = scale). */
function mapMarkers(attrs: Map<string, unknown>): string {
  const markers = attrs.get('markers');
  const lat0 = Number(attrs.get('latitude'));
  const lng0 = Number(attrs.get('longitude'));
  const scale = Number(attrs.get('scale') ?? 16);
  if (!Array.isArray(markers) || !Number.isFinite(lat0) || !Number.isFinite(lng0)) return '';
  const world = 256 * 2 ** scale;
  const y = (lat: number) =>
    (Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI)) * world;
  return (markers as Marker[])
    .map((m) => {
      const dx = ((m.longitude - lng0) / 360) * world;
      const dy = y(lat0) - y(m.latitude);
      const at = `left:calc(50% + ${dx.toFixed(1)}px);top:calc(50% + ${dy.toFixed(1)}px)`;
      const icon = m.iconPath ? assetUrl(m.iconPath) : '';
      return icon
        ? `<img class="wf-marker" src="${icon}" style="${at};width:${m.width ?? 24}px;height:${m.height ?? 24}px" alt="">`
        : `<i class="wf-marker" style="${at};width:10px;height:10px;border-radius:50%;background:#d4380d"></i>`;
    })
    .join('');
}

export interface SnapshotOptions {
  /** Load images from their URLs (previews); audits leave them blank. */
  images: boolean;
  /** The page's directory in the bundle, for relative image paths. */
  dir: string;
  /** Stand-in for a <canvas data-payload> (the ticket QR): SVG markup, or '' to leave it blank. */
  canvas?: (payload: string) => string;
}

/** The rendered tree as HTML a browser can lay out. */
export function snapshotHtml(root: Element, options: SnapshotOptions): string {
  const clone = root.cloneNode(true) as Element;
  const originals = [root, ...root.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((el, i) => {
    const copy = copies[i]!;
    const node = (el as unknown as { __wxElement?: ExparserNode }).__wxElement;
    const tag = el.tagName.toLowerCase();
    const attrs = attrsOf(el);
    const events = Object.values(node?._vt?.event ?? {});
    if (NATIVE_TAPPABLE.has(tag) || events.some((e) => TAP_EVENTS.has(e.name)))
      copy.setAttribute('data-tap', '');
    if (attrs.get('hidden') === true) copy.setAttribute('hidden', '');
    if (
      attrs.get('disabled') === true ||
      attrs.get('ariaDisabled') === 'true' ||
      [...el.classList].some((c) => /(^|-)disabled$/.test(c))
    )
      copy.setAttribute('data-disabled', '');
    for (const name of COPIED_ATTRS) {
      const value = attrs.get(name);
      if (value === true) copy.setAttribute(kebab(name), '');
      else if (typeof value === 'string' && value) copy.setAttribute(kebab(name), value);
    }
    const source = typeof attrs.get('src') === 'string' ? String(attrs.get('src')) : '';
    if (tag === 'wx-image' && options.images && source) {
      // Remote images load from the dev API; the bundle's own files are inlined.
      const url = /^https?:/.test(source)
        ? source
        : assetUrl(source.startsWith('/') ? source : path.join(options.dir, source));
      copy.innerHTML = `<img src="${escapeAttr(url)}" alt="">`;
    } else if (tag === 'wx-input' || tag === 'wx-textarea') {
      const value = String(attrs.get('value') ?? '');
      copy.textContent = value;
      if (!value && attrs.get('placeholder'))
        copy.setAttribute('data-placeholder', String(attrs.get('placeholder')));
    } else if (tag === 'wx-rich-text') {
      copy.innerHTML = richText(attrs.get('nodes'));
    } else if (tag === 'wx-map') {
      copy.innerHTML = mapMarkers(attrs);
    } else if (tag === 'wx-canvas' && options.canvas && el.getAttribute('data-payload')) {
      copy.innerHTML = options.canvas(el.getAttribute('data-payload')!);
    }
  });
  return clone.outerHTML;
}
