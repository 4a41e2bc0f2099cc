// The error catalogue: stable codes, each with the HTTP status the brief assigns.

import { HttpParseError, PARSE_ERRORS, type ParseErrorCode } from './index';

test('every code maps to its HTTP status', () => {
  const statuses = Object.fromEntries(Object.entries(PARSE_ERRORS).map(([code, entry]) => [code, entry.status]));
  expect(statuses).toEqual({
    HPE_INVALID_METHOD: 400,
    HPE_INVALID_TARGET: 400,
    HPE_INVALID_VERSION: 400,
    HPE_UNSUPPORTED_VERSION: 505,
    HPE_URI_TOO_LONG: 414,
    HPE_STATUS_LINE_TOO_LONG: 400,
    HPE_INVALID_STATUS_LINE: 400,
    HPE_HEADERS_TOO_LARGE: 431,
    HPE_TOO_MANY_HEADERS: 431,
    HPE_INVALID_HEADER_NAME: 400,
    HPE_WHITESPACE_BEFORE_COLON: 400,
    HPE_INVALID_HEADER_VALUE: 400,
    HPE_OBS_FOLD: 400,
    HPE_BARE_CR: 400,
    HPE_BARE_LF: 400,
    HPE_INVALID_CONTENT_LENGTH: 400,
    HPE_CONFLICTING_CONTENT_LENGTH: 400,
    HPE_CONTENT_LENGTH_WITH_TRANSFER_ENCODING: 400,
    HPE_INVALID_TRANSFER_ENCODING: 400,
    HPE_INVALID_CHUNK_SIZE: 400,
    HPE_INVALID_CHUNK_EXTENSION: 400,
    HPE_MISSING_CHUNK_CRLF: 400,
    HPE_INVALID_TRAILER: 400,
    HPE_BODY_TOO_LARGE: 413,
    HPE_UNEXPECTED_EOF: 400,
  });
});

test('every message is one short sentence', () => {
  for (const { message } of Object.values(PARSE_ERRORS)) expect(message).toMatch(/^[A-Z][^\n]{10,80}\.$/);
});

test('HttpParseError carries code, status and the catalogue message', () => {
  const code: ParseErrorCode = 'HPE_BODY_TOO_LARGE';
  const error = new HttpParseError(code);
  expect(error).toBeInstanceOf(Error);
  expect(error).toMatchObject({ name: 'HttpParseError', code, status: 413, message: PARSE_ERRORS[code].message });
});
