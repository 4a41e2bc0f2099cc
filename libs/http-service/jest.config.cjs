module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'http-service',
  rootDir: __dirname,
};
