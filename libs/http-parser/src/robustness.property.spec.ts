// Property: on arbitrary bytes (random, or valid messages with mutations) the parser never
// throws, always terminates, keeps its callback order, returns only null or an
// HttpParseError, and reports the same whether fed whole or in pieces.

import fc from 'fast-check';
import { collect, HttpParseError, HttpParser, MessageCollector, splitAt, type ParserKind } from './index';
import { requestScenario, responseScenario, splitOffsets } from './testing/arbitraries';
import { summarize } from './testing/spec-helpers';

const kinds: ParserKind[] = ['request', 'response'];

/** Feeds pieces and finish(); the collector throws if the callback order is ever broken. */
function outcome(kind: ParserKind, pieces: Buffer[], expect: readonly string[] = []) {
  const collector = new MessageCollector();
  const parser = new HttpParser(kind, collector);
  for (const method of expect) parser.expectResponseTo(method);
  let error: HttpParseError | null = null;
  for (const piece of pieces) {
    const result = parser.execute(piece);
    if (result !== null && !(result instanceof HttpParseError)) throw new Error('execute() returned a non-error');
    error ??= result;
    if (error !== null) expect_(result).toBe(error);
  }
  const last = parser.finish();
  if (error !== null) expect_(last).toBe(error);
  error ??= last;
  return { error: error?.code ?? null, messages: summarize({ messages: collector.messages, error }) };
}
const expect_ = expect;

/** A valid message's bytes with a few bytes replaced, inserted or deleted. */
const mutated = (kind: ParserKind) =>
  fc
    .tuple(
      kind === 'request' ? requestScenario : responseScenario,
      fc.array(fc.record({ at: fc.nat(), op: fc.constantFrom('set', 'insert', 'delete'), byte: fc.constantFrom(0x00, 0x09, 0x0a, 0x0d, 0x20, 0x3a, 0x3b, 0x30, 0x61, 0x7f, 0xff) }), { minLength: 1, maxLength: 4 }),
    )
    .map(([scenario, mutations]) => {
      const bytes = [...scenario.bytes];
      for (const m of mutations) {
        const at = m.at % (bytes.length + 1);
        if (m.op === 'insert') bytes.splice(at, 0, m.byte);
        else if (m.op === 'delete') bytes.splice(at, 1);
        else if (at < bytes.length) bytes[at] = m.byte;
      }
      return { bytes: Buffer.from(bytes), expect: scenario.expect };
    });

describe.each(kinds)('%s parser on hostile input', (kind) => {
  test('random bytes: only null or HttpParseError, same result whole and split', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), splitOffsets, (raw, offsets) => {
        const bytes = Buffer.from(raw);
        expect(outcome(kind, splitAt(bytes, offsets))).toEqual(outcome(kind, [bytes]));
      }),
      { numRuns: 500 },
    );
  });

  test('random bytes after a valid start: same result whole and split', () => {
    const start = kind === 'request' ? 'POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n' : 'HTTP/1.1 200 OK\r\n';
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), splitOffsets, (raw, offsets) => {
        const bytes = Buffer.concat([Buffer.from(start), Buffer.from(raw)]);
        expect(outcome(kind, splitAt(bytes, offsets))).toEqual(outcome(kind, [bytes]));
      }),
      { numRuns: 500 },
    );
  });

  test('mutated valid messages: same result whole, split and byte by byte', () => {
    fc.assert(
      fc.property(mutated(kind), splitOffsets, ({ bytes, expect: methods }, offsets) => {
        const whole = outcome(kind, [bytes], methods);
        expect(outcome(kind, splitAt(bytes, offsets), methods)).toEqual(whole);
        expect(outcome(kind, splitAt(bytes, [...bytes.keys()]), methods)).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

test('a long stream of garbage is refused without buffering it all', () => {
  const garbage = Buffer.alloc(1024 * 1024, 0x61);
  expect(collect('request', garbage).error?.code).toBe('HPE_URI_TOO_LONG');
  expect(collect('response', garbage).error?.code).toBe('HPE_INVALID_VERSION');
});
