// The whole system through the gateway. Run on its own and in band (see deploy/bin/test.sh):
// each test file boots all five services, which share the real topic names and consumer groups.
module.exports = {
  ...require('../jest.preset.js'),
  displayName: 'e2e',
  testTimeout: 120_000,
};
