/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  // Page tests run in jsdom but start the dev API in-process: resolve packages as Node does, not as a browser.
  testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform: {
    // tsconfig's isolatedModules makes ts-jest transpile only; `npm run typecheck` checks the types once.
    '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
    '/@electric-sql/pglite/dist/.+\\.cjs$|/pdfkit/js/pdfkit\\.js$':
      '<rootDir>/test/support/node-build-transform.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@electric-sql/pglite/|pdfkit/)'],
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  // PostgreSQL for the database tests: TEST_DATABASE_URL, or a throwaway local cluster, or those tests skip.
  globalSetup: '<rootDir>/test/support/pg-global-setup.ts',
  globalTeardown: '<rootDir>/test/support/pg-global-teardown.ts',
  // Two workers on two cores: most of a server test's time is the embedded database starting, and another file's
  // work fits beside it (jest's default on two cores is one, in band).
  maxWorkers: 2,
  // A bound, not a wait: a page test's beforeAll starts the server (WASM PostgreSQL, migrations, the demo
  // destination), which took over 20 s beside the soak on a loaded 2-core machine.
  testTimeout: 60000,
};
