// UI text lives in the i18n dictionaries (miniprogram/i18n), in both languages. This finds text written anywhere
// else in the mini program's sources: Chinese in WXML, in TypeScript strings and in JSON values, and English words
// in WXML text and in the attributes a user reads. Comments are not UI text. JSON may keep what WeChat reads before
// any code runs (ALLOWED_JSON); the brand file is configuration, and both of its languages are checked elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { listFiles } from './files';

export interface UiTextFinding {
  file: string;
  line: number;
  text: string;
}

const HAN = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]/;
const WORD = /[A-Za-z]{2,}/;
/** Attributes whose value a user reads (or hears from a screen reader). */
const VISIBLE_ATTRIBUTE = /^(placeholder|title|label|text|alt|aria-label)$|-(text|title|label|placeholder)$/;

/** JSON values WeChat reads before any code runs: first-paint titles and tab texts, the location reason. */
const ALLOWED_JSON: RegExp[] = [
  /(^|\.)navigationBarTitleText$/,
  /^tabBar\.list\.\d+\.text$/,
  /^permission\..+\.desc$/,
];
const CONFIGURATION = ['brand/brand.json'];
const DICTIONARIES = 'i18n/';

const lineAt = (source: string, offset: number) => source.slice(0, offset).split('\n').length;
/** Blanks a span, keeping its line breaks so offsets still give lines. */
const blank = (text: string) => text.replace(/[^\n]/g, ' ');
const outsideMustaches = (text: string) => text.replace(/\{\{[\s\S]*?\}\}/g, blank);

export function scanWxml(file: string, source: string): UiTextFinding[] {
  const found: UiTextFinding[] = [];
  const report = (offset: number, text: string) =>
    found.push({ file, line: lineAt(source, offset), text: text.trim() });
  const code = source.replace(/<!--[\s\S]*?-->/g, blank);
  // Chinese anywhere, expressions included.
  for (const m of code.matchAll(/[^\n<>]*/g)) if (HAN.test(m[0])) report(m.index, m[0]);
  // English words: in text between tags, and in the values of visible attributes (expressions aside).
  const markup = outsideMustaches(code).replace(/<wxs[\s\S]*?<\/wxs>/g, blank);
  for (const m of markup.matchAll(/>([^<]+)</g)) {
    const text = m[1]!.replace(/&\w+;/g, ' ');
    if (WORD.test(text) && !HAN.test(text)) report(m.index + 1, text);
  }
  for (const tag of markup.matchAll(/<[^>]+>/g)) {
    for (const a of tag[0].matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
      const value = a[2] ?? a[3] ?? '';
      if (VISIBLE_ATTRIBUTE.test(a[1]!) && WORD.test(value) && !HAN.test(value))
        report(tag.index + a.index, `${a[1]}="${value}"`);
    }
  }
  return found.sort((x, y) => x.line - y.line);
}

export function scanTypeScript(file: string, source: string): UiTextFinding[] {
  const found: UiTextFinding[] = [];
  const sf = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const report = (node: ts.Node, text: string) =>
    found.push({ file, line: sf.getLineAndCharacterOfPosition(node.getStart()).line + 1, text });
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) && HAN.test(node.text)) report(node, node.text);
    if (ts.isTemplateExpression(node)) {
      const parts = [node.head, ...node.templateSpans.map((span) => span.literal)];
      if (parts.some((part) => HAN.test(part.text))) report(node, node.getText());
      node.templateSpans.forEach((span) => visit(span.expression));
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

export function scanJson(file: string, source: string): UiTextFinding[] {
  const found: UiTextFinding[] = [];
  const walk = (value: unknown, at: string): void => {
    if (typeof value === 'string') {
      if (HAN.test(value) && !ALLOWED_JSON.some((allowed) => allowed.test(at))) {
        const offset = source.indexOf(JSON.stringify(value));
        found.push({ file, line: offset < 0 ? 1 : lineAt(source, offset), text: `${at}: ${value}` });
      }
    } else if (value && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) walk(child, at ? `${at}.${key}` : key);
    }
  };
  walk(JSON.parse(source) as unknown, '');
  return found;
}

const SCANNERS: Record<string, (file: string, source: string) => UiTextFinding[]> = {
  '.wxml': scanWxml,
  '.ts': scanTypeScript,
  '.json': scanJson,
};

/** Every finding in a mini program source directory, file paths relative to it. */
export function scanUiText(dir: string): UiTextFinding[] {
  return listFiles(dir)
    .filter((file) => !file.startsWith(DICTIONARIES) && !CONFIGURATION.includes(file))
    .flatMap((file) => {
      const scan = SCANNERS[path.extname(file)];
      return scan ? scan(file, fs.readFileSync(path.join(dir, file), 'utf8')) : [];
    });
}

export function formatUiTextFinding(f: UiTextFinding): string {
  return `${f.file}:${f.line}: UI text outside the i18n dictionaries: ${f.text}`;
}
