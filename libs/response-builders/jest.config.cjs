module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'response-builders',
  rootDir: __dirname,
};
