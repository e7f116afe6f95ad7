import path from 'node:path';
import ts from 'typescript';
import { repoRoot } from './paths';

/** What we force on top of miniprogram/tsconfig.json: plain CommonJS files in outDir, nothing else. */
function emitOverrides(outDir: string): ts.CompilerOptions {
  return {
    outDir,
    noEmit: false,
    noEmitOnError: true,
    sourceMap: false,
    inlineSourceMap: false,
    inlineSources: false,
    declaration: false,
    declarationMap: false,
    removeComments: true,
    incremental: false,
    composite: false,
    tsBuildInfoFile: undefined,
  };
}

/** `file:line:col - error TSnnnn: message`, paths relative to the repo so editors and CI logs link them. */
export function formatDiagnostic(d: ts.Diagnostic): string {
  const message = ts.flattenDiagnosticMessageText(d.messageText, '\n');
  const kind = ts.DiagnosticCategory[d.category].toLowerCase();
  if (!d.file || d.start === undefined) return `${kind} TS${d.code}: ${message}`;
  const { line, character } = d.file.getLineAndCharacterOfPosition(d.start);
  const file = path.relative(repoRoot, d.file.fileName);
  return `${file}:${line + 1}:${character + 1} - ${kind} TS${d.code}: ${message}`;
}

export class TypeScriptError extends Error {
  constructor(readonly diagnostics: string[]) {
    super(`TypeScript failed:\n${diagnostics.join('\n')}`);
  }
}

function parseConfig(configPath: string, outDir: string): ts.ParsedCommandLine {
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new TypeScriptError([formatDiagnostic(d)]);
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, emitOverrides(outDir), host);
  if (!parsed) throw new TypeScriptError([`${configPath}: cannot read`]);
  if (parsed.errors.length) throw new TypeScriptError(parsed.errors.map(formatDiagnostic));
  return parsed;
}

export type WriteFile = (fileName: string, text: string) => void;

/** Type-checks and emits the whole project once; throws TypeScriptError listing every error as file:line. */
export function compileProject(configPath: string, outDir: string, writeFile: WriteFile): void {
  const parsed = parseConfig(configPath, outDir);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.category === ts.DiagnosticCategory.Error)
    .map(formatDiagnostic);
  if (errors.length) throw new TypeScriptError(errors);
  const result = program.emit(undefined, (fileName, text) => writeFile(fileName, text));
  const emitErrors = result.diagnostics.map(formatDiagnostic);
  if (emitErrors.length || result.emitSkipped) throw new TypeScriptError(emitErrors);
}

export interface WatchCallbacks {
  writeFile: WriteFile;
  /** Called when TypeScript notices a change and starts a round. */
  onRoundStart: () => void;
  /** Called after each type-check and emit round with the errors it found (empty when clean). */
  onRound: (errors: string[]) => void;
}

/** TypeScript's own incremental watcher: only files affected by a change are re-checked and re-emitted. */
export function watchProject(configPath: string, outDir: string, callbacks: WatchCallbacks): () => void {
  const system: ts.System = { ...ts.sys, writeFile: (fileName, text) => callbacks.writeFile(fileName, text) };
  const host = ts.createWatchCompilerHost(
    configPath,
    emitOverrides(outDir),
    system,
    ts.createEmitAndSemanticDiagnosticsBuilderProgram,
    (d) => {
      if (d.category === ts.DiagnosticCategory.Error) callbacks.onRound([formatDiagnostic(d)]);
    },
    // 6032: "File change detected. Starting incremental compilation..."
    (status) => {
      if (status.code === 6032) callbacks.onRoundStart();
    },
  );
  host.afterProgramCreate = (builder) => {
    const diagnostics = [...builder.getConfigFileParsingDiagnostics(), ...builder.getSyntacticDiagnostics()];
    diagnostics.push(...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics());
    const errors = diagnostics
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map(formatDiagnostic);
    if (errors.length === 0) builder.emit(undefined, (fileName, text) => callbacks.writeFile(fileName, text));
    callbacks.onRound(errors);
  };
  const watch = ts.createWatchProgram(host);
  return () => watch.close();
}
