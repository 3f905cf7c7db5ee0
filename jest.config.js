module.exports = {
  projects: [
    '<rootDir>/libs/*/jest.config.js',
    '<rootDir>/services/*/jest.config.js',
    '<rootDir>/tools/*/jest.config.js',
    '<rootDir>/load-tests/jest.config.js',
    '<rootDir>/deploy/jest.config.js',
  ],
  // A global option: ignored inside projects, so it is repeated here for the root run.
  testTimeout: 30_000,
};
