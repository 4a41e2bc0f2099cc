// Worker-thread side of the pool: the worker's slot, its counters, and the ready/drain handshake.
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { PoolError } from './errors';
import { SharedCounters } from './shared-counters';
import { startHeartbeat } from './heartbeat';
import { POOL_DRAIN, POOL_FAILED, POOL_READY, isPoolMessage, type PoolWorkerData } from './messages';

export interface WorkerContext<T> {
  /** This worker's slot in the pool, 0-based; a replacement keeps its predecessor's index. */
  readonly index: number;
  readonly data: T;
  readonly counters: SharedCounters;
  /** Tells the pool this worker is serving; `info` is handed to start()'s caller. */
  ready(info?: unknown): void;
  /** Tells the pool this worker could not start, then exits. */
  fail(error: Error & { code?: string }): void;
  /** Runs `drain` when the pool stops; the worker exits once it resolves. */
  onDrain(drain: () => Promise<void> | void): void;
  /** Receives the messages the main thread sends (except the pool's own). */
  onMessage(listener: (message: unknown) => void): void;
  send(message: unknown): void;
}

export function workerContext<T>(): WorkerContext<T> {
  if (isMainThread || !parentPort) throw new PoolError('POOL_NOT_IN_WORKER', 'workerContext() runs only inside a pool worker');
  const port = parentPort;
  const data = workerData as PoolWorkerData<T>;
  const counters = new SharedCounters(data.counters);
  if (data.heartbeat) startHeartbeat(data.heartbeat.buffer, data.index, data.heartbeat.intervalMs);
  const listeners: ((message: unknown) => void)[] = [];
  let drain: (() => Promise<void> | void) | undefined;

  port.on('message', (message: unknown) => {
    if (isPoolMessage(message, POOL_DRAIN)) {
      Promise.resolve(drain?.()).finally(() => {
        port.close();
        process.exit(0);
      });
      return;
    }
    for (const listener of listeners) listener(message);
  });

  return {
    index: data.index,
    data: data.user,
    counters,
    ready: (info) => port.postMessage({ type: POOL_READY, info }),
    fail: (error) => {
      port.postMessage({ type: POOL_FAILED, code: error.code, message: error.message });
      process.exit(1);
    },
    onDrain: (fn) => {
      drain = fn;
    },
    onMessage: (listener) => listeners.push(listener),
    send: (message) => port.postMessage(message),
  };
}
