// Header field rules (RFC 9112 §5, RFC 9110 §5.5), header limits, and persistence
// (RFC 9112 §9.3): bytes in -> fields, keep-alive or a typed error out.

import { collect, type ParseErrorCode } from './index';
import { collectBothWays, errorCodeOf, summarize } from './testing/spec-helpers';

const request = (fields: string): string => `GET / HTTP/1.1\r\n${fields}\r\n`;

describe('field names and values', () => {
  test.each([
    ['RFC 9110 §5.1: names are case-insensitive and reported lower-cased', 'Host: a\r\nX-Custom-NAME: b\r\n', ['host', 'a', 'x-custom-name', 'b']],
    ['RFC 9112 §5.1: OWS around the value is not part of it', 'A:  \t v \t \r\nB:v\r\n', ['a', 'v', 'b', 'v']],
    ['RFC 9110 §5.5: inner SP and HTAB are kept', 'A: x \t y\r\n', ['a', 'x \t y']],
    ['RFC 9110 §5.5: an empty value', 'A:\r\nB:   \r\n', ['a', '', 'b', '']],
    ['RFC 9110 §5.5: obs-text (0x80-0xFF) is kept as latin1', 'A: caf\xe9 \xff\r\n', ['a', 'caf\xe9 \xff']],
    ['RFC 9110 §5.3: repeated fields are all reported, in order', 'A: 1\r\nB: 2\r\nA: 3\r\n', ['a', '1', 'b', '2', 'a', '3']],
    ['RFC 9110 §5.6.2: every tchar is allowed in a name', "!#$%&'*+-.^_`|~09azAZ: x\r\n", ["!#$%&'*+-.^_`|~09azaz", 'x']],
    ['RFC 9110 §5.5: colons and quotes inside a value', 'A: "x:y", <z>; q=1\r\n', ['a', '"x:y", <z>; q=1']],
  ])('%s', (_title, fields, headers) => {
    const result = collectBothWays('request', request(fields));
    expect(result.error).toBeNull();
    expect(result.messages[0]?.head.headers).toEqual(headers);
  });

  test('common names come back as the same interned strings whatever their case', () => {
    const result = collect('request', request('HOST: a\r\nuser-AGENT: b\r\n'));
    expect(result.messages[0]?.head.headers).toEqual(['host', 'a', 'user-agent', 'b']);
  });

  const invalid: Array<[string, string, ParseErrorCode]> = [
    ['RFC 9112 §5.1: whitespace between name and colon', 'Host : a\r\n', 'HPE_WHITESPACE_BEFORE_COLON'],
    ['RFC 9112 §5.1: HTAB between name and colon', 'Host\t: a\r\n', 'HPE_WHITESPACE_BEFORE_COLON'],
    ['RFC 9112 §5.2: obs-fold continuation line', 'A: b\r\n c\r\n', 'HPE_OBS_FOLD'],
    ['RFC 9112 §5.2: obs-fold with HTAB', 'A: b\r\n\tc\r\n', 'HPE_OBS_FOLD'],
    ['RFC 9112 §2.2: whitespace before the first field', ' A: b\r\n', 'HPE_OBS_FOLD'],
    ['RFC 9110 §5.1: empty field name', ': b\r\n', 'HPE_INVALID_HEADER_NAME'],
    ['RFC 9110 §5.1: non-token byte in the name', 'A@B: c\r\n', 'HPE_INVALID_HEADER_NAME'],
    ['RFC 9110 §5.1: non-ASCII byte in the name', 'A\xe9: c\r\n', 'HPE_INVALID_HEADER_NAME'],
    ['RFC 9112 §5: a line without colon', 'Host\r\n', 'HPE_INVALID_HEADER_NAME'],
    ['RFC 9110 §5.5: NUL in a value', 'A: b\x00c\r\n', 'HPE_INVALID_HEADER_VALUE'],
    ['RFC 9110 §5.5: a control byte in a value', 'A: b\x01c\r\n', 'HPE_INVALID_HEADER_VALUE'],
    ['RFC 9110 §5.5: DEL in a value', 'A: b\x7fc\r\n', 'HPE_INVALID_HEADER_VALUE'],
    ['RFC 9110 §5.5: ESC in a value', 'A: \x1b[31m\r\n', 'HPE_INVALID_HEADER_VALUE'],
    ['RFC 9112 §2.2: bare CR inside a value', 'A: b\rc\r\n', 'HPE_BARE_CR'],
    ['RFC 9112 §2.2: bare LF ends a field line', 'A: b\nB: c\r\n', 'HPE_BARE_LF'],
    ['RFC 9112 §2.2: bare LF ends the header section', 'A: b\r\n\n', 'HPE_BARE_LF'],
    ['RFC 9112 §2.2: bare CR in the empty line', 'A: b\r\n\rX', 'HPE_BARE_CR'],
    ['RFC 9112 §2.2: LF right after a name', 'A\n', 'HPE_BARE_LF'],
  ];
  test.each(invalid)('%s', (_title, fields, code) => {
    expect(collectBothWays('request', request(fields), { finish: true }).error?.code).toBe(code);
  });

  test('EOF inside the header section', () => {
    expect(errorCodeOf('request', 'GET / HTTP/1.1\r\nHost: a\r\n')).toBe('HPE_UNEXPECTED_EOF');
  });
});

describe('header limits', () => {
  test('RFC 6585 §5: more fields than maxHeaderCount -> 431', () => {
    const fields = (n: number): string => Array.from({ length: n }, (_, i) => `X-${i}: v\r\n`).join('');
    expect(errorCodeOf('request', request(fields(100)))).toBeNull();
    const result = collect('request', request(fields(101)));
    expect(result.error).toMatchObject({ code: 'HPE_TOO_MANY_HEADERS', status: 431 });
    expect(errorCodeOf('request', request(fields(4)), { limits: { maxHeaderCount: 3 } })).toBe('HPE_TOO_MANY_HEADERS');
  });

  test('RFC 6585 §5: a header section over maxHeaderBytes -> 431, whole or split', () => {
    // The section "A: <n x>\r\n\r\n" is 3 + n + 2 + 2 bytes.
    const raw = (n: number): string => request(`A: ${'x'.repeat(n)}\r\n`);
    expect(collectBothWays('request', raw(93), { limits: { maxHeaderBytes: 100 } }).error).toBeNull();
    const result = collectBothWays('request', raw(94), { limits: { maxHeaderBytes: 100 } });
    expect(result.error).toMatchObject({ code: 'HPE_HEADERS_TOO_LARGE', status: 431 });
  });

  test('a value that never ends is refused once it passes the limit', () => {
    const result = collect('request', ['GET / HTTP/1.1\r\nA: ', 'x'.repeat(50), 'x'.repeat(50)], { limits: { maxHeaderBytes: 64 } });
    expect(result.error?.code).toBe('HPE_HEADERS_TOO_LARGE');
  });

  test('the default limit is 16 KiB', () => {
    expect(errorCodeOf('request', request(`A: ${'x'.repeat(16 * 1024)}\r\n`))).toBe('HPE_HEADERS_TOO_LARGE');
    expect(errorCodeOf('request', request(`A: ${'x'.repeat(16 * 1024 - 10)}\r\n`))).toBeNull();
  });
});

describe('RFC 9112 §9.3: persistence', () => {
  test.each([
    ['HTTP/1.1 persists by default', 'GET / HTTP/1.1\r\n\r\n', true],
    ['HTTP/1.1 with Connection: close', 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n', false],
    ['HTTP/1.1 close among other tokens, any case', 'GET / HTTP/1.1\r\nConnection: Upgrade, CLOSE\r\n\r\n', false],
    ['HTTP/1.1 close in a second Connection field', 'GET / HTTP/1.1\r\nConnection: te\r\nConnection: close\r\n\r\n', false],
    ['HTTP/1.1 a token merely containing close', 'GET / HTTP/1.1\r\nConnection: closed, x-close\r\n\r\n', true],
    ['HTTP/1.0 closes by default', 'GET / HTTP/1.0\r\n\r\n', false],
    ['HTTP/1.0 with Connection: keep-alive', 'GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n', true],
    ['HTTP/1.0 with Keep-Alive in a list, any case', 'GET / HTTP/1.0\r\nConnection: foo ,Keep-Alive\r\n\r\n', true],
    ['HTTP/1.0 with keep-alive and close: close wins', 'GET / HTTP/1.0\r\nConnection: keep-alive, close\r\n\r\n', false],
  ])('%s', (_title, raw, keepAlive) => {
    expect(summarize(collectBothWays('request', raw)).map((m) => m.keepAlive)).toEqual([keepAlive]);
  });
});
