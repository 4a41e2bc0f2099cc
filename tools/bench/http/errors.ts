// Error catalogue of the HTTP bench: every way a cell can fail has a stable code, so the
// report says why a cell is empty instead of printing a stack.

export type BenchErrorCode =
  | 'BENCH_BAD_OPTION' // a command-line flag the bench cannot use
  | 'BENCH_SERVER_EXITED' // the server process ended before it was listening
  | 'BENCH_SERVER_TIMEOUT' // no `listening on` line / open port within the start budget
  | 'BENCH_PREFLIGHT_FAILED' // the first request got the wrong status or body size
  | 'BENCH_LOAD_FAILED' // the load generator failed or printed nothing parsable
  | 'BENCH_IDLE_FAILED'; // the idle connections did not all get their response in time

export class BenchError extends Error {
  constructor(
    readonly code: BenchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'BenchError';
  }
}

/** One line for the report, whatever was thrown. */
export function describeFailure(error: unknown): string {
  if (error instanceof BenchError) return `${error.code}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
