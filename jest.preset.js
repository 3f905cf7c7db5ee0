// Shared by every package's jest.config.js: TypeScript through swc, workspace packages from source.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  transform: {
    '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' }, module: { type: 'commonjs' } }],
  },
  moduleNameMapper: {
    // Generated Prisma clients import their siblings as './x.js' (node16 style) from .ts files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    '^@headliner/contracts$': path.join(__dirname, 'libs/contracts/src/index.ts'),
    '^@headliner/platform$': path.join(__dirname, 'libs/platform/src/index.ts'),
    '^@headliner/testing$': path.join(__dirname, 'libs/testing/src/index.ts'),
    '^@headliner/system$': path.join(__dirname, 'tools/system/src/index.ts'),
    '^@headliner/trace$': path.join(__dirname, 'tools/trace/src/index.ts'),
    '^@headliner/platform/(config|telemetry|database)$': path.join(
      __dirname,
      'libs/platform/src/$1/index.ts',
    ),
  },
  setupFiles: [path.join(__dirname, 'deploy/test/load-infra-env.js')],
  testTimeout: 30000,
};
