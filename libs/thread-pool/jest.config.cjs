module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'thread-pool',
  rootDir: __dirname,
};
