module.exports = {
  ...require('../jest.preset.js'),
  displayName: require('./package.json').name,
  // k6 scripts are not jest tests, and results/ holds past runs.
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/results/', '<rootDir>/scenarios/'],
};
