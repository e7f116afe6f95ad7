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
  },
  setupFiles: ['<rootDir>/test/support/setup.ts'],
  testTimeout: 20000,
};
