// Defaults for timeouts, sizes and limits, in one frozen object read by the CLI, the REPL and tests.

export const CLIENT_DEFAULTS = Object.freeze({
  /** Connect timeout and response-stall timeout (`--timeout`, seconds on the command line). */
  timeoutMs: 30_000,
  /** Largest response body the client buffers; bigger ones fail rather than eat memory. */
  maxResponseBodyBytes: 512 * 1024 * 1024,
  /** Entries kept in the history file; the oldest go first. */
  historyLimit: 100,
  /** Inline bodies larger than this are not written to the history file. */
  historyBodyLimit: 64 * 1024,
  /** File name of the history in the home folder; `HTTP_CLIENT_HISTORY` overrides the path. */
  historyFileName: '.http-client-history.json',
  /** Screen height when the terminal does not say (pipes, tests). */
  screenRows: 24,
  /** Screen width when the terminal does not say. */
  screenColumns: 100,
  userAgent: 'mths-http-client/0.1',
});

/** Methods the REPL offers and the one-shot commands are named after. */
export const METHODS = Object.freeze(['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS'] as const);
export type Method = (typeof METHODS)[number];

export function isMethod(value: string): value is Method {
  return (METHODS as readonly string[]).includes(value);
}

/** RFC 9110 section 9.2.2: these may be sent again when a reused connection dies unanswered. */
const IDEMPOTENT: readonly string[] = ['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS', 'TRACE'];

export function isIdempotent(method: string): boolean {
  return IDEMPOTENT.includes(method);
}
