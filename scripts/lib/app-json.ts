import fs from 'node:fs';
import path from 'node:path';

export interface SubpackageDecl {
  root: string;
  pages: string[];
  independent?: boolean;
}

export interface AppJson {
  pages?: string[];
  subPackages?: SubpackageDecl[];
  subpackages?: SubpackageDecl[];
  tabBar?: { list?: { pagePath: string }[] };
  usingComponents?: Record<string, string>;
}

export function readAppJson(bundleDir: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(bundleDir, 'app.json'), 'utf8')) as AppJson;
}

/** Subpackage roots without a trailing slash (app.json allows both spellings; both keys are accepted too). */
export function subpackages(app: AppJson): SubpackageDecl[] {
  return [...(app.subPackages ?? []), ...(app.subpackages ?? [])].map((sub) => ({
    ...sub,
    root: sub.root.replace(/\/+$/, ''),
  }));
}

/** Every page path of the app (main package first, then each subpackage's pages under its root). */
export function allPages(app: AppJson): string[] {
  return [
    ...(app.pages ?? []),
    ...subpackages(app).flatMap((sub) => sub.pages.map((page) => `${sub.root}/${page}`)),
  ];
}
