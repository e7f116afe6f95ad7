// The text a PDF reader finds in a document (pdf.js, in a child process: see pdf-text.mjs).
import { execFile } from 'node:child_process';
import { join } from 'node:path';

export function pdfText(pdf: Buffer): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = execFile(process.execPath, [join(__dirname, 'pdf-text.mjs')], (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    );
    reader.stdin?.end(pdf);
  });
}
