// A throwaway PostgreSQL cluster for one test run: initdb into a temp folder, listening on a unix socket in that
// folder only, so the port cannot clash with anything and nothing outside can connect. PostgreSQL refuses to run
// as root: then the folder belongs to, and the server runs as, the `postgres` user.
import { execFileSync, spawn } from 'child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import os from 'os';
import path from 'path';

export interface Cluster {
  dir: string;
  bin: string;
  url: string;
  /** The process that removes the cluster if this one dies without its teardown. */
  watchdog: number | undefined;
}

const INSTALLS = '/usr/lib/postgresql';
// The socket lives in the cluster's own folder, so the default port is free there.
const PORT = 5432;

/** The bin folder of the highest installed PostgreSQL version, if any. */
export function findPostgresBin(): string | undefined {
  if (!existsSync(INSTALLS)) return undefined;
  const version = readdirSync(INSTALLS)
    .filter((name) => existsSync(path.join(INSTALLS, name, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  return version === undefined ? undefined : path.join(INSTALLS, version, 'bin');
}

const asRoot = (): boolean => process.getuid?.() === 0;

function commandLine(bin: string, command: string, args: string[]): [string, ...string[]] {
  const program = path.join(bin, command);
  return asRoot() ? ['runuser', '-u', 'postgres', '--', program, ...args] : [program, ...args];
}

function run(bin: string, command: string, args: string[]): void {
  const [file, ...rest] = commandLine(bin, command, args);
  execFileSync(file, rest, { stdio: 'pipe' });
}

function idOf(flag: '-u' | '-g'): number {
  return Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
}

const quote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** A detached shell that waits for this process to end, then stops and deletes the cluster. */
function startWatchdog(bin: string, dir: string): number | undefined {
  const stop = commandLine(bin, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', 'stop']);
  const script = [
    `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
    `${stop.map(quote).join(' ')} >/dev/null 2>&1`,
    `rm -rf ${quote(dir)}`,
  ].join('; ');
  const watchdog = spawn('/bin/sh', ['-c', script], { detached: true, stdio: 'ignore' });
  watchdog.unref();
  return watchdog.pid;
}

/** `durable`: fsync on, as a real server runs (benchmarks); tests run without it. */
export function startCluster(bin: string, durable = false): Cluster {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wayfarer-pg-'));
  // Jest killed mid-run (a timeout, ^C) runs no teardown: without this the server would outlive it.
  const watchdog = startWatchdog(bin, dir);
  if (asRoot()) chownSync(dir, idOf('-u'), idOf('-g'));
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'log');
  const settings = `-p ${PORT} -k ${dir} -c listen_addresses='' ${durable ? '' : '-c fsync=off '}-c max_connections=200`;
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync']);
    run(bin, 'pg_ctl', ['-D', data, '-l', log, '-w', '-o', settings, 'start']);
  } catch (error) {
    const output = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (watchdog !== undefined) process.kill(watchdog);
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`Could not start PostgreSQL from ${bin}: ${(error as Error).message}\n${output}`);
  }
  return {
    dir,
    bin,
    url: `postgres://postgres@localhost/postgres?host=${encodeURIComponent(dir)}&port=${PORT}`,
    watchdog,
  };
}

export function stopCluster(cluster: Cluster): void {
  if (cluster.watchdog !== undefined) process.kill(cluster.watchdog);
  run(cluster.bin, 'pg_ctl', ['-D', path.join(cluster.dir, 'data'), '-m', 'immediate', 'stop']);
  rmSync(cluster.dir, { recursive: true, force: true });
}
