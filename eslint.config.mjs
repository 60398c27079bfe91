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
  // PENDING (issue 13, for the lead after merging): these files were being edited on other branches, so their
  // findings are warnings here, not errors. `npx eslint --fix` sorts the imports; by hand: remove the unused
  // `TableRow` import (lib/import/sources/bra-lagesbild.ts) and `ObservationInput` (lib/seed/seed.ts), split the
  // comma expression in rng() (lib/seed/example-data.ts) into two statements, and mark the two inline-SVG <img>
  // (app/lagesbild/page.tsx, app/uppfoljning/[year]/rapport/page.tsx) with `// eslint-disable-next-line
  // @next/next/no-img-element -- an SVG data URL, which next/image does not optimise`. Then delete these three
  // blocks and make CI and `npm run lint` run `eslint . --max-warnings 0`.
  {
    files: [
      'app/_components/indicator-card.tsx',
      'app/admin/anvandare/actions.ts',
      'app/import/historik/[[]id]/page.tsx',
      'app/mal/[[]code]/page.tsx',
      'app/oversikt/[[]plan]/page.tsx',
      'app/uppfoljning/[[]year]/page.tsx',
      'app/uppfoljning/[[]year]/rapport/page.tsx',
      'app/uppfoljning/[[]year]/report.ts',
      'lib/import/commit.ts',
    ],
    rules: { 'import-x/order': 'warn' },
  },
  { files: ['lib/import/sources/bra-lagesbild.ts', 'lib/seed/seed.ts'], rules: { '@typescript-eslint/no-unused-vars': 'warn' } },
  { files: ['lib/seed/example-data.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'warn' } },
);
