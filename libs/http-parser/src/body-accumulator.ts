// A message body as it arrives, copied into one growing Buffer. onBody hands out views of the
// bytes given to execute(); keeping those would cost an object per piece (a 10 MiB chunked body
// sent in 1-byte chunks is ten million of them, gigabytes of heap) and pin every read they came
// from. Copying costs the body's bytes once, and the owner gets one Buffer of its own.

const EMPTY = Buffer.alloc(0);
const MIN_CAPACITY = 256;

export class BodyAccumulator {
  private buffer: Buffer = EMPTY;
  private filled = 0;

  /** `expectedLength`: the declared Content-Length (the capacity never passes it), or -1 when unknown. */
  constructor(private readonly expectedLength: number) {}

  append(piece: Buffer): void {
    const need = this.filled + piece.length;
    if (need > this.buffer.length) {
      // Doubling keeps a body that trickles in linear in its size.
      let capacity = Math.max(need, MIN_CAPACITY, this.buffer.length * 2);
      if (this.expectedLength >= need) capacity = Math.min(capacity, this.expectedLength);
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

  /** Bytes of memory held (at most twice the body, and never past a declared length). */
  get capacity(): number {
    return this.buffer.length;
  }

  /** The bytes so far (a view of this accumulator's own memory, not of any socket read). */
  bytes(): Buffer {
    return this.filled === this.buffer.length ? this.buffer : this.buffer.subarray(0, this.filled);
  }
}
