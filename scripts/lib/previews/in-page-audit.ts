// The Audits checks that need layout and paint, run inside Chromium on a previewDocument(): every tappable
// element (marked data-tap by the harness) at least 20 x 20 px, and every visible text at a contrast of 4.5
// against what is painted behind it (3 for large text: 24 px, or 18.66 px bold). The function is serialised
// into the page, so it is self-contained.

export interface TapFinding {
  element: string;
  width: number;
  height: number;
}

export interface ContrastFinding {
  element: string;
  text: string;
  ratio: number;
  required: number;
  color: string;
  background: string;
}

export interface BrowserFindings {
  smallTaps: TapFinding[];
  lowContrast: ContrastFinding[];
  tapsChecked: number;
  textsChecked: number;
  /** Texts painted over an image, whose contrast a colour check cannot judge. */
  overImage: number;
}

export const MIN_TAP_PX = 20;
export const MIN_CONTRAST = 4.5;
export const MIN_CONTRAST_LARGE = 3;

export function auditInPage(limits: { tap: number; contrast: number; large: number }): BrowserFindings {
  type Rgba = [number, number, number, number];

  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const parts = m[1]!
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map(Number);
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  /** `top` painted over an opaque `bottom`. */
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [
      top[0] * a + bottom[0] * (1 - a),
      top[1] * a + bottom[1] * (1 - a),
      top[2] * a + bottom[2] * (1 - a),
      1,
    ];
  };
  const luminance = (c: Rgba): number => {
    const lin = (v: number) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2]);
  };
  const ratioOf = (a: Rgba, b: Rgba): number => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
    return (hi + 0.05) / (lo + 0.05);
  };
  const hex = (c: Rgba) =>
    '#' +
    c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('');

  /** A readable name: tag, classes without the scope prefix simulate adds, the start of its text. */
  const nameOf = (el: Element): string => {
    const classes = [...el.classList].map((c) => c.replace(/^[a-z0-9-]+?--/, '')).filter(Boolean);
    const tag = el.tagName.toLowerCase().replace(/^wx-/, '');
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 30);
    return `<${tag}${classes.length ? ' class="' + classes.join(' ') + '"' : ''}>${text ? ` "${text}"` : ''}`;
  };
  const skipped = (el: Element) => el.closest('[data-audit-skip]') !== null;
  const visible = (el: Element) =>
    el.getClientRects().length > 0 && el.checkVisibility({ opacityProperty: true, visibilityProperty: true });

  const findings: BrowserFindings = {
    smallTaps: [],
    lowContrast: [],
    tapsChecked: 0,
    textsChecked: 0,
    overImage: 0,
  };

  for (const el of document.querySelectorAll('[data-tap]')) {
    const r = el.getBoundingClientRect();
    // Nothing painted, nothing to tap (a closed popup's overlay).
    if (skipped(el) || !visible(el) || r.width * r.height === 0) continue;
    findings.tapsChecked++;
    if (r.width < limits.tap || r.height < limits.tap) {
      const px = (v: number) => Math.floor(v * 10) / 10;
      findings.smallTaps.push({ element: nameOf(el), width: px(r.width), height: px(r.height) });
    }
  }

  const white: Rgba = [255, 255, 255, 1];
  const seen = new Set<Element>();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || seen.has(el) || !(node.textContent ?? '').trim()) continue;
    seen.add(el);
    // Text of an inactive control is exempt (as in WCAG 1.4.3): a disabled button is meant to look faded.
    if (skipped(el) || !visible(el) || el.closest('[data-disabled]')) continue;
    const style = getComputedStyle(el);
    // Opacity on the way up fades the text into whatever is behind it.
    let alpha = parse(style.color)[3];
    for (let up: Element | null = el; up; up = up.parentElement)
      alpha *= Number(getComputedStyle(up).opacity);
    const color: Rgba = [...(parse(style.color).slice(0, 3) as [number, number, number]), alpha];
    // What is painted behind the text's box, top first, down to the first opaque layer.
    const box = el.getBoundingClientRect();
    const stack = document.elementsFromPoint(
      box.left + box.width / 2,
      box.top + Math.min(box.height / 2, 10),
    );
    const layers: Rgba[] = [];
    let image = false;
    for (const below of stack.slice(Math.max(0, stack.indexOf(el)))) {
      const s = getComputedStyle(below);
      if (below.tagName === 'WX-IMAGE' || below.tagName === 'IMG' || s.backgroundImage !== 'none') {
        image = true;
        break;
      }
      const bg = parse(s.backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] >= 1) break;
    }
    if (image) {
      findings.overImage++;
      continue;
    }
    const background = layers.reduceRight<Rgba>((under, layer) => over(layer, under), white);
    const fg = over(color, background);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? limits.large : limits.contrast;
    const ratio = ratioOf(fg, background);
    findings.textsChecked++;
    if (ratio < required) {
      findings.lowContrast.push({
        element: nameOf(el),
        text: (node.textContent ?? '').trim().slice(0, 30),
        ratio: Math.round(ratio * 100) / 100,
        required,
        color: hex(fg),
        background: hex(background),
      });
    }
  }
  return findings;
}
