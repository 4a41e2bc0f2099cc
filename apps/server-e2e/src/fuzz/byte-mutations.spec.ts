// The fuzzer's byte mutations do what they say: bytes in, damaged bytes out, one row per kind.
import { applyMutation, applyMutations, type Mutation } from './byte-mutations';
import { renderCase, renderRequest, type RequestSpec } from './request-model';

const base = Buffer.from('GET / HTTP/1.1\r\nHost: h\r\n\r\n', 'latin1');

const rows: readonly (readonly [string, Mutation, string])[] = [
  ['insert', { op: 'insert', at: 3, bytes: [0x00, 0x41] }, 'GET\x00A / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['insert past the end wraps', { op: 'insert', at: base.length + 1, bytes: [0x58] }, 'XGET / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['delete', { op: 'delete', at: 0, count: 4 }, '/ HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['set', { op: 'set', at: 1, byte: 0x3a }, 'G:T / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['flip', { op: 'flip', at: 0, bit: 5 }, 'gET / HTTP/1.1\r\nHost: h\r\n\r\n'],
  ['duplicate the 2nd CR/LF byte', { op: 'duplicate-eol', nth: 1 }, 'GET / HTTP/1.1\r\n\nHost: h\r\n\r\n'],
  ['drop the CR of the 2nd CRLF', { op: 'drop-eol', nth: 1, which: 'cr' }, 'GET / HTTP/1.1\r\nHost: h\n\r\n'],
  ['drop the whole 1st CRLF', { op: 'drop-eol', nth: 0, which: 'crlf' }, 'GET / HTTP/1.1Host: h\r\n\r\n'],
  ['inject NUL at the 2nd line end', { op: 'inject', nth: 1, what: 'nul' }, 'GET / HTTP/1.1\r\nHost: h\x00\r\n\r\n'],
  ['inject an obs-fold', { op: 'inject', nth: 1, what: 'obs-fold' }, 'GET / HTTP/1.1\r\nHost: h\r\n folded\r\n\r\n'],
  ['cut short', { op: 'cut', at: 5 }, 'GET /'],
];

describe('byte mutations', () => {
  test.each(rows)('%s', (_name, mutation, expected) => {
    expect(applyMutation(base, mutation).toString('latin1')).toBe(expected);
  });

  test('mutations apply in order and never throw on empty input', () => {
    const all = rows.map(([, mutation]) => mutation);
    expect(() => applyMutations(Buffer.alloc(0), all)).not.toThrow();
    expect(applyMutations(base, [{ op: 'cut', at: 3 }, { op: 'insert', at: 3, bytes: [0x21] }]).toString('latin1')).toBe('GET!');
  });
});

describe('request rendering', () => {
  const spec: RequestSpec = {
    method: 'POST',
    target: '/upload',
    version: 'HTTP/1.1',
    host: 'ip',
    hostName: 'Host',
    hostIndex: 1,
    headers: [['Accept', '*/*'], ['Content-Type', 'application/json']],
    body: Buffer.from('{"a":1}'),
    framing: { kind: 'chunked', cuts: [3], extension: false, trailer: true },
  };

  test('Host at its index, chunked body cut where asked, trailer last (RFC 9112 §7.1)', () => {
    expect(renderRequest(spec, 8080).toString('latin1')).toBe(
      'POST /upload HTTP/1.1\r\nAccept: */*\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n{"a\r\n4\r\n":1}\r\n0\r\nX-Trailer: done\r\n\r\n',
    );
  });

  test('a case is split into writes that join back to its bytes', () => {
    const rendered = renderCase({ kind: 'pipeline', requests: [spec, { ...spec, framing: { kind: 'length' } }], mutations: [], splits: [10, 10, 70] }, 8080);
    expect(rendered.writes.map((write) => write.length)).toEqual([10, 60, rendered.bytes.length - 70]);
    expect(Buffer.concat(rendered.writes).equals(rendered.bytes)).toBe(true);
  });
});
