// previews/index.html: every page in a row, its states side by side (both languages), each shot with the
// figures the audits measured and any budget it broke; and the same figures as a table for the terminal.

/** The part of test/support/audits.ts's ShotResult the sheet reads (results.json). */
export interface ShotFigures {
  name: string;
  route: string;
  state: string;
  lang: string;
  tree: { nodes: number; depth: number; maxChildren: number };
  setData: { calls: number; largest: number; largestAt: string };
  actions: Array<{ name: string; calls: number }>;
  png?: string;
  failures: string[];
}

const esc = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;

function byPage(shots: ShotFigures[]): Map<string, ShotFigures[]> {
  const pages = new Map<string, ShotFigures[]>();
  for (const shot of shots) pages.set(shot.name, [...(pages.get(shot.name) ?? []), shot]);
  return pages;
}

export function contactSheet(shots: ShotFigures[], title: string): string {
  const rows = [...byPage(shots)].map(([name, list]) => {
    const cells = list
      .map((s) => {
        const figures = `${s.tree.nodes} nodes · depth ${s.tree.depth} · setData max ${kb(s.setData.largest)}`;
        const failures = s.failures.map((f) => `<li>${esc(f.replace(/^[^:]*: /, ''))}</li>`).join('');
        const image = s.png
          ? `<a href="${esc(s.png)}"><img src="${esc(s.png)}" loading="lazy" alt="${esc(`${name} ${s.state} ${s.lang}`)}"></a>`
          : '<div class="none">no browser render</div>';
        return `<figure>${image}<figcaption><b>${esc(s.state)}</b> · ${esc(s.lang)}<br>${figures}${
          failures ? `<ul class="fail">${failures}</ul>` : ''
        }</figcaption></figure>`;
      })
      .join('');
    return `<section><h2>${esc(name)} <small>${esc(list[0]!.route)}</small></h2><div class="row">${cells}</div></section>`;
  });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title><style>
body{font:14px/1.4 system-ui,sans-serif;margin:24px;background:#f5f6f7;color:#1f2329}
section{margin-bottom:32px}h2{font-size:18px}h2 small{font-weight:normal;color:#4e5969}
.row{display:flex;gap:16px;overflow-x:auto;align-items:flex-start}
figure{margin:0;flex:0 0 200px}img{width:200px;max-height:420px;object-fit:cover;object-position:top;border:1px solid #d0d3d6;background:#fff}
figcaption{font-size:12px;color:#4e5969}.fail{color:#b42318;padding-left:16px}.none{height:120px;border:1px dashed #aaa}
</style></head><body><h1>${esc(title)}</h1>${rows.join('')}</body></html>`;
}

/** Per page: its states, the largest node count, depth and children, and the largest setData. */
export function figuresTable(shots: ShotFigures[]): string {
  const header = [
    'page',
    'states',
    'max nodes',
    'depth',
    'children',
    'largest setData',
    'taps (setData calls)',
  ];
  const rows = [...byPage(shots)].map(([name, list]) => {
    const largest = list.reduce((a, s) => (s.setData.largest > a.setData.largest ? s : a));
    const actions = list.flatMap((s) => s.actions.map((a) => `${a.name}: ${a.calls}`));
    return [
      name,
      [...new Set(list.map((s) => s.state))].join(' '),
      String(Math.max(...list.map((s) => s.tree.nodes))),
      String(Math.max(...list.map((s) => s.tree.depth))),
      String(Math.max(...list.map((s) => s.tree.maxChildren))),
      `${kb(largest.setData.largest)} (${largest.state})`,
      actions.join('; '),
    ];
  });
  const widths = header.map((_, c) => Math.max(...[header, ...rows].map((r) => r[c]!.length)));
  const line = (r: string[]) =>
    r
      .map((cell, c) => cell.padEnd(widths[c]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
