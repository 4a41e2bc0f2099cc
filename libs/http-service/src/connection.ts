// One client socket: feeds bytes to the parser, answers requests strictly in order (pipelining),
// keeps the connection alive or closes it per RFC 9112 section 9, and enforces the timeouts
// when the service's sweep asks.
import type { Socket } from 'node:net';
import { HttpParseError, type MessageHead, type ParserLimits } from '@mths/http-parser';
import { finishHead } from '@mths/response-builders';
import type { BufferResult, Handler, HttpResult } from '@mths/handlers';
import type { ServerConfig } from './config';
import type { AccessLog } from './access-log';
import type { ServiceStats } from './service-stats';
import { ResponseOutput, connectionLines } from './response-output';
import { MIN_BODY_BYTES_PER_SECOND, timeoutVerdict, zeroClocks, type ConnectionPhase } from './timeout-policy';
import { listenTo } from './socket-listeners';
import type { Listed } from './connection-list';
import type { TurnFlush } from './turn-flush';
import type { ResponseArena } from './response-arena';
import { CONTINUE_100, PendingRequest, expectsContinue } from './pending-request';
import { RequestReader, type ReaderOwner } from './request-reader';
import { Fifo } from './fifo';

/** What every connection of a service shares. */
export interface ConnectionEnv {
  readonly config: ServerConfig;
  readonly handler: Handler;
  readonly errorResult: (status: number) => BufferResult;
  readonly stats: ServiceStats;
  readonly log: AccessLog;
  readonly parserLimits: Partial<ParserLimits>;
  /** Writes held responses at the end of the loop turn, so they leave together. */
  readonly turnFlush: TurnFlush;
  /** The reused memory those held responses are made in. */
  readonly arena: ResponseArena;
}

/** Response bytes waiting in our send buffer before queued requests wait for the client to read. */
const MAX_UNREAD_BYTES = 64 * 1024;

type Queued = PendingRequest | HttpParseError;

/**
 * Filled in for each connection the timeout sweep visits, instead of a fresh object per visit:
 * the sweep sees every open connection four times a second, idle ones included.
 */
const SWEEP_CLOCKS = zeroClocks('idle');

export class Connection implements ReaderOwner, Listed {
  /** This connection's place in the service's ConnectionList. */
  listIndex = -1;
  private readonly reader: RequestReader;
  private peerAddress: string | undefined;
  private readonly queue = new Fifo<Queued>();
  private readonly output: ResponseOutput;
  private current: PendingRequest | null = null;
  /** An async handler or a file stream is answering: later requests wait their turn. */
  private busy = false;
  private served = 0;
  private closing = false;
  private closingSince = 0;
  private broken = false;
  private peerEnded = false;
  private draining = false;
  /** Waiting for the client to read before answering more (counted in stalledReaders). */
  private stalledReader = false;
  /**
   * The clock of what the connection is doing now, read once per event: a 'data' event, or the
   * end of an async answer, a file or a drain (processQueue marks the idle start with it).
   */
  private now: number;
  private messageStartedAt: number;
  private lastByteAt: number;
  private idleSince: number;

  constructor(
    private readonly socket: Socket,
    private readonly env: ConnectionEnv,
    private readonly onGone: (connection: Connection) => void,
  ) {
    this.reader = new RequestReader(socket, this, env.parserLimits);
    this.output = new ResponseOutput(socket, env.turnFlush, env.arena);
    this.now = performance.now();
    this.messageStartedAt = this.now;
    this.lastByteAt = this.now;
    this.idleSince = this.now;
    listenTo(socket, this);
  }

  get queuedRequests(): number {
    return this.queue.length;
  }

  /** The client's address, looked up once on first use (a quiet server never needs it). */
  get remoteAddress(): string {
    this.peerAddress ??= this.socket.remoteAddress ?? '-';
    return this.peerAddress;
  }

  // ---- parser callbacks -------------------------------------------------------------------

  onHead(head: MessageHead): void {
    this.current = new PendingRequest(head, this, this.messageStartedAt, this.env.config.maxBodyBytes);
    // A body may be cut off by a reset, after which the address can no longer be asked: learn it now.
    if (head.contentLength > 0 || head.chunked) this.peerAddress ??= this.socket.remoteAddress ?? '-';
    // A client waiting for 100 Continue gets it once we are ready to read its body.
    if (!this.busy && this.queue.length === 0 && expectsContinue(head)) this.output.sendNow(CONTINUE_100);
  }

  onBody(chunk: Buffer): void {
    this.current!.appendBody(chunk);
  }

  onComplete(): void {
    const request = this.current!;
    this.current = null;
    this.messageStartedAt = this.now;
    this.queue.push(request);
    if (!this.busy) this.processQueue();
    this.reader.requestQueued();
  }

  // ---- socket events ----------------------------------------------------------------------

  /** @internal socket listener */
  onData(chunk: Buffer): void {
    if (this.closing || this.broken) return;
    this.env.stats.bytes(chunk.length, 0);
    const now = performance.now();
    this.now = now;
    this.lastByteAt = now;
    this.parse(chunk);
  }

  private parse(bytes: Buffer): void {
    if (this.reader.idle && this.current === null) this.messageStartedAt = this.now;
    this.failOn(this.reader.feed(bytes));
  }

  /** The queue has room again: what the reader holds starts at a message boundary. */
  private resumeReading(): void {
    this.now = performance.now();
    if (this.reader.holdsUnparsed) this.messageStartedAt = this.now;
    this.failOn(this.reader.resume());
  }

  /** A parse error is answered in its turn, and then the connection closes. */
  private failOn(error: HttpParseError | null): void {
    if (error === null) return;
    this.broken = true;
    this.queue.push(error);
    if (!this.busy) this.processQueue();
  }

  /** @internal socket listener */
  onEnd(): void {
    this.peerEnded = true;
    // Requests may wait unparsed in the reader: processQueue ends the connection after them.
    if (this.reader.holdsUnparsed) return;
    // A half-sent request can never complete now; finished ones still get their answers.
    this.abandonPartialRequest('closed its side');
    if (!this.busy && this.queue.length === 0) this.close();
  }

  /** @internal socket listener */
  onClose(): void {
    this.output.discard();
    this.abandonPartialRequest('went away');
    this.setStalledReader(false);
    this.closing = true;
    this.queue.clear();
    this.onGone(this);
  }

  /** A body cut off by the client is dropped (nothing was written for it) and logged. */
  private abandonPartialRequest(how: string): void {
    const request = this.current;
    if (request === null) return;
    this.current = null;
    const { head } = request;
    const expected = head.contentLength >= 0 ? ` of ${head.contentLength}` : '';
    this.env.log.warn(
      `${this.remoteAddress} ${how} during the body of ${head.method} ${head.target} (${request.bodyLength}${expected} bytes received); request dropped`,
    );
  }

  // ---- answering --------------------------------------------------------------------------

  private processQueue(): void {
    while (!this.busy && !this.closing && this.queue.length > 0) {
      // A client that pipelines but does not read its answers gets no more until it does.
      if (this.output.unreadBytes > MAX_UNREAD_BYTES) {
        this.busy = true;
        this.setStalledReader(true);
        this.socket.once('drain', this.resumeAfterDrain);
        return;
      }
      const item = this.queue.shift()!;
      if (item instanceof HttpParseError) {
        this.respond(null, this.env.errorResult(item.status), this.now);
        return;
      }
      let result: HttpResult | Promise<HttpResult>;
      try {
        result = this.env.handler(item);
      } catch (error) {
        result = this.internalError(item, error);
      }
      if (result instanceof Promise) {
        this.busy = true;
        result.then(
          (answer) => this.afterAsync(item, answer),
          (error: unknown) => this.afterAsync(item, this.internalError(item, error)),
        );
        return;
      }
      this.respond(item, result, item.startedAt);
    }
    if (this.busy || this.closing) return;
    this.idleSince = this.now;
    if (this.reader.waiting) {
      this.resumeReading();
      if (this.busy || this.closing || this.reader.waiting) return;
    }
    if ((this.peerEnded && !this.reader.holdsUnparsed) || this.draining) this.close();
  }

  private readonly resumeAfterDrain = (): void => {
    this.now = performance.now();
    this.busy = false;
    this.setStalledReader(false);
    this.processQueue();
  };

  /** Keeps the shared `stalledReaders` gauge in step with this connection, once each way. */
  private setStalledReader(stalled: boolean): void {
    if (stalled === this.stalledReader) return;
    this.stalledReader = stalled;
    this.env.stats.readerStalled(stalled);
  }

  private afterAsync(request: PendingRequest, result: HttpResult): void {
    this.now = performance.now();
    this.busy = false;
    if (this.closing || this.socket.destroyed) return;
    this.respond(request, result, request.startedAt);
    this.processQueue();
  }

  private internalError(request: PendingRequest, error: unknown): BufferResult {
    const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
    this.env.log.warn(`500 for ${request.head.method} ${request.head.target}: ${reason}`);
    return this.env.errorResult(500);
  }

  /** Writes one response; `request` is null for a parse error (always followed by close). */
  private respond(request: PendingRequest | null, result: HttpResult, startedAt: number): void {
    const { config, stats } = this.env;
    this.served++;
    stats.request();
    const keepAlive =
      request !== null &&
      !result.close &&
      request.head.keepAlive &&
      this.served < config.maxRequestsPerConnection &&
      !this.draining &&
      !(this.peerEnded && this.queue.length === 0 && !this.reader.holdsUnparsed);
    const connection = connectionLines(keepAlive, config, this.served);

    if (result.kind === 'buffer' || result.headOnly) {
      const body = result.kind === 'buffer' ? result.body : null;
      stats.bytes(0, this.output.send(result.fixedHead, connection, body));
      this.env.log.answered(this, request?.head ?? null, result.status, body === null ? 0 : body.length, startedAt);
      if (!keepAlive) this.close();
      return;
    }
    const head = finishHead(result.fixedHead, connection);
    this.busy = true;
    this.output.sendFile(head, result.path, result.size).then(
      (sent) => this.afterFile(request, result.status, head.length, sent, result.size, keepAlive, startedAt),
      (error: unknown) => {
        this.env.log.warn(`cannot send ${result.path}: ${error instanceof Error ? error.message : String(error)}`);
        this.afterFile(request, result.status, 0, 0, result.size, false, startedAt);
      },
    );
  }

  private afterFile(
    request: PendingRequest | null,
    status: number,
    headBytes: number,
    sent: number,
    size: number,
    keepAlive: boolean,
    startedAt: number,
  ): void {
    this.now = performance.now();
    this.busy = false;
    this.env.stats.bytes(0, headBytes + sent);
    this.env.log.answered(this, request?.head ?? null, status, sent, startedAt);
    if (sent < size) {
      // The promised length was not delivered: the framing is broken, the socket must go.
      this.socket.destroy();
      return;
    }
    if (!keepAlive) this.close();
    else this.processQueue();
  }

  /** Ends our side after the last response; the peer gets LINGER_MS to close its side. */
  private close(): void {
    if (this.closing) return;
    this.closing = true;
    this.closingSince = performance.now();
    this.output.end();
    this.reader.discardUntilEnd();
  }

  // ---- timers and shutdown, driven by the service --------------------------------------------

  /** Called by the service's sweep: applies the header, body, idle and write-stall timeouts. */
  checkTimers(now: number): void {
    if (this.busy && !this.closing) this.output.trackProgress(now);
    const clocks = SWEEP_CLOCKS;
    clocks.phase = this.phase();
    clocks.now = now;
    clocks.closingSince = this.closingSince;
    clocks.writeStalledSince = this.output.stalledSince;
    clocks.lastByteAt = this.lastByteAt;
    clocks.messageStartedAt = this.messageStartedAt;
    clocks.idleSince = this.idleSince;
    clocks.bodyBytes = this.current === null ? 0 : this.current.bodyLength;
    const verdict = timeoutVerdict(clocks, this.env.config);
    if (verdict === 'none') return;
    if (verdict === 'close-idle') return this.close();
    const seconds = this.env.config.headerTimeoutMs / 1000;
    if (verdict === 'head-timeout') return this.timeOut(`headers not complete within ${seconds} s`);
    if (verdict === 'body-timeout') return this.timeOut(`no body byte for ${seconds} s`);
    if (verdict === 'body-too-slow') return this.timeOut(`body slower than ${MIN_BODY_BYTES_PER_SECOND} bytes/s`);
    if (verdict === 'drop-stalled-reader') this.env.log.warn(`${this.remoteAddress} stopped reading its response: connection dropped`);
    this.socket.destroy();
  }

  private phase(): ConnectionPhase {
    if (this.closing) return 'closing';
    if (this.busy) return 'writing';
    if (this.queue.length > 0) return 'queued';
    if (this.current !== null) return 'body';
    if (!this.reader.idle || this.served === 0) return 'head';
    return 'idle';
  }

  private timeOut(why: string): void {
    this.env.log.warn(`408 to ${this.remoteAddress}: ${why}`);
    this.broken = true;
    this.respond(null, this.env.errorResult(408), this.messageStartedAt);
  }

  /** Graceful shutdown: an idle connection closes now, a busy one after its current response. */
  drain(): void {
    this.draining = true;
    if (!this.busy && this.queue.length === 0 && this.current === null && this.reader.idle) this.close();
  }
}
