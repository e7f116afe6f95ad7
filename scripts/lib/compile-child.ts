// Runs getCompiledResult in its own process (started by compile.ts): miniprogram-ci leaves a forked compiler
// process and worker handles alive after it returns, and logs freely; a process we exit ourselves contains both.
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';
import type { ICreateProjectOptions } from 'miniprogram-ci/dist/@types/project/ciProject';
import type { CompiledFile, CompileChildResult } from './compile';

async function compile(projectPath: string): Promise<CompileChildResult> {
  const config = JSON.parse(fs.readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as {
    appid?: string;
  };
  // Offline compilation never uses the key, but a Project needs one: a throwaway made now, never written anywhere.
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
  });
  const options: ICreateProjectOptions & { attr: () => Promise<unknown> } = {
    projectPath,
    type: 'miniProgram',
    appid: config.appid ?? 'touristappid',
    privateKey,
    // Project attributes normally come from WeChat's servers; the defaults make the compile fully offline.
    attr: async () => ci.DefaultProjectAttr,
  };
  try {
    const result = await ci.getCompiledResult({
      project: new ci.Project(options),
      version: '0.0.0',
      setting: { useProjectConfig: true, minifyWXSS: true },
      onProgressUpdate: () => undefined,
    });
    const files: CompiledFile[] = Object.keys(result)
      .sort()
      .map((file) => {
        const content = result[file] ?? '';
        return {
          path: file,
          bytes: typeof content === 'string' ? Buffer.byteLength(content) : content.length,
        };
      });
    return { files };
  } catch (error) {
    const e = error as { message?: string; code?: number };
    return { error: `${e.code ? `code ${e.code}: ` : ''}${e.message ?? String(error)}` };
  }
}

const [projectPath, resultFile] = process.argv.slice(2);
if (!projectPath || !resultFile) {
  console.error('usage: compile-child <projectPath> <resultFile>');
  process.exit(2);
}
compile(projectPath).then(
  (result) => {
    fs.writeFileSync(resultFile, JSON.stringify(result));
    process.exit(0);
  },
  (error: unknown) => {
    fs.writeFileSync(resultFile, JSON.stringify({ error: String(error) }));
    process.exit(0);
  },
);
