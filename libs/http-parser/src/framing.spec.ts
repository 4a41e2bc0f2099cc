// Unit rows for the framing-header interpreters (RFC 9110 §8.6, RFC 9112 §6.1, RFC 9110 §7.6.1).

import {
  CL_CONFLICT, CL_INVALID, CONN_CLOSE, CONN_KEEP_ALIVE, connectionTokens, isStrictChunked, parseContentLength,
  TE_CHUNKED_LAST, TE_CHUNKED_TWICE, TE_PRESENT, TE_UNKNOWN, transferCodings,
} from './framing';

test.each([
  ['0', 0], ['42', 42], ['007', 7], [' 5 ', 5], ['5,5', 5], ['5 , 5 ,5', 5], ['9007199254740991', 9007199254740991],
  ['', CL_INVALID], [' ', CL_INVALID], ['a', CL_INVALID], ['1.0', CL_INVALID], ['0x10', CL_INVALID], ['5,', CL_INVALID],
  [',5', CL_INVALID], ['9007199254740992', CL_INVALID], ['99999999999999999999', CL_INVALID], ['5,6', CL_CONFLICT],
])('RFC 9110 §8.6: Content-Length %j -> %d', (value, expected) => {
  expect(parseContentLength(value)).toBe(expected);
});

test.each([
  ['chunked', TE_PRESENT | TE_CHUNKED_LAST, true],
  ['CHUNKED', TE_PRESENT | TE_CHUNKED_LAST, true],
  ['gzip, chunked', TE_PRESENT | TE_CHUNKED_LAST, true],
  ['x-gzip;level=9 , chunked', TE_PRESENT | TE_CHUNKED_LAST, true],
  ['chunked, gzip', TE_PRESENT, false],
  ['chunked,chunked', TE_PRESENT | TE_CHUNKED_LAST | TE_CHUNKED_TWICE, false],
  ['br, chunked', TE_PRESENT | TE_CHUNKED_LAST | TE_UNKNOWN, false],
  ['', TE_PRESENT, false],
])('RFC 9112 §6.1: Transfer-Encoding %j', (value, flags, strict) => {
  const result = transferCodings(value, 0);
  expect(result & (TE_PRESENT | TE_CHUNKED_LAST | TE_CHUNKED_TWICE | TE_UNKNOWN)).toBe(flags);
  expect(isStrictChunked(result)).toBe(strict);
});

test('Transfer-Encoding folds over several fields', () => {
  expect(isStrictChunked(transferCodings('chunked', transferCodings('gzip', 0)))).toBe(true);
  expect(isStrictChunked(transferCodings('gzip', transferCodings('chunked', 0)))).toBe(false);
  expect(transferCodings('chunked', transferCodings('chunked', 0)) & TE_CHUNKED_TWICE).toBe(TE_CHUNKED_TWICE);
});

test.each([
  ['close', CONN_CLOSE], ['keep-alive', CONN_KEEP_ALIVE], ['Keep-Alive', CONN_KEEP_ALIVE], ['CLOSE', CONN_CLOSE],
  ['upgrade, close', CONN_CLOSE], [' keep-alive ,te', CONN_KEEP_ALIVE], ['keep-alive, close', CONN_CLOSE | CONN_KEEP_ALIVE],
  ['closed', 0], ['', 0], [',,', 0],
])('RFC 9110 §7.6.1: Connection %j', (value, flags) => {
  expect(connectionTokens(value)).toBe(flags);
});
