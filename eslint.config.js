// @ts-check
import astro from 'eslint-plugin-astro';
import drizzle from 'eslint-plugin-drizzle';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      '.astro/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'db/migrations/',
      'public/',
    ],
  },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['orm', 'tx', 'db'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['orm', 'tx', 'db'] }],
    },
  },
  {
    // React islands ship to the browser: no server code, no database.
    files: ['src/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/server/**', '**/lib/server'],
              message: 'Browser code must not import server modules.',
            },
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/client', '@libsql/*'],
              message: 'Browser code must not touch the database.',
            },
            { group: ['astro:env/server'], message: 'Secrets stay on the server.' },
          ],
        },
      ],
    },
  },
  {
    // Astro's documented way to type App.Locals is import() types in a global declaration.
    files: ['src/env.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  ...astro.configs.recommended,
  {
    files: ['**/*.astro', '**/*.astro/*.ts', '*.astro/*.ts'],
    ...tseslint.configs.disableTypeChecked,
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    ...tseslint.configs.disableTypeChecked,
  },
);
