// ESLint: the recommended JavaScript and TypeScript rules; tsc --noEmit checks types separately.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/', 'build/', 'node_modules/', 'var/', 'test/e2e/generated/', '.tap/', 'src/db/schema.generated.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      // Kysely<any> is how migrations must be typed (they never import src/)
      '@typescript-eslint/no-explicit-any': ['error', { ignoreRestArgs: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: [
      'migrations/**',
      'src/db/migrate.ts',
      'src/db/database.ts',
      'src/bin/migrate.ts',
      'src/bin/build-template.ts',
      'scripts/**',
      'test/**',
    ],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['scripts/**/*.mjs'],
    languageOptions: {
      globals: {
        console: 'readonly',
        process: 'readonly',
        URL: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        performance: 'readonly',
        WebSocket: 'readonly',
      },
    },
  },
);
