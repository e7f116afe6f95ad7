import fs from 'node:fs';
import path from 'node:path';

/** Every file under `dir` as a sorted list of POSIX paths relative to it (sorted so output order never varies). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    const entries = fs.readdirSync(path.join(dir, rel), { withFileTypes: true });
    for (const entry of entries) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.isFile()) out.push(child);
    }
  };
  if (fs.existsSync(dir)) walk('');
  return out.sort();
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

export function writeFileMkdir(file: string, data: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
}

/** Writes only when the content differs, so watch mode does not make DevTools recompile untouched files. */
export function writeIfChanged(file: string, data: string | Buffer): boolean {
  const next = typeof data === 'string' ? Buffer.from(data) : data;
  if (isFile(file) && fs.readFileSync(file).equals(next)) return false;
  writeFileMkdir(file, next);
  return true;
}

/** Removes empty directories under `dir` (left behind when watch mode drops files). */
export function pruneEmptyDirs(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    const child = path.join(dir, entry.name);
    pruneEmptyDirs(child);
    if (fs.readdirSync(child).length === 0) fs.rmdirSync(child);
  }
}
