// The pool's error catalogue: every failure has a stable code.

export type PoolErrorCode = 'POOL_WORKER_FAILED_TO_START' | 'POOL_WORKER_UNRESPONSIVE' | 'POOL_NOT_STARTED' | 'POOL_NOT_IN_WORKER';

export class PoolError extends Error {
  override readonly name = 'PoolError';
  constructor(
    readonly code: PoolErrorCode,
    message: string,
    /** The underlying cause's code when there is one (EADDRINUSE, ...). */
    readonly causeCode?: string,
  ) {
    super(message);
  }
}
