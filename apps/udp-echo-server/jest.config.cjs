module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'udp-echo-server',
  rootDir: __dirname,
};
