// Property: any valid message, or pipelined sequence, gives the same result however its
// bytes are split across execute() calls, down to one byte per call.

import fc from 'fast-check';
import { collect, splitAt } from './index';
import { requestScenario, responseScenario, splitOffsets, type Scenario } from './testing/arbitraries';
import { summarize } from './testing/spec-helpers';

function parsed(kind: 'request' | 'response', scenario: Scenario, pieces: Buffer[]) {
  const result = collect(kind, pieces, { expect: scenario.expect, finish: scenario.finish });
  return { error: result.error?.code ?? null, messages: summarize(result) };
}

describe.each([
  ['request', requestScenario],
  ['response', responseScenario],
] as const)('%s', (kind, scenario) => {
  test('parsed whole, it reports exactly the generated messages', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(parsed(kind, s, [s.bytes])).toEqual({ error: null, messages: s.expected });
      }),
      { numRuns: 300 },
    );
  });

  test('split at random points, it reports the same as whole', () => {
    fc.assert(
      fc.property(scenario, splitOffsets, (s, offsets) => {
        expect(parsed(kind, s, splitAt(s.bytes, offsets))).toEqual({ error: null, messages: s.expected });
      }),
      { numRuns: 300 },
    );
  });

  test('fed one byte per call, it reports the same as whole', () => {
    fc.assert(
      fc.property(scenario, (s) => {
        expect(parsed(kind, s, splitAt(s.bytes, [...s.bytes.keys()]))).toEqual({ error: null, messages: s.expected });
      }),
      { numRuns: 100 },
    );
  });
});
