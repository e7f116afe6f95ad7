// Import rules for server/ and miniprogram/, checked by `npm run deps:check` (part of `npm test`).
//
// server/ in layers, top to bottom; a file may import its own layer and the layers below it, never one above:
//   top     server/app.ts, server/main.ts, server/serve.ts: composition root and entry points; may import anything
//   http    server/http/**: routes, handlers, auth, limits
//   domain  server/{accounts,catalog,content,coupons,insurance,jobs,orders,payments,policies,reminders,tickets}/**,
//           server/work.ts, server/context.ts; domains may import one another (but no cycles)
//   base    server/core/** (errors, ids, contract, idempotency), server/db/** (adapters, migrations, reset) and
//           server/wechat/** (clients for WeChat's servers)
// Any other file directly under server/ (now config.ts, metrics.ts: leaves importing nothing of ours) is in no layer:
// only the server-wide rules apply to it. Add it to one of the layer patterns below once its place is settled.
// Below everything: the mini program's pure code (miniprogram/domain/**, miniprogram/packages/*/domain/**: no wx) and
// typings/**. Nothing in miniprogram/ may import the server, and no module may take part in a cycle, `import type`
// included (tsPreCompilationDeps).
// Beside the server: simulator/** (the local WeChat, development and tests only). Only server/main.ts (development's
// entry point) imports it; it imports only server/wechat/** (the protocol's shared primitives and types).
const TOP = '^server/(app|main|serve)[.]ts$';
const HTTP = '^server/http/';
const DOMAIN =
  '^server/(accounts|catalog|content|coupons|insurance|jobs|orders|payments|policies|reminders|tickets)/|^server/(work|context)[.]ts$';
const CORE = '^server/core/';
const DB = '^server/db/';
const WECHAT = '^server/wechat/';
const SIMULATOR = '^simulator/';
const CONTRACT = '^server/core/contract[.]ts$';
const PURE_MINIPROGRAM = '^miniprogram/(domain|packages/[^/]+/domain)/';

/* global module */ // this file is CommonJS (ESLint lints .cjs files too)
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycle. Modules in server/ and miniprogram/ must form a DAG, `import type` included: move the shared ' +
        'piece down into a module both sides can import, or pass it in (Deps) instead of importing it.',
      from: { path: '^(server|miniprogram|simulator)/' },
      to: { circular: true },
    },
    {
      name: 'server-no-import-of-top',
      severity: 'error',
      comment:
        'Upward import: server/app.ts, main.ts and serve.ts are the composition root and entry points; only they ' +
        'import each other. Move what is needed out of them into the layer that uses it.',
      from: { path: '^server/', pathNot: TOP },
      to: { path: TOP },
    },
    {
      name: 'server-no-import-of-http',
      severity: 'error',
      comment:
        'Upward import: server/http/** (routes, handlers, auth, limits) may be imported only by server/http/** and ' +
        'the top files (app, main, serve). Domains, core and db know nothing of HTTP: move the shared type or ' +
        'function down into core or the domain.',
      from: { path: '^server/', pathNot: [TOP, HTTP] },
      to: { path: HTTP },
    },
    {
      name: 'server-base-no-import-of-domain',
      severity: 'error',
      comment:
        'Upward import: server/core/** and server/db/** are below the domains and must not import them (nor ' +
        'server/work.ts or server/context.ts). Move the piece down into core or db, or have the domain pass it in.',
      from: { path: [CORE, DB, WECHAT] },
      to: { path: DOMAIN },
    },
    {
      name: 'server-no-import-of-simulator',
      severity: 'error',
      comment:
        'The WeChat simulator is development and test tooling: of the server, only server/main.ts (development) ' +
        'starts it. Production code reaches WeChat through server/wechat/** with a configured base URL.',
      from: { path: '^server/', pathNot: '^server/main[.]ts$' },
      to: { path: SIMULATOR },
    },
    {
      name: 'simulator-only-wechat-primitives',
      severity: 'error',
      comment:
        "The simulator plays WeChat's side: of the server it may use only server/wechat/** (protocol primitives " +
        'and types), never domains, http, db or the composition root.',
      from: { path: SIMULATOR },
      to: { path: '^server/', pathNot: WECHAT },
    },
    {
      name: 'server-db-no-import-of-contract',
      severity: 'error',
      comment: 'server/db/** stores rows and knows nothing of the API contract (server/core/contract.ts).',
      from: { path: DB },
      to: { path: CONTRACT },
    },
    {
      name: 'server-only-pure-miniprogram',
      severity: 'error',
      comment:
        "The server may import only the mini program's pure code: miniprogram/domain/** and " +
        'miniprogram/packages/*/domain/** (no wx). Pages, components, services, api and the rest touch wx or the ' +
        'bundle: move the shared rule into a domain folder.',
      from: { path: '^server/' },
      to: { path: '^miniprogram/', pathNot: PURE_MINIPROGRAM },
    },
    {
      name: 'pure-miniprogram-stays-pure',
      severity: 'error',
      comment:
        'miniprogram/domain/** and miniprogram/packages/*/domain/** are pure (no wx) because the server runs them ' +
        'too: they may import only each other, typings/** and npm packages, never the rest of the mini program.',
      from: { path: PURE_MINIPROGRAM },
      to: { path: '^miniprogram/', pathNot: PURE_MINIPROGRAM },
    },
    {
      name: 'miniprogram-no-import-of-server',
      severity: 'error',
      comment:
        'The mini program bundle must never contain server, script or test code: nothing in miniprogram/ may ' +
        'import server/**, scripts/** or test/**. Shared rules live in miniprogram/domain/** and the server ' +
        'imports them from there.',
      from: { path: '^miniprogram/' },
      to: { path: '^(server|scripts|test)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    moduleSystems: ['cjs', 'es6'],
  },
};
