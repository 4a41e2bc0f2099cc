module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'http-parser',
  rootDir: __dirname,
};
