module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'udp-echo-client',
  rootDir: __dirname,
};
