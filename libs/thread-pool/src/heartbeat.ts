// Liveness of workers whose event loop may block: each worker bumps its cell in a shared
// Int32Array on a timer; the main thread notices a cell that stopped moving. A crash ends a
// worker by itself; a busy loop (for (;;) {}) needs this to be seen at all.

export interface HeartbeatOptions {
  /** How often a worker beats (and how often the pool looks). */
  readonly intervalMs: number;
  /** A worker silent this long is declared hung and replaced. */
  readonly timeoutMs: number;
}

/** Worker side: beat every `intervalMs` without keeping the thread alive on its own. */
export function startHeartbeat(buffer: SharedArrayBuffer, index: number, intervalMs: number): void {
  const beats = new Int32Array(buffer);
  setInterval(() => Atomics.add(beats, index, 1), intervalMs).unref();
}

/** Main side: remembers when each worker's beat last moved. */
export class HeartbeatMonitor {
  readonly buffer: SharedArrayBuffer;
  private readonly beats: Int32Array;
  private readonly lastSeen: number[];
  private readonly movedAt: number[];

  constructor(size: number) {
    this.buffer = new SharedArrayBuffer(size * Int32Array.BYTES_PER_ELEMENT);
    this.beats = new Int32Array(this.buffer);
    this.lastSeen = new Array<number>(size).fill(0);
    this.movedAt = new Array<number>(size).fill(0);
  }

  /** A (re)started worker gets a fresh grace period. */
  reset(index: number, now: number): void {
    this.lastSeen[index] = Atomics.load(this.beats, index);
    this.movedAt[index] = now;
  }

  /** Milliseconds since worker `index` last beat (0 when it just did). */
  silentFor(index: number, now: number): number {
    const beat = Atomics.load(this.beats, index);
    if (beat !== this.lastSeen[index]) {
      this.lastSeen[index] = beat;
      this.movedAt[index] = now;
    }
    return now - this.movedAt[index]!;
  }
}
