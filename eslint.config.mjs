import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

export default tseslint.config(
  {
    ignores: [
      '**/dist/**',
      '**/generated/**',
      '.local/**',
      '**/coverage/**',
      // k6 scripts run in k6, not Node (its globals, its modules); results are past runs.
      'load-tests/scenarios/**',
      'load-tests/probes/**',
      'load-tests/results/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      // .ts must be listed or no-cycle never follows an import.
      'import-x/extensions': ['.ts', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read configuration through loadConfig.' },
      ],
    },
  },
  {
    files: [
      '**/*.test.ts',
      '**/test/**',
      '**/config.ts',
      '**/*.config.ts',
      'deploy/**',
      'libs/testing/**',
      'e2e/**',
      'load-tests/**',
    ],
    rules: { 'no-restricted-properties': 'off' },
  },
  {
    // End-to-end tests read whatever JSON the gateway answers, as a client app would.
    files: ['e2e/**'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
