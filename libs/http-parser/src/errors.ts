// The parser's one error catalogue: every way a peer's bytes can be refused, with a stable
// code (never reused) and the HTTP status a server should answer with.

/** Stable codes, their HTTP status and a short human sentence. */
export const PARSE_ERRORS = {
  HPE_INVALID_METHOD: { status: 400, message: 'The request method is not a valid token.' },
  HPE_INVALID_TARGET: { status: 400, message: 'The request target is empty or holds spaces, control or non-ASCII bytes.' },
  HPE_INVALID_VERSION: { status: 400, message: 'The HTTP version is malformed.' },
  HPE_UNSUPPORTED_VERSION: { status: 505, message: 'Only HTTP/1.0 and HTTP/1.1 are supported.' },
  HPE_URI_TOO_LONG: { status: 414, message: 'The request line is too long.' },
  HPE_STATUS_LINE_TOO_LONG: { status: 400, message: 'The status line is too long.' },
  HPE_INVALID_STATUS_LINE: { status: 400, message: 'The status line is malformed.' },
  HPE_HEADERS_TOO_LARGE: { status: 431, message: 'The header section is too large.' },
  HPE_TOO_MANY_HEADERS: { status: 431, message: 'The message has too many header fields.' },
  HPE_INVALID_HEADER_NAME: { status: 400, message: 'A header name is not a valid token or lacks its colon.' },
  HPE_WHITESPACE_BEFORE_COLON: { status: 400, message: 'A header name is followed by whitespace before its colon.' },
  HPE_INVALID_HEADER_VALUE: { status: 400, message: 'A header value holds NUL or another control byte.' },
  HPE_OBS_FOLD: { status: 400, message: 'A header line starts with whitespace (obsolete line folding).' },
  HPE_BARE_CR: { status: 400, message: 'A CR is not followed by LF.' },
  HPE_BARE_LF: { status: 400, message: 'A line ends with LF without CR.' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, message: 'The Content-Length is not a valid number.' },
  HPE_CONFLICTING_CONTENT_LENGTH: { status: 400, message: 'The message has two different Content-Length values.' },
  HPE_CONTENT_LENGTH_WITH_TRANSFER_ENCODING: { status: 400, message: 'The request has both Content-Length and Transfer-Encoding.' },
  HPE_INVALID_TRANSFER_ENCODING: { status: 400, message: 'The Transfer-Encoding is not a single, final chunked coding.' },
  HPE_INVALID_CHUNK_SIZE: { status: 400, message: 'A chunk size is not a valid hexadecimal number.' },
  HPE_INVALID_CHUNK_EXTENSION: { status: 400, message: 'A chunk extension is malformed or too long.' },
  HPE_MISSING_CHUNK_CRLF: { status: 400, message: 'Chunk data is not followed by CRLF.' },
  HPE_INVALID_TRAILER: { status: 400, message: 'A trailer field is malformed.' },
  HPE_BODY_TOO_LARGE: { status: 413, message: 'The message body is too large.' },
  HPE_UNEXPECTED_EOF: { status: 400, message: 'The connection closed in the middle of a message.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type ParseErrorCode = keyof typeof PARSE_ERRORS;

/** The only error the parser reports (it returns it, never throws it); match on `code`. */
export class HttpParseError extends Error {
  override readonly name = 'HttpParseError';
  readonly code: ParseErrorCode;
  readonly status: number;

  constructor(code: ParseErrorCode) {
    const entry = PARSE_ERRORS[code];
    super(entry.message);
    this.code = code;
    this.status = entry.status;
  }
}
