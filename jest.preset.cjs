// Shared jest settings: swc transpiles TypeScript (type checking is `npm run typecheck`),
// and `@mths/<lib>` resolves to the lib's source, as tsconfig.base.json paths say.
const path = require('node:path');

module.exports = {
  testEnvironment: 'node',
  testMatch: ['**/?(*.)+(spec|test).ts'],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(ts|js|mjs)$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
        module: { type: 'commonjs' },
      },
    ],
  },
  // chalk and @inquirer ship ESM only: let swc turn them into CommonJS for jest.
  transformIgnorePatterns: ['node_modules/(?!(chalk|@inquirer|ansi-escapes|yoctocolors-cjs|fast-wrap-ansi|mute-stream|wrap-ansi|strip-ansi|ansi-regex|string-width|emoji-regex|get-east-asian-width)/)'],
  moduleNameMapper: {
    '^@mths/([a-z-]+)$': path.join(__dirname, 'libs/$1/src/index.ts'),
  },
};
