import fs from 'node:fs';
import path from 'node:path';
import { applyBrand, BrandError } from './brand';
import { emittedFileWriter, generatedModules, sourceAction } from './bundle';
import { currentBuildInfo } from './build-info';
import { writeIfChanged } from './files';
import { syncNpmFiles } from './npm-pack';
import { distDir, srcDir } from './paths';
import { watchProject } from './typescript';

export interface WatchOptions {
  srcDir?: string;
  outDir?: string;
  log?: (line: string) => void;
  /** As buildBundle's: the rebuilt files keep the address the bundle was built for. */
  developApiUrl?: string;
}

function clock(): string {
  return new Date().toTimeString().slice(0, 8);
}

function summary(files: string[]): string {
  return files.length <= 3
    ? files.join(', ')
    : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
}

/**
 * Incremental rebuilds of an already built bundle: TypeScript's watcher re-checks and re-emits what a .ts change
 * affects; other files are copied or removed one by one; miniprogram_npm is re-synced whenever usingComponents or
 * requires may have changed. One line per rebuild. Returns a function that stops watching.
 */
export function startWatch(options: WatchOptions = {}): () => void {
  const src = options.srcDir ?? srcDir;
  const outDir = options.outDir ?? distDir;
  const log = options.log ?? ((line: string) => console.log(line));
  const brandDir = path.join(src, 'brand');
  const generated = generatedModules(currentBuildInfo(), options.developApiUrl);
  const write = emittedFileWriter(outDir, generated, brandDir);

  const finish = (started: number, changed: string[], syncNpm: boolean): void => {
    try {
      if (syncNpm) changed.push(...syncNpmFiles(outDir).changed);
      const what = changed.length ? summary(changed) : 'no output changed';
      log(`[watch ${clock()}] rebuilt in ${Date.now() - started} ms: ${what}`);
    } catch (error) {
      log(`[watch ${clock()}] ${(error as Error).message}`);
    }
  };

  let round: { started: number; changed: string[] } = { started: Date.now(), changed: [] };
  let hadErrors = false;
  const stopTs = watchProject(path.join(src, 'tsconfig.json'), outDir, {
    writeFile: (fileName, text) => {
      try {
        const rel = write(fileName, text);
        if (rel) round.changed.push(rel);
      } catch (error) {
        // A broken brand file: say what is wrong and keep watching (the last good brand stays in dist/).
        if (!(error instanceof BrandError)) throw error;
        log(`[watch ${clock()}] ${error.message}`);
      }
    },
    onRoundStart: () => {
      round = { started: Date.now(), changed: [] };
    },
    onRound: (errors) => {
      // Rounds that change nothing (the first one after a build, a reverted edit) stay quiet.
      if (errors.length)
        log(`[watch ${clock()}] TypeScript errors, dist/ not updated:\n${errors.join('\n')}`);
      else if (round.changed.length || hadErrors) finish(round.started, round.changed, true);
      hadErrors = errors.length > 0;
    },
  });

  // fs.watch fires several events per save; collect them briefly and rebuild once.
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = (): void => {
    const started = Date.now();
    const changed: string[] = [];
    let syncNpm = false;
    // The build writes the brand into these; a change to any of them re-applies it after the copy below.
    const rebrand = [...pending].some(
      (rel) => rel.startsWith('brand/') || /^(app\.json|theme\.json|app\.wxss)$/.test(rel),
    );
    for (const rel of [...pending].sort()) {
      const action = sourceAction(rel);
      const from = path.join(src, rel);
      const exists = fs.existsSync(from) && fs.statSync(from).isFile();
      if (action === 'copy') {
        const to = path.join(outDir, rel);
        if (exists && writeIfChanged(to, fs.readFileSync(from))) changed.push(rel);
        if (!exists && fs.existsSync(to)) {
          fs.rmSync(to);
          changed.push(rel);
        }
        syncNpm ||= rel.endsWith('.json') || rel.endsWith('.wxml') || rel.endsWith('.wxss');
      } else if (action === 'compile' && !exists) {
        // TypeScript's watcher does not delete outputs of removed sources.
        const js = path.join(outDir, rel.replace(/\.ts$/, '.js'));
        if (fs.existsSync(js)) {
          fs.rmSync(js);
          changed.push(rel.replace(/\.ts$/, '.js'));
          syncNpm = true;
        }
      }
    }
    pending.clear();
    if (rebrand) {
      try {
        applyBrand(outDir, brandDir, src);
        changed.push('brand');
      } catch (error) {
        if (!(error instanceof BrandError)) throw error;
        log(`[watch ${clock()}] ${error.message}`);
      }
    }
    if (changed.length) finish(started, changed, syncNpm);
  };
  const watcher = fs.watch(src, { recursive: true }, (_event, filename) => {
    if (!filename) return;
    pending.add(filename.split(path.sep).join('/'));
    clearTimeout(timer);
    timer = setTimeout(flush, 60);
  });

  log(`[watch ${clock()}] watching ${path.relative(process.cwd(), src) || '.'}/ (Ctrl-C stops)`);
  return () => {
    clearTimeout(timer);
    watcher.close();
    stopTs();
  };
}
