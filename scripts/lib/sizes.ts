import { subpackages, type AppJson } from './app-json';
import type { CompiledFile } from './compile';

const KB = 1024;

/**
 * Package size budgets in bytes: the one place to tighten them. The platform allows 2 MB per package and 20 MB in
 * all, and DevTools warns above 1.5 MB; ours are far tighter so a first visit (the main package, downloaded before
 * anything shows) stays quick on a roaming connection, and each feature's subpackage stays small.
 */
export const BUDGETS = {
  main: 300 * KB,
  subpackage: 400 * KB,
  total: 1536 * KB,
};

export interface PackageSizes {
  main: number;
  subpackages: Record<string, number>;
  total: number;
}

/** Bytes per package, from what getCompiledResult emits: a file belongs to the subpackage whose root holds it. */
export function measurePackages(files: CompiledFile[], app: AppJson): PackageSizes {
  const roots = subpackages(app)
    .map((sub) => sub.root)
    .sort();
  const sizes: PackageSizes = {
    main: 0,
    subpackages: Object.fromEntries(roots.map((root) => [root, 0])),
    total: 0,
  };
  for (const file of files) {
    const root = roots.find((r) => file.path.startsWith(`${r}/`));
    if (root) sizes.subpackages[root] = (sizes.subpackages[root] ?? 0) + file.bytes;
    else sizes.main += file.bytes;
    sizes.total += file.bytes;
  }
  return sizes;
}

/** One message per package over its budget (empty when all fit). */
export function overBudget(sizes: PackageSizes): string[] {
  const over: string[] = [];
  const check = (name: string, bytes: number, budget: number): void => {
    if (bytes > budget) over.push(`${name}: ${bytes} bytes > budget ${budget} bytes`);
  };
  check('main package', sizes.main, BUDGETS.main);
  for (const [root, bytes] of Object.entries(sizes.subpackages))
    check(`subpackage ${root}`, bytes, BUDGETS.subpackage);
  check('total', sizes.total, BUDGETS.total);
  return over;
}

export function formatSizeTable(sizes: PackageSizes): string {
  const rows: [string, number, number][] = [
    ['main', sizes.main, BUDGETS.main],
    ...Object.entries(sizes.subpackages).map(([root, bytes]): [string, number, number] => [
      root,
      bytes,
      BUDGETS.subpackage,
    ]),
    ['total', sizes.total, BUDGETS.total],
  ];
  const width = Math.max(...rows.map(([name]) => name.length), 'package'.length);
  const kb = (bytes: number): string => (bytes / KB).toFixed(1);
  const line = (cells: string[]): string =>
    [cells[0]!.padEnd(width), ...cells.slice(1).map((cell) => cell.padStart(10))].join('  ');
  return [
    line(['package', 'bytes', 'KB', 'budget KB', 'used']),
    ...rows.map(([name, bytes, budget]) =>
      line([name, String(bytes), kb(bytes), kb(budget), `${((bytes / budget) * 100).toFixed(1)}%`]),
    ),
  ].join('\n');
}
