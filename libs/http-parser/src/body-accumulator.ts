// A message body as it arrives, copied into one growing Buffer. onBody hands out views of the
// bytes given to execute(); keeping those would cost an object per piece (a 10 MiB chunked body
// sent in 1-byte chunks is ten million of them, gigabytes of heap) and pin every read they came
// from. Copying costs the body's bytes once, and the owner gets one Buffer of its own.

const EMPTY = Buffer.alloc(0);
const MIN_CAPACITY = 256;

export class BodyAccumulator {
  private buffer: Buffer = EMPTY;
  private filled = 0;

  /** `maxLength`: the most the body can be (its Content-Length, or the size limit); capacity stays within it. */
  constructor(private readonly maxLength: number) {}

  append(piece: Buffer): void {
    const need = this.filled + piece.length;
    if (need > this.buffer.length) {
      // Doubling keeps a body that trickles in linear in its size.
      const capacity = Math.max(need, Math.min(Math.max(MIN_CAPACITY, this.buffer.length * 2), this.maxLength));
      const grown = Buffer.allocUnsafe(capacity);
      this.buffer.copy(grown, 0, 0, this.filled);
      this.buffer = grown;
    }
    piece.copy(this.buffer, this.filled);
    this.filled = need;
  }

  /** Body bytes so far. */
  get length(): number {
    return this.filled;
  }

  /** Bytes of memory held: under twice the body, and within maxLength unless the body passed it. */
  get capacity(): number {
    return this.buffer.length;
  }

  /** The bytes so far (a view of this accumulator's own memory, not of any socket read). */
  bytes(): Buffer {
    return this.filled === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.filled);
  }
}
