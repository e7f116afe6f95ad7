// Prints the text of the PDF on stdin as pdf.js (Firefox's PDF reader) finds it, a line per text line. Run as a
// process of its own: pdf.js is an ES module, which jest's CommonJS runtime cannot import.
import { buffer } from 'node:stream/consumers';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const pdf = await getDocument({ data: new Uint8Array(await buffer(process.stdin)), verbosity: 0 }).promise;
for (let n = 1; n <= pdf.numPages; n++) {
  const { items } = await (await pdf.getPage(n)).getTextContent();
  process.stdout.write(items.map((item) => item.str + (item.hasEOL ? '\n' : '')).join('') + '\n');
}
