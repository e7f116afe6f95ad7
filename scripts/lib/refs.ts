import path from 'node:path';

/** What a reference asks for: a custom component (base path, no extension), a JS/WXS module, or an exact file. */
export type RefKind = 'component' | 'module' | 'file';

export interface Ref {
  kind: RefKind;
  spec: string;
  line: number;
  /** Where it came from, for messages: `usingComponents.van-button`, `require`, `@import`, `<wxs src>`. */
  via: string;
}

const requirePattern = /\brequire\(\s*(['"])([^'"]+)\1\s*\)/g;
const wxmlSrcPattern = /<(wxs|import|include)\b[^>]*?\bsrc\s*=\s*(['"])([^'"]+)\2/g;
const importPattern = /@import\s+(['"])([^'"]+)\1/g;

function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function matches(
  text: string,
  pattern: RegExp,
  group: number,
  make: (spec: string, line: number) => Ref,
): Ref[] {
  return [...text.matchAll(pattern)].map((m) => make(m[group] ?? '', lineAt(text, m.index ?? 0)));
}

function jsonRefs(text: string): Ref[] {
  const json = JSON.parse(text) as {
    usingComponents?: Record<string, string>;
    componentGenerics?: Record<string, { default?: string } | boolean>;
  };
  const line = (spec: string): number => lineAt(text, text.indexOf(JSON.stringify(spec)));
  const refs: Ref[] = Object.entries(json.usingComponents ?? {}).map(([tag, spec]) => ({
    kind: 'component',
    spec,
    line: line(spec),
    via: `usingComponents.${tag}`,
  }));
  for (const [name, generic] of Object.entries(json.componentGenerics ?? {})) {
    if (typeof generic === 'object' && generic.default) {
      refs.push({
        kind: 'component',
        spec: generic.default,
        line: line(generic.default),
        via: `componentGenerics.${name}`,
      });
    }
  }
  return refs.filter((ref) => !ref.spec.startsWith('plugin://') && !ref.spec.startsWith('plugin-private://'));
}

/** The files, components and modules one mini program source file points at, with the line of each. */
export function findRefs(file: string, text: string): Ref[] {
  switch (path.extname(file)) {
    case '.json':
      return jsonRefs(text);
    case '.js':
    case '.wxs':
      return matches(text, requirePattern, 2, (spec, line) => ({
        kind: 'module',
        spec,
        line,
        via: 'require',
      }));
    case '.wxml':
      return [
        ...matches(text, wxmlSrcPattern, 3, (spec, line) => ({
          kind: 'file',
          spec,
          line,
          via: '<wxs|import|include src>',
        })),
        ...matches(text, requirePattern, 2, (spec, line) => ({ kind: 'module', spec, line, via: 'require' })),
      ];
    case '.wxss':
      return matches(text, importPattern, 2, (spec, line) => ({ kind: 'file', spec, line, via: '@import' }));
    default:
      return [];
  }
}
