// `npm start`: build dist/, start the server in development mode (server/main.ts) on PORT (default 3000), watch the sources, and
// explain how to open the project in WeChat DevTools. Ctrl-C stops everything.
// `npm start -- --lan` (or --host 0.0.0.0): listen on every interface and build for this machine's LAN address, for
// previews on a phone; --public-url http://<address>:<port> names the address when the machine has several.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { buildBundle } from './lib/bundle';
import { tsxCli } from './lib/compile';
import { developAddress, StartArgsError, type DevelopAddress } from './lib/develop-address';
import { repoRoot } from './lib/paths';
import { startWatch } from './lib/watch';

const port = process.env.PORT || '3000';
const devApiEntry = path.join(repoRoot, 'server', 'main.ts');

function startApiServer(address: DevelopAddress): ChildProcess | undefined {
  if (!fs.existsSync(devApiEntry)) {
    console.warn('server/main.ts does not exist: continuing without the server');
    return undefined;
  }
  const child = spawn(process.execPath, [tsxCli, devApiEntry], {
    cwd: repoRoot,
    env: { ...process.env, PORT: port, HOST: address.host, PUBLIC_ORIGIN: address.origin },
    stdio: 'inherit',
  });
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`server exited (${signal ?? `code ${code}`}); the watcher keeps running`);
  });
  return child;
}

function instructions(address: DevelopAddress): string {
  const apiUrl = address.origin;
  const lines = [
    '',
    `Server:    ${apiUrl}/v1  (development mode: embedded database in .data/, dev-only endpoints under ${apiUrl}/dev/)`,
    'Bundle:    dist/ (rebuilt on every change)',
    '',
    'Open it in WeChat DevTools:',
    `  1. Import project -> directory: ${repoRoot}`,
    '     (the repository root; project.config.json points DevTools at dist/).',
    '  2. AppID: your own, or "Test account"; the placeholder "touristappid" opens it in tourist mode.',
    '  3. Details -> Local settings -> tick "Do not verify valid domain names, web-view (business domain names),',
    '     TLS versions and HTTPS certificates" (不校验合法域名…). project.config.json already sets urlCheck: false;',
    '     this is for develop only: trial and release builds call the https domains in miniprogram/config/env.ts.',
    `  4. The develop build calls ${apiUrl}.`,
  ];
  if (address.host !== '127.0.0.1') {
    lines.push(
      '',
      `Listening on ${address.host}: a phone on the same Wi-Fi previewing the develop build reaches ${apiUrl}`,
      '(anyone on that network can reach this development server and its /dev/ endpoints).',
    );
  }
  if (address.otherAddresses.length) {
    lines.push(
      `This machine has other addresses (${address.otherAddresses.join(', ')}): pick one with --public-url.`,
    );
  }
  lines.push('', 'Ctrl-C stops everything.');
  return lines.join('\n');
}

let stopping = false;

function main(): void {
  let address: DevelopAddress;
  try {
    address = developAddress(process.argv.slice(2), Number(port));
  } catch (error) {
    if (!(error instanceof StartArgsError)) throw error;
    console.error(`start: ${error.message}`);
    process.exit(2);
  }
  try {
    const result = buildBundle({ developApiUrl: address.origin });
    console.log(`built dist/: ${result.files.length} files`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
  const devApi = startApiServer(address);
  const stopWatch = startWatch({ developApiUrl: address.origin });
  console.log(instructions(address));
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    stopWatch();
    if (devApi && devApi.exitCode === null) {
      devApi.once('exit', () => process.exit(0));
      devApi.kill('SIGTERM');
      setTimeout(() => process.exit(0), 3000).unref();
    } else {
      process.exit(0);
    }
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
