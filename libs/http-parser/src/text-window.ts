// Decodes the input once per window and hands out substrings of that one string: a head's
// dozen values cost one native decode instead of a dozen (substring is a cheap JS builtin).

import { latin1 } from './latin1';

/** Bytes decoded at once: a typical head, or several small pipelined ones. */
const WINDOW_BYTES = 2048;

export class TextWindow {
  private buf: Buffer | null = null;
  private start = 0;
  private end = 0;
  private text = '';

  /** buf[from, to) as latin1; bytes of buf are valid up to `limit`. */
  slice(buf: Buffer, from: number, to: number, limit: number): string {
    if (buf !== this.buf || from < this.start || to > this.end) {
      const end = Math.min(limit, Math.max(to, from + WINDOW_BYTES));
      this.text = latin1(buf, from, end);
      this.buf = buf;
      this.start = from;
      this.end = end;
    }
    return this.text.substring(from - this.start, to - this.start);
  }

  /** The caller may now reuse or change the bytes it gave us: forget them. */
  forget(): void {
    this.buf = null;
    this.text = '';
  }
}
