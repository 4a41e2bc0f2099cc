// A connection's reading side: feeds the socket's bytes to the parser, but never parses more
// than MAX_QUEUED requests ahead of their answers. Past that the parser stops at a message
// boundary, the rest of the read waits here and the socket is paused: a read of tiny pipelined
// requests never becomes thousands of queued objects.
import type { Socket } from 'node:net';
import { HttpParser, type HttpParseError, type ParserHandler, type ParserLimits } from '@mths/http-parser';

/** Requests parsed ahead of their responses before reading stops. */
export const MAX_QUEUED = 16;

/** The connection the parser reports to, which also knows how many requests wait for answers. */
export interface ReaderOwner extends ParserHandler {
  readonly queuedRequests: number;
}

export class RequestReader {
  private readonly parser: HttpParser;
  /** The part of a read the parser left when the queue was full. */
  private unparsed: Buffer | null = null;
  private socketPaused = false;

  constructor(
    private readonly socket: Socket,
    private readonly owner: ReaderOwner,
    limits: Partial<ParserLimits>,
  ) {
    this.parser = new HttpParser('request', owner, limits);
  }

  /** Between messages: no request is partly parsed. */
  get idle(): boolean {
    return this.parser.idle;
  }

  /** Later requests wait unparsed, and the socket is paused until the queue has room. */
  get waiting(): boolean {
    return this.socketPaused;
  }

  /** Bytes of later requests wait unparsed. */
  get holdsUnparsed(): boolean {
    return this.unparsed !== null;
  }

  /** Called as each request completes: with the queue full, the parser stops after this one. */
  requestQueued(): void {
    if (this.owner.queuedRequests >= MAX_QUEUED) this.parser.pause();
  }

  /** Parses `bytes` (a socket read, perhaps a view of a shared buffer); returns the parse error, if any. */
  feed(bytes: Buffer): HttpParseError | null {
    const error = this.parser.execute(bytes);
    if (error !== null) return error;
    // Set only now: while the parser works through a rest, more requests may follow in it. A copy:
    // a socket read may be a view of a buffer the next read reuses (transport's shared buffer).
    this.unparsed = this.parser.consumed < bytes.length ? Buffer.from(bytes.subarray(this.parser.consumed)) : null;
    if (!this.socketPaused && this.owner.queuedRequests >= MAX_QUEUED) {
      this.socketPaused = true;
      this.socket.pause();
    }
    return null;
  }

  /** The queue has room again: parses what waits, then reads the socket again unless the queue filled up. */
  resume(): HttpParseError | null {
    this.socketPaused = false;
    const error = this.unparsed === null ? null : this.feed(this.unparsed);
    if (!this.socketPaused && error === null) this.socket.resume();
    return error;
  }

  /**
   * The connection is closing: what waits is dropped, and the socket reads (and drops) until the
   * client's FIN. Closing with its bytes unread would send a reset that can destroy the responses
   * it has not read yet (RFC 9112 section 9.6).
   */
  discardUntilEnd(): void {
    this.unparsed = null;
    if (!this.socketPaused) return;
    this.socketPaused = false;
    this.socket.resume();
  }
}
