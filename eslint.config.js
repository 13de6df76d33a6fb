// @ts-check
import astro from 'eslint-plugin-astro';
import drizzle from 'eslint-plugin-drizzle';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    ignores: [
      'dist/',
      'dist-*/',
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
    // Layers: pages, actions and components reach the database only through lib/server.
    files: ['src/pages/**', 'src/actions/**', 'src/components/**', 'src/layouts/**', 'src/middleware.ts'],
    ignores: ['src/components/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/*', '#db/*', '**/db/schema*'],
              message:
                'Pages, actions and components call src/lib/server functions; they never query the database.',
            },
          ],
        },
      ],
    },
  },
  {
    // Isomorphic helpers: no server code, so pages and islands can both use them.
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/server/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/lib/server/**', '**/lib/server'],
              message: 'src/lib is isomorphic: no server modules.',
            },
            {
              group: ['drizzle-orm', 'drizzle-orm/*', '@libsql/*'],
              message: 'src/lib is isomorphic: no database.',
            },
          ],
        },
      ],
    },
  },
  {
    // Learning is below certificates: progress never issues certificates (the caller composes).
    files: ['src/lib/server/learning/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/certificate/**', '**/server/completion*', '**/server/pdf/**'],
              message:
                'learning/ never imports certificate code: return what was completed and let the caller issue.',
            },
            {
              group: ['**/src/pages/**', '**/src/components/**', '**/src/actions/**', '**/src/layouts/**'],
              message: 'lib/server is below pages, actions and components.',
            },
          ],
        },
      ],
    },
  },
  {
    // Server modules never reach up into routes or components.
    files: ['src/lib/server/**/*.ts'],
    ignores: ['src/lib/server/learning/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/src/pages/**', '**/src/components/**', '**/src/actions/**', '**/src/layouts/**'],
              message: 'lib/server is below pages, actions and components.',
            },
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
