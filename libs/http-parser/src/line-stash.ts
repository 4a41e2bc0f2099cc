// Holds the unfinished line of a head (or chunk-size/trailer line) between execute() calls.
// Only this partial line is ever copied; a complete head in one chunk is never copied.

export class LineStash {
  private buf: Buffer | null = null;
  /** Bytes held; 0 when no line is pending. */
  length = 0;

  /** The bytes held, valid in [0, length) until the next append. */
  get bytes(): Buffer {
    return this.buf ?? Buffer.alloc(0);
  }

  append(src: Buffer, start: number, end: number): void {
    const need = this.length + end - start;
    if (this.buf === null || need > this.buf.length) {
      // Doubling keeps a head that trickles in byte by byte linear in its size.
      const grown = Buffer.allocUnsafe(Math.max(need, 256, this.buf === null ? 0 : this.buf.length * 2));
      if (this.buf !== null) this.buf.copy(grown, 0, 0, this.length);
      this.buf = grown;
    }
    src.copy(this.buf, this.length, start, end);
    this.length = need;
  }

  clear(): void {
    this.length = 0;
    // An idle keep-alive connection should not pin a 16 KiB buffer from one long head.
    if (this.buf !== null && this.buf.length > 4096) this.buf = null;
  }
}
