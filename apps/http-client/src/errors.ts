// The client's error catalogue: every failure has a stable code, the exit status a script sees,
// and a one-line reason. Nothing is reported as a bare string.

/** Exit statuses of the one-shot commands (documented in --help). */
export const EXIT = Object.freeze({
  ok: 0,
  network: 1,
  usage: 2,
  clientError: 4,
  serverError: 5,
});

export type ExitStatus = (typeof EXIT)[keyof typeof EXIT];

const CATALOGUE = Object.freeze({
  /** A flag, argument or REPL command that does not make sense. */
  CLIENT_BAD_ARGUMENT: EXIT.usage,
  /** Not an http(s) URL, or a relative path without a base URL. */
  CLIENT_BAD_URL: EXIT.usage,
  /** A header line that is not `Name: value` with a token name and a clean value. */
  CLIENT_BAD_HEADER: EXIT.usage,
  /** Inline JSON that does not parse; the message carries line and column. */
  CLIENT_BAD_JSON: EXIT.usage,
  /** `--data @file` names a file that cannot be read. */
  CLIENT_BODY_FILE: EXIT.usage,
  /** Refused, unreachable, unknown host: no TCP connection. */
  CLIENT_CONNECT_FAILED: EXIT.network,
  /** No TCP (or TLS) connection within the timeout. */
  CLIENT_CONNECT_TIMEOUT: EXIT.network,
  /** The TLS handshake failed (certificate, protocol). */
  CLIENT_TLS_FAILED: EXIT.network,
  /** Connected, but the response did not start or stalled for longer than the timeout. */
  CLIENT_RESPONSE_TIMEOUT: EXIT.network,
  /** The server closed or reset the connection before the response was complete. */
  CLIENT_CONNECTION_CLOSED: EXIT.network,
  /** The server's bytes are not a valid HTTP/1.x response. */
  CLIENT_BAD_RESPONSE: EXIT.network,
  /** The body could not be written where --output or `save` said. */
  CLIENT_OUTPUT_FAILED: EXIT.network,
  /** The history file could not be written (the REPL warns and carries on). */
  CLIENT_HISTORY_FAILED: EXIT.network,
});

export type ClientErrorCode = keyof typeof CATALOGUE;

export class ClientError extends Error {
  override readonly name = 'ClientError';
  readonly exitStatus: ExitStatus;

  constructor(
    readonly code: ClientErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.exitStatus = CATALOGUE[code];
  }
}

/**
 * A connection that the server closed before sending a single byte of the response. On a
 * reused keep-alive connection this usually means the server had timed it out just as we
 * wrote, so the agent may send the request again on a fresh connection.
 */
export class ConnectionClosedEarlyError extends ClientError {
  constructor(message: string, options?: { cause?: unknown }) {
    super('CLIENT_CONNECTION_CLOSED', message, options);
  }
}

/** Exit status for a completed response: 0 for 1xx-3xx, 4 for 4xx, 5 for 5xx. */
export function exitStatusForHttp(statusCode: number): ExitStatus {
  if (statusCode >= 500) return EXIT.serverError;
  if (statusCode >= 400) return EXIT.clientError;
  return EXIT.ok;
}
