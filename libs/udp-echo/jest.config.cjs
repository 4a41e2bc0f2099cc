module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'udp-echo',
  rootDir: __dirname,
};
