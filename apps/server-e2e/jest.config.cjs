// The e2e suite spawns the built servers (dist/apps/*/main.js) as child processes; two jest
// workers at most, as the machine has two cores and every server brings its own threads.
module.exports = {
  ...require('../../jest.preset.cjs'),
  displayName: 'server-e2e',
  rootDir: __dirname,
  maxWorkers: 2,
  testTimeout: 20_000,
  setupFilesAfterEnv: ['<rootDir>/src/harness/jest-setup.ts'],
};
