// The memory small responses are made in, reused instead of allocated per response. A fresh
// Buffer per response is external memory to V8: at 120k 2 KB answers a second that is 250 MB/s,
// and it set off a mark-compact every half second (9-13 in 5 s with --trace-gc, 3-4 ms pauses;
// wrk's p99 6 ms). Reusing one slab: 2 in 5 s, p99 3.5 ms, 6% less CPU per request.
//
// A response taken from the slab is written (or dropped) within its loop turn (turn-flush.ts).
// Once every response taken is released, the slab is reused from its start. Memory the socket
// still refers to (a write the kernel did not take at once, kept by Node until it completes) is
// never reused: the slab is then left to the garbage collector and a new one is made.

/** Fits a turn's worth of small responses: 64 connections with 2 KB pages use ~150 KiB. */
const SLAB_BYTES = 256 * 1024;

export class ResponseArena {
  private slab: Buffer;
  private used = 0;
  /** Responses taken and not yet released. */
  private live = 0;
  /** A socket still refers to part of the slab: it must not be written again. */
  private pinned = false;

  constructor(private readonly slabBytes = SLAB_BYTES) {
    this.slab = Buffer.allocUnsafeSlow(slabBytes);
  }

  /** `length` bytes for one response, to be released once written or dropped. */
  readonly take = (length: number): Buffer => {
    if (this.live === 0) {
      if (this.pinned) this.renew();
      this.used = 0;
    }
    this.live++;
    if (length > this.slabBytes) return Buffer.allocUnsafe(length);
    // Responses still live in a full slab keep it alive until they are released.
    if (this.used + length > this.slabBytes) this.renew();
    const bytes = this.slab.subarray(this.used, this.used + length);
    this.used += length;
    return bytes;
  };

  /**
   * A response taken from here was written or dropped; `stillReferenced`: the socket did not
   * take it all at once and keeps it (socket.writableLength > 0 after the write).
   */
  release(stillReferenced: boolean): void {
    this.live--;
    if (stillReferenced) this.pinned = true;
  }

  private renew(): void {
    this.slab = Buffer.allocUnsafeSlow(this.slabBytes);
    this.used = 0;
    this.pinned = false;
  }
}
