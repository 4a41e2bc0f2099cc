// Request line (RFC 9112 §3) and HTTP version (RFC 9112 §2.3) rules, bytes in -> result out.

import { collect, PARSE_ERRORS, type ParseErrorCode } from './index';
import { collectBothWays, errorCodeOf, summarize } from './testing/spec-helpers';

describe('valid request lines', () => {
  test.each([
    ['RFC 9112 §3: origin-form with query', 'GET /a/b?c=d&e HTTP/1.1\r\n\r\n', 'GET /a/b?c=d&e HTTP/1.1'],
    ['RFC 9112 §3.2.4: asterisk-form', 'OPTIONS * HTTP/1.1\r\n\r\n', 'OPTIONS * HTTP/1.1'],
    ['RFC 9112 §3.2.2: absolute-form', 'GET http://example.com:8080/x HTTP/1.1\r\n\r\n', 'GET http://example.com:8080/x HTTP/1.1'],
    ['RFC 9112 §3.2.3: authority-form', 'CONNECT example.com:443 HTTP/1.1\r\n\r\n', 'CONNECT example.com:443 HTTP/1.1'],
    ['RFC 9110 §9.1: methods are case-sensitive tokens, kept as sent', 'get / HTTP/1.1\r\n\r\n', 'get / HTTP/1.1'],
    ['RFC 9110 §9.1: extension method token', "M-SEARCH!#$%&'*+.^_`|~ / HTTP/1.1\r\n\r\n", "M-SEARCH!#$%&'*+.^_`|~ / HTTP/1.1"],
    ['RFC 9112 §2.3: HTTP/1.0', 'GET / HTTP/1.0\r\n\r\n', 'GET / HTTP/1.0'],
    ['RFC 9112 §2.2: empty lines before the request line are ignored', '\r\n\r\nGET / HTTP/1.1\r\n\r\n', 'GET / HTTP/1.1'],
  ])('%s', (_title, raw, start) => {
    const result = collectBothWays('request', raw);
    expect(result.error).toBeNull();
    expect(summarize(result).map((m) => m.start)).toEqual([start]);
  });

  test('common methods are interned strings, others decoded as sent', () => {
    const result = collect('request', 'DELETE /x HTTP/1.1\r\n\r\nPURGE /y HTTP/1.1\r\n\r\n');
    expect(result.messages.map((m) => [m.head.method, m.head.target, m.head.statusCode, m.head.reason])).toEqual([
      ['DELETE', '/x', 0, ''],
      ['PURGE', '/y', 0, ''],
    ]);
  });
});

describe('invalid request lines', () => {
  const cases: Array<[string, string, ParseErrorCode]> = [
    ['RFC 9110 §9.1: method with a non-token byte', 'G@T / HTTP/1.1\r\n\r\n', 'HPE_INVALID_METHOD'],
    ['RFC 9112 §3: line starting with a space', ' GET / HTTP/1.1\r\n\r\n', 'HPE_INVALID_METHOD'],
    ['RFC 9112 §3: method followed by HTAB instead of SP', 'GET\t/ HTTP/1.1\r\n\r\n', 'HPE_INVALID_METHOD'],
    ['RFC 9112 §3: empty request target (two spaces)', 'GET  HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3: two spaces after the target', 'GET /  HTTP/1.1\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §3: method and nothing else', 'GET \r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3.2: target with a control byte', 'GET /a\x01b HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3.2: target with NUL', 'GET /a\x00 HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3.2: target with a non-ASCII byte', 'GET /caf\xe9 HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3.2: target with DEL', 'GET /\x7f HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §3.2: target with HTAB', 'GET /a\tb HTTP/1.1\r\n\r\n', 'HPE_INVALID_TARGET'],
    ['RFC 9112 §2.3: HTTP/0.9 simple request (no version)', 'GET /\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: version name is case-sensitive', 'GET / http/1.1\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: two-digit minor version', 'GET / HTTP/1.10\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: version without minor', 'GET / HTTP/1\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: garbage version', 'GET / HTTX/1.1\r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: trailing space after version', 'GET / HTTP/1.1 \r\n\r\n', 'HPE_INVALID_VERSION'],
    ['RFC 9112 §2.3: HTTP/2.0 -> 505', 'GET / HTTP/2.0\r\n\r\n', 'HPE_UNSUPPORTED_VERSION'],
    ['RFC 9112 §2.3: HTTP/0.9 -> 505', 'GET / HTTP/0.9\r\n\r\n', 'HPE_UNSUPPORTED_VERSION'],
    ['RFC 9112 §2.3: HTTP/1.2 -> 505', 'GET / HTTP/1.2\r\n\r\n', 'HPE_UNSUPPORTED_VERSION'],
    ['RFC 9112 §2.2: bare LF ends the request line', 'GET / HTTP/1.1\n\r\n', 'HPE_BARE_LF'],
    ['RFC 9112 §2.2: bare CR ends the request line', 'GET / HTTP/1.1\rX\r\n', 'HPE_BARE_CR'],
    ['RFC 9112 §2.2: a bare LF as leading empty line', '\nGET / HTTP/1.1\r\n\r\n', 'HPE_BARE_LF'],
    ['RFC 9112 §2.2: only a few leading empty lines are ignored', '\r\n'.repeat(5) + 'GET / HTTP/1.1\r\n\r\n', 'HPE_INVALID_METHOD'],
    ['RFC 9112 §2.2: EOF inside the request line', 'GET / HTT', 'HPE_UNEXPECTED_EOF'],
  ];
  test.each(cases)('%s', (_title, raw, code) => {
    expect(errorCodeOf('request', raw)).toBe(code);
    expect(collectBothWays('request', raw, { finish: true }).error?.code).toBe(code);
  });

  test('505 and 400 are the statuses a server answers with', () => {
    expect(collect('request', 'GET / HTTP/2.0\r\n\r\n').error).toMatchObject({ code: 'HPE_UNSUPPORTED_VERSION', status: 505 });
    expect(collect('request', 'G@T / HTTP/1.1\r\n\r\n').error?.status).toBe(400);
  });
});

describe('request line length (limits.maxStartLineBytes)', () => {
  const line = (targetLength: number): string => `GET /${'a'.repeat(targetLength - 1)} HTTP/1.1`;

  test('a line of exactly the limit is accepted, in one piece or byte by byte', () => {
    const raw = `${line(100)}\r\n\r\n`;
    const max = line(100).length;
    expect(collectBothWays('request', raw, { limits: { maxStartLineBytes: max } }).error).toBeNull();
  });

  test('one byte over the limit -> 414, whole or split', () => {
    const raw = `${line(101)}\r\n\r\n`;
    const max = line(100).length;
    expect(collectBothWays('request', raw, { limits: { maxStartLineBytes: max } }).error?.code).toBe('HPE_URI_TOO_LONG');
    expect(PARSE_ERRORS.HPE_URI_TOO_LONG.status).toBe(414);
  });

  test('an unfinished line is refused as soon as it passes the limit', () => {
    const result = collect('request', ['GET /', 'a'.repeat(200)], { limits: { maxStartLineBytes: 100 } });
    expect(result.error?.code).toBe('HPE_URI_TOO_LONG');
  });

  test('the default limit is 8 KiB', () => {
    expect(errorCodeOf('request', `${line(8 * 1024)}\r\n\r\n`)).toBe('HPE_URI_TOO_LONG');
    expect(errorCodeOf('request', `GET /${'a'.repeat(8 * 1024 - 15)} HTTP/1.1\r\n\r\n`)).toBeNull();
  });
});
