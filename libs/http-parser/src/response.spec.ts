// Response mode (client side): status line (RFC 9112 §4), body length rules for responses
// (RFC 9112 §6.3), interim responses (RFC 9110 §15.2), and pipelined responses.

import { collect, HttpParser, MessageCollector, type ParseErrorCode } from './index';
import { collectBothWays, errorCodeOf, summarize } from './testing/spec-helpers';

describe('RFC 9112 §4: status line', () => {
  test.each([
    ['status and reason', 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 404 Not Found'],
    ['reason with obs-text and HTAB', 'HTTP/1.1 200 \xc7a\tva\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 200 \xc7a\tva'],
    ['empty reason after SP', 'HTTP/1.1 200 \r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 200 '],
    ['no SP before an empty reason (tolerated)', 'HTTP/1.1 200\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 200 '],
    ['HTTP/1.0', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.0 200 OK'],
    ['a status beyond 599', 'HTTP/1.1 999 Odd\r\nContent-Length: 0\r\n\r\n', 'HTTP/1.1 999 Odd'],
  ])('%s', (_title, raw, start) => {
    const result = collectBothWays('response', raw);
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => m.start)).toEqual([start]);
    expect(result.messages[0]?.head).toMatchObject({ method: '', target: '' });
  });

  const invalid: Array<[string, string, ParseErrorCode]> = [
    ['two-digit status', 'HTTP/1.1 20 OK\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['four-digit status', 'HTTP/1.1 2000 OK\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['status below 100', 'HTTP/1.1 099 Hm\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['non-digit status', 'HTTP/1.1 2x0 OK\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['no status', 'HTTP/1.1\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['control byte in the reason', 'HTTP/1.1 200 O\x00K\r\n\r\n', 'HPE_INVALID_STATUS_LINE'],
    ['a request line where a status line belongs', 'GET / HTTP/1.1\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['HTTP/2.0', 'HTTP/2.0 200 OK\r\n\r\n', 'HPE_UNSUPPORTED_VERSION'],
    ['bare LF', 'HTTP/1.1 200 OK\n\r\n', 'HPE_BARE_LF'],
  ];
  test.each(invalid)('%s', (_title, raw, code) => {
    expect(collectBothWays('response', raw, { finish: true }).error?.code).toBe(code);
  });

  test('a status line over maxStartLineBytes -> 400 (414 is for requests)', () => {
    const result = collect('response', `HTTP/1.1 200 ${'x'.repeat(100)}\r\n\r\n`, { limits: { maxStartLineBytes: 50 } });
    expect(result.error).toMatchObject({ code: 'HPE_STATUS_LINE_TOO_LONG', status: 400 });
  });
});

describe('RFC 9112 §6.3: response body length', () => {
  test('Content-Length body', () => {
    const result = collectBothWays('response', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello');
    expect(summarize(result).map((m) => [m.body, m.complete, m.keepAlive])).toEqual([['hello', true, true]]);
  });

  test('chunked body with trailers', () => {
    const result = collectBothWays('response', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\nX-T: 1\r\n\r\n');
    expect(summarize(result).map((m) => [m.body, m.trailers, m.complete])).toEqual([['abc', ['x-t', '1'], true]]);
  });

  test('item 7: no length -> the body runs until the server closes (finish)', () => {
    const collector = new MessageCollector();
    const p = new HttpParser('response', collector);
    expect(p.execute(Buffer.from('HTTP/1.1 200 OK\r\n\r\nsome '))).toBeNull();
    expect(p.execute(Buffer.from('body HTTP/1.1 200 OK\r\n'))).toBeNull();
    expect(collector.messages[0]?.complete).toBe(false);
    expect(p.idle).toBe(false);
    expect(p.finish()).toBeNull();
    expect(summarize({ messages: collector.messages, error: null })).toEqual([
      { start: 'HTTP/1.1 200 OK', headers: [], body: 'some body HTTP/1.1 200 OK\r\n', trailers: [], keepAlive: false, complete: true },
    ]);
    expect(p.idle).toBe(true);
  });

  test('item 4: a final coding other than chunked -> read until close, not persistent', () => {
    const result = collect('response', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n\x1f\x8b..', { finish: true });
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => [m.body, m.keepAlive, m.complete])).toEqual([['\x1f\x8b..', false, true]]);
    expect(result.messages[0]?.head.chunked).toBe(false);
  });

  test('item 3: Transfer-Encoding overrides Content-Length, and the connection is not reused', () => {
    const result = collectBothWays('response', 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(result.error).toBeNull();
    expect(result.messages[0]?.head).toMatchObject({ chunked: true, contentLength: -1, keepAlive: false });
    expect(result.messages[0]?.body.toString()).toBe('ok');
  });

  test('RFC 9112 §6.1: chunked applied twice is refused in responses too', () => {
    expect(errorCodeOf('response', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked, chunked\r\n\r\n')).toBe('HPE_INVALID_TRANSFER_ENCODING');
  });

  test('RFC 9110 §8.6: different Content-Lengths are refused', () => {
    expect(errorCodeOf('response', 'HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n')).toBe('HPE_CONFLICTING_CONTENT_LENGTH');
  });

  test.each([
    ['item 1: 204 No Content', 'GET', 'HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n'],
    ['item 1: 304 Not Modified (its Content-Length describes the representation)', 'GET', 'HTTP/1.1 304 Not Modified\r\nContent-Length: 5\r\n\r\n'],
    ['item 1: response to HEAD', 'HEAD', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n'],
    ['item 1: response to HEAD with chunked', 'HEAD', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n'],
  ])('%s has no body', (_title, method, raw) => {
    const result = collectBothWays('response', `${raw}HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok`, { expect: [method, 'GET'] });
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => [m.body, m.complete])).toEqual([['', true], ['ok', true]]);
  });

  test('the declared Content-Length of a HEAD response is reported', () => {
    const result = collect('response', 'HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n', { expect: ['HEAD'] });
    expect(result.messages[0]?.head.contentLength).toBe(1234);
  });

  test('a body over maxBodyBytes -> 413, by Content-Length up front or by running total', () => {
    const options = { limits: { maxBodyBytes: 4 } };
    expect(errorCodeOf('response', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n', options)).toBe('HPE_BODY_TOO_LARGE');
    expect(collect('response', ['HTTP/1.1 200 OK\r\n\r\nabc', 'de'], options).error?.code).toBe('HPE_BODY_TOO_LARGE');
  });

  test('EOF inside a Content-Length body is an error', () => {
    expect(errorCodeOf('response', 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhel')).toBe('HPE_UNEXPECTED_EOF');
  });
});

describe('RFC 9110 §15.2: interim (1xx) responses', () => {
  test('100 Continue is reported, then the final response answers the same request', () => {
    const raw = 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a.css>\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n';
    // The HEAD answered by the last response proves the 1xx did not consume the queue entry of POST.
    const result = collectBothWays('response', raw, { expect: ['POST', 'HEAD'] });
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => [m.start, m.body, m.complete])).toEqual([
      ['HTTP/1.1 100 Continue', '', true],
      ['HTTP/1.1 103 Early Hints', '', true],
      ['HTTP/1.1 200 OK', 'ok', true],
      ['HTTP/1.1 200 OK', '', true],
    ]);
  });
});

describe('RFC 9112 §9.3: persistence of responses', () => {
  test.each([
    ['HTTP/1.1 with a length', 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.1 with Connection: close', 'HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 without keep-alive', 'HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n', false],
    ['HTTP/1.0 with keep-alive', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nContent-Length: 0\r\n\r\n', true],
    ['HTTP/1.0 chunked (faulty framing, §6.1)', 'HTTP/1.0 200 OK\r\nConnection: keep-alive\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n', false],
  ])('%s', (_title, raw, keepAlive) => {
    expect(summarize(collectBothWays('response', raw)).map((m) => m.keepAlive)).toEqual([keepAlive]);
  });
});

describe('pipelined responses with expectResponseTo', () => {
  test('responses are matched to requests in FIFO order, across calls', () => {
    const collector = new MessageCollector();
    const parser = new HttpParser('response', collector);
    parser.expectResponseTo('GET');
    parser.expectResponseTo('HEAD');
    expect(parser.execute(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n'))).toBeNull();
    parser.expectResponseTo('GET');
    expect(parser.execute(Buffer.from('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1\r\nz\r\n0\r\n\r\n'))).toBeNull();
    expect(summarize({ messages: collector.messages, error: null }).map((m) => [m.body, m.complete])).toEqual([
      ['ok', true],
      ['', true],
      ['z', true],
    ]);
    expect(parser.idle).toBe(true);
  });
});
