// The few messages the pool itself exchanges with its workers; anything else is the user's.

export const POOL_READY = 'pool:ready';
export const POOL_DRAIN = 'pool:drain';
export const POOL_FAILED = 'pool:failed';

export interface PoolReadyMessage {
  readonly type: typeof POOL_READY;
  readonly info: unknown;
}
export interface PoolDrainMessage {
  readonly type: typeof POOL_DRAIN;
}
/** A worker that cannot start (a busy port, say) reports why before it exits. */
export interface PoolFailedMessage {
  readonly type: typeof POOL_FAILED;
  readonly code: string | undefined;
  readonly message: string;
}

/** What a pool worker receives as `workerData`. */
export interface PoolWorkerData<T> {
  readonly index: number;
  readonly counters: { readonly names: readonly string[]; readonly slots: number; readonly buffer: SharedArrayBuffer };
  /** Present when the pool watches for hung workers. */
  readonly heartbeat: { readonly buffer: SharedArrayBuffer; readonly intervalMs: number } | undefined;
  readonly user: T;
}

export function isPoolMessage(value: unknown, type: string): boolean {
  return typeof value === 'object' && value !== null && (value as { type?: unknown }).type === type;
}
