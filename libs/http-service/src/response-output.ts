// A connection's outgoing side: puts finished responses on the wire in as few writes as possible
// and keeps the clock the write-stall timeout reads. A small response is held until the end of
// the loop turn (turn-flush.ts), so the responses of one turn leave together; anything written
// after it (a second response, a large body, a file, the end) sends it first, keeping order.
import type { Socket } from 'node:net';
import { CLOSE_HEADERS, finishHead, keepAliveHeaders, type ConnectionHeaders, type FixedHead } from '@mths/response-builders';
import type { ServerConfig } from './config';
import type { ResponseArena } from './response-arena';
import { sendFile } from './send-file';
import type { Flushable, TurnFlush } from './turn-flush';

/** Bodies above this go out in their own write instead of being copied behind the head. */
const COPY_BODY_LIMIT = 16 * 1024;

/** `Connection: keep-alive` + `Keep-Alive: timeout, max` (requests left), or `Connection: close`. */
export function connectionLines(keepAlive: boolean, config: ServerConfig, served: number): ConnectionHeaders {
  return keepAlive
    ? keepAliveHeaders(Math.ceil(config.keepAliveTimeoutMs / 1000), config.maxRequestsPerConnection - served)
    : CLOSE_HEADERS;
}

export class ResponseOutput implements Flushable {
  /** A response made this turn (in the arena), written at its end or before anything else. */
  private held: Buffer | null = null;
  private lastBytesWritten = 0;
  /** When the client last took bytes or had nothing left to take (see trackProgress). */
  stalledSince = 0;

  constructor(
    private readonly socket: Socket,
    private readonly turnFlush: TurnFlush,
    private readonly arena: ResponseArena,
  ) {}

  /** Response bytes written but not yet taken by the kernel (the client is not reading). */
  get unreadBytes(): number {
    return this.socket.writableLength;
  }

  /** Head and in-memory body (null: none); returns the bytes put on the wire. */
  send(fixedHead: FixedHead, connection: ConnectionHeaders, body: Buffer | null): number {
    if (body !== null && body.length > COPY_BODY_LIMIT) {
      // Corked as a pair, so the large body is not copied behind its head.
      this.flushHeld();
      const head = finishHead(fixedHead, connection);
      this.socket.cork();
      this.socket.write(head);
      this.socket.write(body);
      this.socket.uncork();
      return head.length + body.length;
    }
    const whole = finishHead(fixedHead, connection, body ?? undefined, Date.now(), this.arena.take);
    this.hold(whole);
    return whole.length;
  }

  /** Streams `size` bytes of the file after `head`; resolves with the body bytes sent (send-file.ts). */
  sendFile(head: Buffer, path: string, size: number): Promise<number> {
    this.flushHeld();
    return sendFile(this.socket, head, path, size);
  }

  /** An interim response (100 Continue) goes out now, after anything held. */
  sendNow(bytes: Buffer): void {
    this.flushHeld();
    this.socket.write(bytes);
  }

  /** Our side is done: what is held goes out, then FIN. */
  end(): void {
    this.flushHeld();
    this.socket.end();
  }

  /** The socket is gone: nothing held can be delivered. */
  discard(): void {
    if (this.held === null) return;
    this.held = null;
    this.arena.release(false);
  }

  /** Writes the held response, if any (turn-flush.ts calls this at the end of the turn). */
  flushHeld(): void {
    const held = this.held;
    if (held === null) return;
    this.held = null;
    this.writeHeld(held);
  }

  /** While an answer is being written: the stall clock restarts whenever the buffer empties or bytes move. */
  trackProgress(now: number): void {
    const written = this.socket.bytesWritten;
    if (this.socket.writableLength === 0 || written !== this.lastBytesWritten) {
      this.lastBytesWritten = written;
      this.stalledSince = now;
    }
  }

  /** Keeps `bytes` for the end of the turn; a response already held this turn goes out first. */
  private hold(bytes: Buffer): void {
    if (this.held !== null) this.writeHeld(this.held);
    else this.turnFlush.atTurnEnd(this);
    this.held = bytes;
  }

  /** Writes arena bytes and tells the arena whether the socket kept a reference to them. */
  private writeHeld(bytes: Buffer): void {
    if (this.socket.destroyed) return this.arena.release(false);
    this.socket.write(bytes);
    // Zero: the kernel took every byte during write(), and nothing refers to them any more.
    this.arena.release(this.socket.writableLength > 0);
  }
}
