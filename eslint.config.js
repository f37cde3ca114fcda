import js from '@eslint/js';
import ts from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

export default ts.config(
  { ignores: ['dist/', 'dev-dist/', 'node_modules/', 'coverage/', 'bench/results/', 'bench/dist/', 'bench/app-dist/', '**/.scratch/', 'test-results/'] },
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
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['svelte', 'svelte/*', '*.svelte'], message: 'src/domain must not import Svelte.' },
          { group: ['dexie', 'dexie/*'], message: 'src/domain must not import Dexie (only src/db may).' },
          { group: ['**/db/**', '**/ui/**', '**/io/**', '**/devices/**', '**/cli/**'], message: 'src/domain imports only zod and itself.' },
          { group: ['node:*', 'fs', 'path'], message: 'src/domain must run in the browser too.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'indexedDB', 'location'],
    },
  },
  {
    // Only src/db touches IndexedDB.
    files: ['src/ui/**', 'src/io/**', 'src/devices/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['dexie', 'dexie/*'], message: 'Only src/db may import Dexie.' }] }],
    },
  },
);
