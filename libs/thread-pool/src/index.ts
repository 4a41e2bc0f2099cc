export { WorkerPool, DEFAULT_RESTART_POLICY } from './worker-pool';
export type { WorkerPoolOptions, RestartPolicy, WorkerExit } from './worker-pool';
export { workerContext } from './worker-context';
export type { WorkerContext } from './worker-context';
export { SharedCounters } from './shared-counters';
export type { CounterLayout } from './shared-counters';
export { PoolError } from './errors';
export type { PoolErrorCode } from './errors';
