module.exports = {
  ...require('../../jest.preset.js'),
  displayName: require('./package.json').name,
  globalSetup: '<rootDir>/test/support/time-zone.ts',
};
