// Jest runs CommonJS in a vm context where `import()` needs --experimental-vm-modules. PGlite's CommonJS build
// imports Node built-ins that way (fs/promises, node:module, zlib...): turn those into require(), through a name
// taken at the top of the file because PGlite's Emscripten code declares a `require` of its own. Page tests run in
// jsdom, whose `document` would make PGlite look for its WASM files over http: it is told there is no document.
const { createHash } = require('crypto');

const DYNAMIC_IMPORT = /\bimport\((["'][\w:/]+["'])\)/g;
const TYPEOF_DOCUMENT = /\btypeof document\b/g;
const PREFIX = 'const __jestRequire = require;\n';

module.exports = {
  process(source) {
    return {
      code:
        PREFIX +
        source
          .replace(DYNAMIC_IMPORT, 'Promise.resolve().then(() => __jestRequire($1))')
          .replace(TYPEOF_DOCUMENT, 'typeof __noDocumentForPglite'),
    };
  },
  getCacheKey(source, path) {
    return createHash('sha1')
      .update(PREFIX)
      .update(DYNAMIC_IMPORT.source)
      .update(TYPEOF_DOCUMENT.source)
      .update(path)
      .update(source)
      .digest('hex');
  },
};
