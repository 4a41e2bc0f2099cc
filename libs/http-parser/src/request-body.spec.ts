// Request body framing (RFC 9112 §6), the chunked coding (§7.1) and body limits:
// bytes in -> message with body, or a typed error out.

import { collect, HttpParser, type ParseErrorCode } from './index';
import { collectBothWays, errorCodeOf, summarize } from './testing/spec-helpers';

const post = (fields: string, body = ''): string => `POST /u HTTP/1.1\r\nHost: a\r\n${fields}\r\n${body}`;

describe('RFC 9112 §6.3: request body length', () => {
  test.each([
    ['no Content-Length or Transfer-Encoding: no body', post(''), '', -1],
    ['Content-Length: 0', post('Content-Length: 0\r\n'), '', 0],
    ['Content-Length body', post('Content-Length: 5\r\n', 'hello'), 'hello', 5],
    ['RFC 9110 §8.6: leading zeros', post('Content-Length: 005\r\n', 'hello'), 'hello', 5],
    ['RFC 9110 §8.6: identical duplicate fields', post('Content-Length: 3\r\nContent-Length: 3\r\n', 'abc'), 'abc', 3],
    ['RFC 9110 §8.6: identical values in a list', post('Content-Length: 3, 3,3\r\n', 'abc'), 'abc', 3],
    ['GET with a body is still framed by its Content-Length', 'GET / HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi', 'hi', 2],
  ])('%s', (_title, raw, body, contentLength) => {
    const result = collectBothWays('request', raw);
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => [m.body, m.complete])).toEqual([[body, true]]);
    expect(result.messages[0]?.head.contentLength).toBe(contentLength);
  });

  const invalid: Array<[string, string, ParseErrorCode]> = [
    ['RFC 9110 §8.6: non-digits', 'Content-Length: 12a\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: a sign', 'Content-Length: +5\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: negative', 'Content-Length: -1\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: empty', 'Content-Length:\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: empty list element', 'Content-Length: 1,,1\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: inner space', 'Content-Length: 1 2\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: beyond 2^53', 'Content-Length: 9007199254740993\r\n', 'HPE_INVALID_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: two different fields', 'Content-Length: 1\r\nContent-Length: 2\r\n', 'HPE_CONFLICTING_CONTENT_LENGTH'],
    ['RFC 9110 §8.6: two different values in a list', 'Content-Length: 1, 2\r\n', 'HPE_CONFLICTING_CONTENT_LENGTH'],
    ['RFC 9112 §6.1: Content-Length with Transfer-Encoding', 'Content-Length: 3\r\nTransfer-Encoding: chunked\r\n', 'HPE_CONTENT_LENGTH_WITH_TRANSFER_ENCODING'],
    ['RFC 9112 §6.1: Transfer-Encoding with Content-Length', 'Transfer-Encoding: chunked\r\nContent-Length: 3\r\n', 'HPE_CONTENT_LENGTH_WITH_TRANSFER_ENCODING'],
    ['RFC 9112 §6.3: final coding not chunked', 'Transfer-Encoding: gzip\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §6.3: chunked not last', 'Transfer-Encoding: chunked, gzip\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §6.1: chunked applied twice', 'Transfer-Encoding: chunked, chunked\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §6.1: chunked twice over two fields', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §6.1: chunked, then another coding in a second field', 'Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §7: unknown coding', 'Transfer-Encoding: foo, chunked\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §7: a near-miss of chunked', 'Transfer-Encoding: chunked2\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §7.1: chunked takes no parameters', 'Transfer-Encoding: chunked;q=1\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
    ['RFC 9112 §6.1: empty Transfer-Encoding', 'Transfer-Encoding:\r\n', 'HPE_INVALID_TRANSFER_ENCODING'],
  ];
  test.each(invalid)('%s -> 400', (_title, fields, code) => {
    const result = collectBothWays('request', post(fields), { finish: true });
    expect(result.error).toMatchObject({ code, status: 400 });
  });

  test('RFC 9112 §6.1: Transfer-Encoding in an HTTP/1.0 request is faulty framing', () => {
    expect(errorCodeOf('request', 'POST / HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')).toBe('HPE_INVALID_TRANSFER_ENCODING');
  });

  test.each([
    ['chunked', 'chunked'],
    ['codings are case-insensitive', 'Chunked'],
    ['a known coding before chunked', 'gzip, chunked'],
    ['RFC 9110 §5.6.1: empty list elements are ignored', ' , chunked ,'],
  ])('RFC 9112 §6.1: Transfer-Encoding %s is accepted', (_title, te) => {
    const result = collectBothWays('request', post(`Transfer-Encoding: ${te}\r\n`, '1\r\nx\r\n0\r\n\r\n'));
    expect(result.error).toBeNull();
    expect(result.messages[0]?.head).toMatchObject({ chunked: true, contentLength: -1 });
    expect(result.messages[0]?.body.toString()).toBe('x');
  });
});

describe('RFC 9112 §7.1: chunked coding', () => {
  const chunked = (body: string): string => post('Transfer-Encoding: chunked\r\n', body);

  test.each([
    ['one chunk', '5\r\nhello\r\n0\r\n\r\n', 'hello', []],
    ['several chunks, hex sizes in either case', 'a\r\n0123456789\r\nA\r\nabcdefghij\r\n0\r\n\r\n', '0123456789abcdefghij', []],
    ['size with leading zeros', '0005\r\nhello\r\n000\r\n\r\n', 'hello', []],
    ['no data at all', '0\r\n\r\n', '', []],
    ['chunk data may hold CRLF', '4\r\n\r\n\r\n\r\n0\r\n\r\n', '\r\n\r\n', []],
    ['§7.1.1: extensions are skipped', '5;name=value;flag\r\nhello\r\n0;last\r\n\r\n', 'hello', []],
    ['§7.1.1: quoted extension values with escapes', '5;a="x y;\\"z\\""\r\nhello\r\n0\r\n\r\n', 'hello', []],
    ['§7.1.1: BWS around extensions', '5 ; a = b \t;c\r\nhello\r\n0\r\n\r\n', 'hello', []],
    ['§7.1.2: trailer fields, names lower-cased', '1\r\nx\r\n0\r\nX-Sum: 1 \r\nExpires: never\r\n\r\n', 'x', ['x-sum', '1', 'expires', 'never']],
    ['§7.1.2: trailers never change framing', '1\r\nx\r\n0\r\nContent-Length: 7\r\n\r\n', 'x', ['content-length', '7']],
  ])('%s', (_title, body, expected, trailers) => {
    const result = collectBothWays('request', chunked(body));
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => [m.body, m.trailers, m.complete])).toEqual([[expected, trailers, true]]);
  });

  const invalid: Array<[string, string, ParseErrorCode]> = [
    ['non-hex size', 'g\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['empty size', '\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['negative size', '-1\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['size then garbage', '5x\r\nhello\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['size with 0x prefix', '0x5\r\nhello\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['too many digits', '00000000000000001\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['size beyond 2^53', '20000000000001\r\n', 'HPE_INVALID_CHUNK_SIZE'],
    ['bare LF after the size', '5\nhello\r\n', 'HPE_BARE_LF'],
    ['bare CR after the size', '5\rhello\r\n', 'HPE_BARE_CR'],
    ['extension without a name', '5;\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['extension with an empty value', '5;a=\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['extension value not a token', '5;a=b@c\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['extension not after ;', '5 a\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['unterminated quoted extension value', '5;a="b\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['control byte in a quoted extension value', '5;a="\x01"\r\nhello\r\n', 'HPE_INVALID_CHUNK_EXTENSION'],
    ['overlong extensions', `5;a=${'b'.repeat(5000)}\r\nhello\r\n`, 'HPE_INVALID_CHUNK_EXTENSION'],
    ['data longer than its size', '3\r\nhello\r\n', 'HPE_MISSING_CHUNK_CRLF'],
    ['data without CRLF', '5\r\nhelloX\r\n', 'HPE_MISSING_CHUNK_CRLF'],
    ['data with CR but no LF', '5\r\nhello\rX', 'HPE_MISSING_CHUNK_CRLF'],
    ['trailer with obs-fold', '0\r\nA: b\r\n c\r\n\r\n', 'HPE_INVALID_TRAILER'],
    ['trailer without colon', '0\r\nA\r\n\r\n', 'HPE_INVALID_TRAILER'],
    ['trailer with a control byte', '0\r\nA: \x00\r\n\r\n', 'HPE_INVALID_TRAILER'],
    ['trailer section ends with bare LF', '0\r\n\n', 'HPE_BARE_LF'],
    ['EOF inside chunk data', '5\r\nhel', 'HPE_UNEXPECTED_EOF'],
    ['EOF before the last chunk', '5\r\nhello\r\n', 'HPE_UNEXPECTED_EOF'],
    ['EOF inside the trailer section', '0\r\nA: b\r\n', 'HPE_UNEXPECTED_EOF'],
  ];
  test.each(invalid)('%s -> 400', (_title, body, code) => {
    const result = collectBothWays('request', chunked(body), { finish: true });
    expect(result.error).toMatchObject({ code, status: 400 });
  });

  test('trailer fields count towards maxHeaderCount and their section towards maxHeaderBytes', () => {
    const options = { limits: { maxHeaderCount: 3 } };
    expect(errorCodeOf('request', chunked('0\r\nA: 1\r\n\r\n'), options)).toBeNull();
    expect(errorCodeOf('request', chunked('0\r\nA: 1\r\nB: 2\r\n\r\n'), options)).toBe('HPE_TOO_MANY_HEADERS');
    expect(errorCodeOf('request', chunked(`0\r\nA: ${'x'.repeat(200)}\r\n\r\n`), { limits: { maxHeaderBytes: 100 } })).toBe('HPE_HEADERS_TOO_LARGE');
  });
});

describe('body size limit (limits.maxBodyBytes)', () => {
  const options = { limits: { maxBodyBytes: 10 } };

  test('a declared Content-Length over the limit -> 413 before any body byte', () => {
    const result = collect('request', post('Content-Length: 11\r\n'), options);
    expect(result.error).toMatchObject({ code: 'HPE_BODY_TOO_LARGE', status: 413 });
    expect(result.messages).toEqual([]);
    expect(errorCodeOf('request', post('Content-Length: 10\r\n', '0123456789'), options)).toBeNull();
  });

  test('chunked bodies are limited by their running total', () => {
    const chunked = (body: string): string => post('Transfer-Encoding: chunked\r\n', body);
    expect(errorCodeOf('request', chunked('5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n'), options)).toBeNull();
    expect(errorCodeOf('request', chunked('5\r\n01234\r\n6\r\n'), options)).toBe('HPE_BODY_TOO_LARGE');
  });
});

describe('pipelining and zero-copy bodies', () => {
  test('RFC 9112 §9.3.2: pipelined requests in one chunk are all reported, in order', () => {
    const raw =
      'GET /1 HTTP/1.1\r\n\r\n' +
      post('Content-Length: 3\r\n', 'abc') +
      post('Transfer-Encoding: chunked\r\n', '2\r\nde\r\n0\r\n\r\n') +
      'GET /4 HTTP/1.0\r\n\r\n';
    const result = collectBothWays('request', raw);
    expect(summarize(result).map((m) => [m.start, m.body, m.complete])).toEqual([
      ['GET /1 HTTP/1.1', '', true],
      ['POST /u HTTP/1.1', 'abc', true],
      ['POST /u HTTP/1.1', 'de', true],
      ['GET /4 HTTP/1.0', '', true],
    ]);
  });

  test('body pieces are views of the buffer given to execute(), not copies', () => {
    const input = Buffer.from(post('Transfer-Encoding: chunked\r\n', '3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n'), 'latin1');
    const views: Buffer[] = [];
    const parser = new HttpParser('request', { onHead() {}, onBody: (chunk) => views.push(chunk), onComplete() {} });
    expect(parser.execute(input)).toBeNull();
    expect(views.map((v) => v.toString())).toEqual(['abc', 'de']);
    for (const view of views) expect(view.buffer).toBe(input.buffer);
  });
});
