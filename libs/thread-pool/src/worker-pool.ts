// Main-thread side of the pool: starts N workers, replaces the ones that crash (with backoff),
// and drains them all on stop(). Knows nothing of HTTP.
import { EventEmitter } from 'node:events';
import { Worker } from 'node:worker_threads';
import { PoolError } from './errors';
import { SharedCounters } from './shared-counters';
import { HeartbeatMonitor, type HeartbeatOptions } from './heartbeat';
import { POOL_DRAIN, POOL_FAILED, POOL_READY, isPoolMessage, type PoolFailedMessage, type PoolWorkerData } from './messages';

export interface RestartPolicy {
  /** Delay before the first restart of a crashed worker. */
  readonly initialDelayMs: number;
  /** Ceiling of the doubling delay while a worker keeps crashing. */
  readonly maxDelayMs: number;
  /** A worker that lived this long counts as healthy again: its next crash restarts fast. */
  readonly healthyAfterMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = Object.freeze({
  initialDelayMs: 50,
  maxDelayMs: 5_000,
  healthyAfterMs: 10_000,
});

export interface WorkerPoolOptions<T> {
  readonly size: number;
  /** The worker's script (a built .js file, or a .ts one when run under tsx). */
  readonly script: string;
  readonly workerData: T;
  readonly counterNames: readonly string[];
  /** Counters that describe live state (open connections): zeroed when their worker dies. */
  readonly gaugeNames?: readonly string[];
  readonly restart?: RestartPolicy;
  readonly execArgv?: string[];
  readonly env?: NodeJS.ProcessEnv;
  readonly resourceLimits?: import('node:worker_threads').ResourceLimits;
  /** Replace a worker whose event loop stops beating (a busy loop, a deadlock). */
  readonly heartbeat?: HeartbeatOptions;
}

export interface WorkerExit {
  readonly index: number;
  /** The dead thread's id (what `threadId` said inside it), e.g. to clean up files it named by it. */
  readonly threadId: number;
  readonly exitCode: number;
  readonly error: Error | undefined;
  /** Milliseconds until its replacement starts. */
  readonly restartInMs: number;
}

interface Slot {
  /** Terminated by the watchdog: its exit is reported as unresponsive. */
  hung: boolean;
  worker: Worker | undefined;
  /** The thread id of the slot's latest worker, kept after it exits. */
  threadId: number;
  startedAt: number;
  crashes: number;
  restartTimer: NodeJS.Timeout | undefined;
}

/**
 * Events: 'worker-exit' (WorkerExit) when a worker died unexpectedly, 'worker-hung' (index,
 * silentMs) just before a worker that stopped beating is terminated, 'worker-restart' (index)
 * when its replacement is ready, 'message' (index, message) for everything workers send.
 */
export class WorkerPool<T> extends EventEmitter {
  readonly counters: SharedCounters;
  private readonly slots: Slot[] = [];
  private readonly policy: RestartPolicy;
  private stopping = false;
  private readonly monitor: HeartbeatMonitor | undefined;
  private watchdog: NodeJS.Timeout | undefined;

  constructor(private readonly options: WorkerPoolOptions<T>) {
    super();
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError('pool size must be a positive integer');
    this.policy = options.restart ?? DEFAULT_RESTART_POLICY;
    this.counters = SharedCounters.create(options.counterNames, options.size);
    this.monitor = options.heartbeat ? new HeartbeatMonitor(options.size) : undefined;
    for (let i = 0; i < options.size; i++) {
      this.slots.push({ worker: undefined, threadId: -1, startedAt: 0, crashes: 0, restartTimer: undefined, hung: false });
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Starts every worker; resolves with their ready infos, rejects (and stops the rest) if one fails. */
  async start(): Promise<unknown[]> {
    try {
      const infos = await Promise.all(this.slots.map((_, index) => this.spawn(index)));
      this.startWatchdog();
      return infos;
    } catch (error) {
      await this.stop(1_000);
      throw error;
    }
  }

  /** Sends a message to every live worker. */
  broadcast(message: unknown): void {
    for (const slot of this.slots) slot.worker?.postMessage(message);
  }

  /** Sends a message to one worker. */
  send(index: number, message: unknown): void {
    this.slots[index]?.worker?.postMessage(message);
  }

  /** Thread ids of the live workers, by slot (undefined while a slot restarts). */
  threadIds(): (number | undefined)[] {
    return this.slots.map((slot) => slot.worker?.threadId);
  }

  /**
   * Asks every worker to drain (finish in-flight work, then exit) and waits; workers still
   * running after `timeoutMs` are terminated. Resolves with how many had to be forced.
   */
  async stop(timeoutMs: number): Promise<{ forced: number }> {
    this.stopping = true;
    clearInterval(this.watchdog);
    let forced = 0;
    const exits = this.slots.map(async (slot) => {
      if (slot.restartTimer) clearTimeout(slot.restartTimer);
      const worker = slot.worker;
      if (!worker) return;
      const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
      worker.postMessage({ type: POOL_DRAIN });
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(true), timeoutMs);
      });
      if (await Promise.race([exited.then(() => false), timedOut])) {
        forced++;
        await worker.terminate();
      }
      clearTimeout(timer);
    });
    await Promise.all(exits);
    return { forced };
  }

  private spawn(index: number): Promise<unknown> {
    const heartbeat = this.monitor && this.options.heartbeat
      ? { buffer: this.monitor.buffer, intervalMs: this.options.heartbeat.intervalMs }
      : undefined;
    const data: PoolWorkerData<T> = { index, counters: this.counters.layout, heartbeat, user: this.options.workerData };
    const worker = new Worker(this.options.script, {
      workerData: data,
      execArgv: this.options.execArgv,
      env: this.options.env,
      resourceLimits: this.options.resourceLimits,
    });
    const slot = this.slots[index]!;
    slot.worker = worker;
    slot.threadId = worker.threadId;
    slot.startedAt = Date.now();
    slot.hung = false;
    this.monitor?.reset(index, slot.startedAt);

    return new Promise((resolve, reject) => {
      let ready = false;
      let failure: Error | undefined;
      worker.on('message', (message: unknown) => {
        if (!ready && isPoolMessage(message, POOL_READY)) {
          ready = true;
          // The grace period counts from ready: a slow start (tsx compiling) is not a hang.
          this.monitor?.reset(index, Date.now());
          resolve((message as { info: unknown }).info);
        } else if (isPoolMessage(message, POOL_FAILED)) {
          const failed = message as PoolFailedMessage;
          failure = new PoolError('POOL_WORKER_FAILED_TO_START', failed.message, failed.code);
        } else {
          this.emit('message', index, message);
        }
      });
      worker.on('error', (error) => {
        failure = error;
      });
      worker.on('exit', (exitCode) => {
        if (slot.worker === worker) slot.worker = undefined;
        this.counters.reset(index, this.options.gaugeNames ?? []);
        if (!ready) {
          reject(failure ?? new PoolError('POOL_WORKER_FAILED_TO_START', `worker ${index} exited with code ${exitCode} before it was ready`));
          return;
        }
        if (this.stopping) return;
        const why = slot.hung
          ? new PoolError('POOL_WORKER_UNRESPONSIVE', `worker ${index} stopped answering its heartbeat and was terminated`)
          : failure;
        this.scheduleRestart(index, exitCode, why);
      });
    });
  }

  /** Terminates workers whose heartbeat stopped; their exit then restarts them as for a crash. */
  private startWatchdog(): void {
    const options = this.options.heartbeat;
    const monitor = this.monitor;
    if (!options || !monitor) return;
    this.watchdog = setInterval(() => {
      const now = Date.now();
      this.slots.forEach((slot, index) => {
        if (!slot.worker || slot.hung) return;
        const silent = monitor.silentFor(index, now);
        if (silent < options.timeoutMs) return;
        slot.hung = true;
        this.emit('worker-hung', index, silent);
        void slot.worker.terminate();
      });
    }, options.intervalMs);
    this.watchdog.unref();
  }

  private scheduleRestart(index: number, exitCode: number, error: Error | undefined): void {
    const slot = this.slots[index]!;
    const lived = Date.now() - slot.startedAt;
    slot.crashes = lived >= this.policy.healthyAfterMs ? 1 : slot.crashes + 1;
    const delay = Math.min(this.policy.maxDelayMs, this.policy.initialDelayMs * 2 ** (slot.crashes - 1));
    const { threadId } = slot;
    this.emit('worker-exit', { index, threadId, exitCode, error, restartInMs: delay } satisfies WorkerExit);
    slot.restartTimer = setTimeout(() => {
      slot.restartTimer = undefined;
      if (this.stopping) return;
      this.spawn(index).then(
        () => this.emit('worker-restart', index),
        (failure: Error) => this.scheduleRestart(index, 1, failure),
      );
    }, delay);
  }
}
