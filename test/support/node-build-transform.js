// Page tests run the real server inside jsdom's global, where the Node builds of some packages (PGlite's, pdfkit's)
// go wrong; this rewrites them for jest:
// - `import('node:...')` needs --experimental-vm-modules in jest's CommonJS vm context: it becomes require(), through
//   a name taken at the top of the file because PGlite's Emscripten code declares a `require` of its own;
// - `typeof document` reads as undefined, so PGlite loads its WASM files from disk rather than over http, and pdfkit
//   resolves its own files from its path rather than from the page's URL;
// - `instanceof Uint8Array` accepts byte arrays of either realm: Node's Buffers (zlib's output in pdfkit) come from
//   outside jsdom's global, and pdfkit would otherwise write a compressed stream as text.
const { createHash } = require('crypto');

const DYNAMIC_IMPORT = /\bimport\((["'][\w:/]+["'])\)/g;
const TYPEOF_DOCUMENT = /\btypeof document\b/g;
const NO_DOCUMENT = 'typeof __noDocumentInNodeBuilds';
const INSTANCEOF_BYTES = /\binstanceof Uint8Array\b/g;
const ANY_REALM_BYTES = 'instanceof __anyRealmBytes';
const PREFIX =
  'const __jestRequire = require;\n' +
  "const __anyRealmBytes = { [Symbol.hasInstance]: (v) => ArrayBuffer.isView(v) && v[Symbol.toStringTag] === 'Uint8Array' };\n";

module.exports = {
  process(source) {
    return {
      code:
        PREFIX +
        source
          .replace(DYNAMIC_IMPORT, 'Promise.resolve().then(() => __jestRequire($1))')
          .replace(TYPEOF_DOCUMENT, NO_DOCUMENT)
          .replace(INSTANCEOF_BYTES, ANY_REALM_BYTES),
    };
  },
  getCacheKey(source, path) {
    return createHash('sha1')
      .update(PREFIX)
      .update(DYNAMIC_IMPORT.source)
      .update(TYPEOF_DOCUMENT.source)
      .update(NO_DOCUMENT)
      .update(INSTANCEOF_BYTES.source)
      .update(ANY_REALM_BYTES)
      .update(path)
      .update(source)
      .digest('hex');
  },
};
