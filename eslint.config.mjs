// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));

/**
 * Where code may run is enforced here, not by review:
 * - electron/core, shared: plain Node — never `electron`, so the CLI, tests and benchmarks run it.
 * - renderer: the browser — no Node built-ins, no core code, only the shared contract.
 * - electron/shell: the Electron shell — never the development HTTP bridge.
 */
export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test/artifacts/**',
      'resources/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  ...tseslint.configs.stylisticTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-definitions': 'off',
      // Arrow shorthands that return void calls are idiomatic in handlers; this rule only adds braces.
      '@typescript-eslint/no-confusing-void-expression': 'off',
      // With noUncheckedIndexedAccess, `as number` on a typed-array read in a hot loop says what we
      // know; the `!` this rule wants is itself forbidden by no-non-null-assertion.
      '@typescript-eslint/non-nullable-type-assertion-style': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.cjs', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { ...globals.node, ...globals.commonjs },
    },
    rules: {
      ...tseslint.configs.disableTypeChecked.rules,
      '@typescript-eslint/no-require-imports': 'off',
    },
  },
  {
    files: ['electron/core/**/*.ts', 'shared/**/*.ts', 'electron/dev/**/*.ts', 'test/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'Plain-Node code must not import electron: only electron/shell may.',
            },
          ],
          patterns: [
            {
              group: ['**/shell/**'],
              message: 'Plain-Node code must not depend on the Electron shell.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'shared/ runs in the renderer too.' },
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs in the renderer too.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'shared/ runs in the renderer too.' },
            { group: ['**/electron/**'], message: 'shared/ must not depend on main-process code.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shell/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/core/bridge/**', '**/dev/**'],
              message: 'The HTTP bridge is for development only: it never ships in the app.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              message: 'The renderer reaches the core through the API contract only.',
            },
            ...nodeBuiltins.map((name) => ({
              name,
              message: 'The renderer runs in a sandboxed browser: no Node built-ins.',
            })),
          ],
          patterns: [
            {
              group: ['node:*'],
              message: 'The renderer runs in a sandboxed browser: no Node built-ins.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer reaches the core through the API contract only.',
            },
          ],
        },
      ],
    },
  },
);
