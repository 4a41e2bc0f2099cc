// The one error catalogue of response-builders. Every error here is a programming error
// (a caller passed bytes that must never reach the wire), so each maps to HTTP 500.

/** Stable codes, their meaning and the HTTP status a server should answer with if one escapes. */
export const RESPONSE_BUILDER_ERRORS = {
  RB_INVALID_STATUS: { status: 500, message: 'status code must be an integer from 100 to 599' },
  RB_INVALID_REASON: { status: 500, message: 'reason phrase holds a control character' },
  RB_INVALID_HEADER: { status: 500, message: 'header name is not a token or its value holds CR, LF, NUL or another control character' },
  RB_RESERVED_HEADER: { status: 500, message: 'header is added per response by finishHead and cannot be part of a fixed head' },
  RB_INVALID_CONTENT_LENGTH: { status: 500, message: 'content length must be a non-negative safe integer' },
  RB_CONFLICTING_FRAMING: { status: 500, message: 'message framing headers conflict' },
  RB_INVALID_KEEP_ALIVE: { status: 500, message: 'keep-alive timeout and max must be integers from 0 to 67108863' },
  RB_INVALID_DISPOSITION: { status: 500, message: 'content disposition type must be a token' },
  RB_INVALID_METHOD: { status: 500, message: 'request method must be a token' },
  RB_INVALID_TARGET: { status: 500, message: 'request target must be non-empty visible ASCII without spaces' },
  RB_MISSING_HOST: { status: 500, message: 'an HTTP/1.1 request needs a Host header' },
  RB_INVALID_DATE: { status: 500, message: 'date must be a finite number of milliseconds since the epoch' },
  RB_INVALID_HEADING_LEVEL: { status: 500, message: 'heading level must be an integer from 1 to 6' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ResponseBuilderErrorCode = keyof typeof RESPONSE_BUILDER_ERRORS;

/** The only error type this lib throws; match on `code`, never on `message`. */
export class ResponseBuilderError extends Error {
  readonly code: ResponseBuilderErrorCode;
  readonly status: number;

  constructor(code: ResponseBuilderErrorCode, detail?: string) {
    const entry = RESPONSE_BUILDER_ERRORS[code];
    super(detail === undefined ? entry.message : `${entry.message}: ${detail}`);
    this.name = 'ResponseBuilderError';
    this.code = code;
    this.status = entry.status;
  }
}
