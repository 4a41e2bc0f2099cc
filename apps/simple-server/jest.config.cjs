module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'simple-server',
  rootDir: __dirname,
};
