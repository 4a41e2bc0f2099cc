// One HTTP/1.1 connection: writes a request, feeds the socket's bytes to the shared parser in
// response mode, and settles with the response, or with a typed error that says how far the
// response got when the server closed, reset or stalled.
import type { Socket } from 'node:net';
import { BodyAccumulator, DEFAULT_PARSER_LIMITS, HttpParser, type MessageHead, type ParserHandler, type ParserLimits } from '@mths/http-parser';
import { ClientError, ConnectionClosedEarlyError } from './errors';
import { openSocket, type SocketOptions } from './open-socket';
import type { PhaseClock } from './timing';
import type { Target } from './url-target';

export interface ConnectionOptions extends SocketOptions {
  readonly maxBodyBytes: number;
}

export interface RawResponse {
  readonly head: MessageHead;
  readonly informational: readonly MessageHead[];
  readonly body: Buffer;
  readonly trailers: readonly string[];
}

/** The request in flight on a connection (at most one: the client does not pipeline). */
interface Exchange {
  readonly clock: PhaseClock;
  readonly resolve: (response: RawResponse) => void;
  readonly reject: (error: ClientError) => void;
  head: MessageHead | null;
  readonly informational: MessageHead[];
  readonly body: BodyAccumulator;
  bytesReceived: number;
}

export class Connection implements ParserHandler {
  private readonly parser: HttpParser;
  private exchange: Exchange | null = null;
  private closed = false;
  /** Set once the server ends or resets the socket; the agent then opens a new one. */
  closeReason: string | null = null;
  requests = 0;

  private constructor(
    private readonly socket: Socket,
    readonly target: Target,
    readonly id: number,
    private readonly options: ConnectionOptions,
  ) {
    const limits: ParserLimits = {
      ...DEFAULT_PARSER_LIMITS,
      // Real servers send large cookie and CSP headers; a client should accept more than a server does.
      maxHeaderBytes: 64 * 1024,
      maxHeaderCount: 256,
      maxBodyBytes: options.maxBodyBytes,
    };
    this.parser = new HttpParser('response', this, limits);
    socket.on('data', this.onData);
    socket.on('end', this.onEnd);
    socket.on('error', this.onError);
    socket.on('close', this.onClose);
    socket.on('timeout', this.onTimeout);
  }

  static async open(target: Target, id: number, options: ConnectionOptions, clock: PhaseClock): Promise<Connection> {
    return new Connection(await openSocket(target, options, clock), target, id, options);
  }

  /** True while the socket is open, idle and was not told to close. */
  get usable(): boolean {
    return !this.closed && this.exchange === null && !this.socket.destroyed;
  }

  send(method: string, head: Buffer, body: Buffer | null, clock: PhaseClock): Promise<RawResponse> {
    if (!this.usable) {
      return Promise.reject(new ConnectionClosedEarlyError(this.closeReason ?? 'the connection is closed'));
    }
    return new Promise<RawResponse>((resolve, reject) => {
      this.exchange = { clock, resolve, reject, head: null, informational: [], body: new BodyAccumulator(this.options.maxBodyBytes), bytesReceived: 0 };
      this.requests++;
      this.parser.expectResponseTo(method);
      this.socket.ref();
      this.socket.setTimeout(this.options.timeoutMs);
      // One write when small: head and body leave in the same segment.
      this.socket.write(body === null || body.length > 64 * 1024 ? head : Buffer.concat([head, body]));
      if (body !== null && body.length > 64 * 1024) this.socket.write(body);
      clock.bytesSent = head.length + (body?.length ?? 0);
      clock.sent = clock.now();
    });
  }

  /** Ends the connection politely (FIN), then frees it; never throws. */
  close(): void {
    this.closed = true;
    if (this.socket.destroyed) return;
    this.socket.setTimeout(0);
    this.socket.unref();
    this.socket.end(() => this.socket.destroy());
  }

  destroy(): void {
    this.closed = true;
    this.socket.destroy();
  }

  // ParserHandler: called synchronously from parser.execute() / finish().

  onHead(head: MessageHead): void {
    const exchange = this.exchange;
    if (exchange === null) return;
    if (head.statusCode < 200) exchange.informational.push(head);
    else exchange.head = head;
  }

  onBody(chunk: Buffer): void {
    const exchange = this.exchange;
    if (exchange === null) return;
    exchange.body.append(chunk);
  }

  onComplete(trailers: readonly string[]): void {
    const exchange = this.exchange;
    if (exchange === null || exchange.head === null) return; // an interim 1xx ended; the final one follows
    const head = exchange.head;
    exchange.clock.done = exchange.clock.now();
    this.exchange = null;
    this.socket.setTimeout(0);
    this.socket.unref(); // an idle kept connection must not keep the process alive
    if (!head.keepAlive) this.close();
    exchange.resolve({ head, informational: exchange.informational, body: exchange.body.bytes(), trailers });
  }

  // Socket events, bound once per connection.

  private readonly onData = (chunk: Buffer): void => {
    const exchange = this.exchange;
    if (exchange === null) {
      // Bytes nobody asked for: the connection's framing can no longer be trusted.
      this.closeReason = 'the server sent bytes while the connection was idle';
      this.destroy();
      return;
    }
    if (exchange.bytesReceived === 0) exchange.clock.firstByte = exchange.clock.now();
    exchange.bytesReceived += chunk.length;
    exchange.clock.bytesReceived += chunk.length;
    const error = this.parser.execute(chunk);
    if (error !== null) {
      this.fail(new ClientError('CLIENT_BAD_RESPONSE', `invalid response from ${this.target.hostHeader}: ${error.message} (${error.code})`, { cause: error }));
    }
  };

  private readonly onEnd = (): void => {
    this.closeReason ??= 'the server had closed the idle connection';
    if (this.exchange !== null) {
      // A close-delimited body ends here: finish() completes it (onComplete). Any other message
      // was cut short, which closedError describes better than the parser's HPE_UNEXPECTED_EOF.
      this.parser.finish();
      if (this.exchange !== null) this.fail(this.closedError(undefined));
    }
    this.closed = true;
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    this.closeReason ??= `the connection failed (${error.code ?? error.message})`;
    if (this.exchange !== null) this.fail(this.closedError(error.code === 'ECONNRESET' ? 'connection reset by the server' : error.message));
  };

  private readonly onClose = (): void => {
    this.closed = true;
    this.closeReason ??= 'the server had closed the idle connection';
    if (this.exchange !== null) this.fail(this.closedError(undefined));
  };

  private readonly onTimeout = (): void => {
    const exchange = this.exchange;
    if (exchange === null) return;
    const seconds = this.options.timeoutMs / 1000;
    const message =
      exchange.bytesReceived === 0
        ? `no response from ${this.target.hostHeader} within ${seconds} s`
        : `the response stalled for ${seconds} s after ${exchange.bytesReceived} bytes`;
    this.fail(new ClientError('CLIENT_RESPONSE_TIMEOUT', message));
  };

  private fail(error: ClientError): void {
    const exchange = this.exchange;
    if (exchange === null) return;
    this.exchange = null;
    this.closeReason ??= error.message;
    this.destroy();
    exchange.reject(error);
  }

  /** Says how far the response got: nothing (retryable), part of the head, or part of the body. */
  private closedError(detail: string | undefined): ClientError {
    const exchange = this.exchange as Exchange;
    const suffix = detail === undefined ? '' : ` (${detail})`;
    if (exchange.bytesReceived === 0) {
      return new ConnectionClosedEarlyError(`${this.target.hostHeader} closed the connection before sending a response${suffix}`);
    }
    const head = exchange.head;
    if (head === null) return new ClientError('CLIENT_CONNECTION_CLOSED', `the connection closed in the middle of the response head${suffix}`);
    const expected = head.contentLength >= 0 ? ` of ${head.contentLength}` : head.chunked ? ' of a chunked body' : '';
    return new ClientError('CLIENT_CONNECTION_CLOSED', `the connection closed mid-body after ${exchange.body.length}${expected} bytes${suffix}`);
  }
}
