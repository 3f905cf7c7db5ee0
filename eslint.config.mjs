import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';

const services = ['gateway', 'queue', 'concert', 'reservation', 'wallet'];

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
      // Each service is its own bounded context: it reaches another only through the contracts
      // (HTTP and Kafka), and the libraries serve every service without knowing any.
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...services.map((service) => ({
              target: `./services/${service}`,
              from: './services',
              except: [`./${service}`],
              message:
                'A service imports no other service: share contracts through libs/contracts.',
            })),
            {
              target: './libs',
              from: './services',
              message: 'A library serves every service and imports none of them.',
            },
          ],
        },
      ],
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^@headliner/[^/]+/(src|dist)(/|$)',
              message: 'Import a package through its exports, not its internals.',
            },
          ],
        },
      ],
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
      'tools/**',
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
