// The one error catalogue of the handlers: every way a request is refused or fails, with a
// stable code (never reused), the HTTP status it is answered with and the sentence its page shows.

/** Stable codes, their HTTP status and the sentence shown in the error page or JSON body. */
export const HANDLER_ERRORS = {
  HND_MISSING_HOST: { status: 400, message: 'An HTTP/1.1 request must carry a Host header.' },
  HND_DUPLICATE_HOST: { status: 400, message: 'The request carries more than one Host header.' },
  HND_INVALID_HOST: { status: 400, message: 'The Host header is not a valid host[:port].' },
  HND_HOST_NOT_ALLOWED: { status: 403, message: 'This server does not serve the host named in the request.' },
  HND_INVALID_TARGET: { status: 400, message: 'The request target is not a path starting with / or an http URL.' },
  HND_INVALID_PERCENT_ENCODING: { status: 400, message: 'The request path holds a % that is not followed by two hex digits.' },
  HND_INVALID_UTF8_PATH: { status: 403, message: 'The decoded request path is not valid UTF-8.' },
  HND_FORBIDDEN_PATH: { status: 403, message: 'The request path holds a . or .. segment, a backslash, a control character or an empty segment.' },
  HND_DOUBLE_ENCODING: { status: 403, message: 'The request path is percent-encoded twice.' },
  HND_DRIVE_LETTER: { status: 403, message: 'The request path names a drive.' },
  HND_OUTSIDE_ROOT: { status: 403, message: 'The requested file lies outside the served folder.' },
  HND_ACCESS_DENIED: { status: 403, message: 'The server may not read the requested file.' },
  HND_NOT_FOUND: { status: 404, message: 'The requested resource was not found on this server.' },
  HND_METHOD_NOT_ALLOWED: { status: 405, message: 'Only GET, HEAD and POST (on /upload) are allowed.' },
  HND_EXTENSION_NOT_ALLOWED: { status: 415, message: 'Files of this type are not served.' },
  HND_UPLOAD_MEDIA_TYPE: { status: 415, message: 'Content-Type must be application/json.' },
  HND_UPLOAD_DUPLICATE_CONTENT_TYPE: { status: 400, message: 'The request carries more than one Content-Type header.' },
  HND_UPLOAD_EMPTY: { status: 400, message: 'The request body is empty.' },
  HND_UPLOAD_INVALID_UTF8: { status: 400, message: 'The request body is not valid UTF-8.' },
  HND_UPLOAD_INVALID_JSON: { status: 400, message: 'The request body is not valid JSON.' },
  HND_UPLOAD_WRITE_FAILED: { status: 500, message: 'The upload could not be stored.' },
  HND_INVALID_OPTIONS: { status: 500, message: 'The handler options are invalid.' },
  HND_INTERNAL: { status: 500, message: 'The server met an internal error and could not complete the request.' },
} as const satisfies Record<string, { readonly status: number; readonly message: string }>;

export type HandlerErrorCode = keyof typeof HANDLER_ERRORS;

/** The only error type the handlers throw or report; match on `code`, never on `message`. */
export class HandlerError extends Error {
  override readonly name = 'HandlerError';
  readonly code: HandlerErrorCode;
  readonly status: number;

  /** `detail` is for logs only (it may hold paths); pages show the catalogue sentence. */
  constructor(code: HandlerErrorCode, options: { detail?: string; cause?: unknown } = {}) {
    const entry = HANDLER_ERRORS[code];
    super(options.detail === undefined ? entry.message : `${entry.message} (${options.detail})`, { cause: options.cause });
    this.code = code;
    this.status = entry.status;
  }
}

/** Node's errno code of a failed fs call, or undefined for anything else. */
export function errnoCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  const code = (error as { code: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}
