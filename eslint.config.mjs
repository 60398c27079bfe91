// ESLint for the whole tree: `npm run lint` (CI: .ci/run). Syntax-only typescript-eslint rules (no type
// information: `tsc --noEmit` is the type check), the Next.js rules, and import order (`npm run lint -- --fix`).
import './eslint-typescript6.mjs';

import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import { defineConfig, globalIgnores } from 'eslint/config';
import importX from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

export default defineConfig(
  globalIgnores([
    '.next/',
    '.next-test/',
    '.data/',
    '.scratch/',
    'node_modules/',
    'test-results/',
    'data-imports/',
    'drizzle/',
    'public/',
    'next-env.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  nextPlugin.configs['core-web-vitals'],
  {
    plugins: { 'import-x': importX },
    rules: {
      // A leading underscore marks a parameter or binding kept for its position or to omit it from a rest object.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
      // A `let` read by a closure before its one assignment (a server handler set once the server listens) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // The order the code is written in: side effects ('server-only'), node:, packages, '@/…', relative.
      'import-x/order': [
        'error',
        {
          groups: ['builtin', 'external', 'internal', ['parent', 'sibling', 'index']],
          pathGroups: [{ pattern: '@/**', group: 'internal' }],
          'newlines-between': 'never',
        },
      ],
      'import-x/first': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/newline-after-import': 'error',
    },
  },
);
