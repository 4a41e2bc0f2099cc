import { isSupportedNode } from './node-version';

describe('isSupportedNode', () => {
  it.each([
    ['20.20.2', false],
    ['v22.11.0', false],
    ['22.12.0', true],
    ['v24.21.0', true],
    ['23.0.0', true],
  ])('%s -> %s', (version, expected) => {
    expect(isSupportedNode(version)).toBe(expected);
  });
});
