import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const DEXIE = { group: ['dexie', 'dexie/*'], message: 'Only src/db may import Dexie.' };
const NO_UI = {
  group: ['**/ui/**'],
  message: 'src/db, src/io and src/devices never import src/ui: the screens depend on them.',
};
// A component never imports src/db or src/devices, not even a type: a row's type reaches it re-exported by the
// service that loads the row, so the row's shape can change behind the service (decision 0036).
const COMPONENT = {
  group: ['**/db/**', '**/devices/**'],
  message: 'A component renders: it reaches src/db and src/devices through src/ui/services or a state class.',
};
const restrict = (...patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });

export default ts.config(
  {
    ignores: [
      'dist/',
      'dev-dist/',
      'node_modules/',
      'coverage/',
      'bench/results/',
      'bench/dist/',
      'bench/app-dist/',
      '**/.scratch/',
      'test-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // TypeScript already reports undefined names, with the project's declarations in view.
      'no-undef': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'], svelteConfig } },
  },
  {
    // The domain runs unchanged in Node and the browser: no UI, storage or DOM.
    files: ['src/domain/**'],
    languageOptions: { globals: { ...globals['shared-node-browser'] } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/domain must not import Svelte.' },
            { group: ['dexie', 'dexie/*'], message: 'src/domain must not import Dexie (only src/db may).' },
            {
              group: ['**/db/**', '**/ui/**', '**/io/**', '**/devices/**', '**/cli/**'],
              message: 'src/domain imports only zod and itself.',
            },
            { group: ['node:*', 'fs', 'path'], message: 'src/domain must run in the browser too.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'location'],
    },
  },
  // Layers (docs/ARCHITECTURE.md): ui → db, io, devices → domain; only src/db touches IndexedDB.
  { files: ['src/ui/**', 'src/cli/**'], rules: restrict(DEXIE) },
  {
    files: ['src/ui/**/*.svelte'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [COMPONENT] }] },
  },
  {
    files: ['src/io/**'],
    rules: restrict(DEXIE, NO_UI, {
      group: ['**/db/**'],
      message: 'src/io never imports src/db: a service passes the rows in.',
    }),
  },
  { files: ['src/devices/**'], rules: restrict(DEXIE, NO_UI) },
  {
    files: ['src/db/**'],
    rules: restrict(NO_UI, {
      group: ['**/io/**'],
      message: 'src/db never imports src/io: a service passes the files in.',
    }),
  },
);
