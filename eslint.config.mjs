// Lint TS everywhere; mini program code must not reach wx network/storage/payment/location outside services.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const serviceOnly = [
  'request',
  'requestPayment',
  'setStorage',
  'setStorageSync',
  'getStorage',
  'getStorageSync',
  'removeStorage',
  'removeStorageSync',
  'clearStorage',
  'clearStorageSync',
  'getLocation',
  'login',
  // Titles go through services/page-title, which sets them only for the page on screen.
  'setNavigationBarTitle',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'dist/',
      'coverage/',
      'previews/',
      '.tmp/',
      'typings/api.d.ts',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['miniprogram/**/*.ts'],
    ignores: ['miniprogram/services/**'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...serviceOnly.map((property) => ({
          object: 'wx',
          property,
          message: 'Only miniprogram/services may call this.',
        })),
      ],
    },
  },
  {
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
);
