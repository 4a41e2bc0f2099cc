// A raw TCP client: writes exact bytes, parses what comes back with the real response parser,
// and records whether (and how) the server ended the connection.
import { HttpParser, type HttpParseError } from '@mths/http-parser';
import { connect, type Socket } from 'node:net';
import { ResponseCollector } from './response-collector';
import { toResponse, type Response } from './response';
import { waitFor, within } from '@mths/test-kit';

// Generous: other engineers run benchmarks on the same two cores.
export const DEFAULT_WAIT_MS = 10_000;

export interface ClientOptions {
  /** Keep every received byte (for previews and byte checks); off for big transfers. */
  readonly keepRaw?: boolean;
  /** Keep response bodies; when off only their length and sha256 are recorded. */
  readonly keepBodies?: boolean;
}

export class RawClient {
  private readonly collector: ResponseCollector;
  private readonly parser: HttpParser;
  private readonly keepRaw: boolean;
  private taken = 0;
  private rawBytes = 0;
  private readonly raw: Buffer[] = [];
  /** The parser's error on the server's bytes (a malformed response), or null. */
  parseError: HttpParseError | null = null;
  /** The server sent FIN. */
  ended = false;
  /** The socket is gone (after FIN, a reset, or destroy()). */
  closed = false;
  /** A socket error such as ECONNRESET (a reset counts as the server closing). */
  error: NodeJS.ErrnoException | null = null;

  private constructor(readonly socket: Socket, options: ClientOptions) {
    this.keepRaw = options.keepRaw ?? true;
    this.collector = new ResponseCollector(options.keepBodies ?? true);
    this.parser = new HttpParser('response', this.collector, { maxBodyBytes: 1024 * 1024 * 1024 });
    socket.setNoDelay(true);
    socket.on('data', (chunk: Buffer) => this.onData(chunk));
    socket.on('end', () => {
      this.ended = true;
      this.parseError ??= this.parser.finish();
    });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error;
    });
    socket.on('close', () => {
      this.closed = true;
    });
  }

  /** Connects to `host`:`port`. */
  static open(port: number, host = '127.0.0.1', options: ClientOptions = {}): Promise<RawClient> {
    return within(
      new Promise<RawClient>((resolve, reject) => {
        const socket = connect({ port, host });
        socket.once('connect', () => {
          socket.off('error', reject);
          resolve(new RawClient(socket, options));
        });
        socket.once('error', reject);
      }),
      DEFAULT_WAIT_MS,
      `a TCP connection to ${host}:${port}`,
    );
  }

  private onData(chunk: Buffer): void {
    this.rawBytes += chunk.length;
    if (this.keepRaw) this.raw.push(chunk);
    if (this.parseError === null) this.parseError = this.parser.execute(chunk);
  }

  /** Every byte received so far. */
  received(): Buffer {
    return Buffer.concat(this.raw);
  }

  get receivedBytes(): number {
    return this.rawBytes;
  }

  /** The server ended the connection: FIN, reset or close. */
  get serverClosed(): boolean {
    return this.ended || this.error !== null || this.closed;
  }

  /** Announces the method of a request whose response will come (HEAD responses have no body). */
  expect(method: string): void {
    this.parser.expectResponseTo(method);
  }

  /** Writes bytes as they are, resolving once they reached the kernel. */
  write(bytes: string | Buffer): Promise<void> {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'latin1') : bytes;
    return new Promise((resolve, reject) => {
      this.socket.write(data, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Announces `methods` (default: the first token of `bytes`) and writes the request bytes. */
  send(bytes: string | Buffer, methods?: readonly string[]): Promise<void> {
    const text = typeof bytes === 'string' ? bytes : bytes.subarray(0, 16).toString('latin1');
    for (const method of methods ?? [text.slice(0, Math.max(0, text.indexOf(' ')))]) this.expect(method);
    return this.write(bytes);
  }

  /** The next complete response (in order), bounded. */
  async response(timeoutMs = DEFAULT_WAIT_MS): Promise<Response> {
    const index = this.taken;
    const message = await waitFor(
      () => {
        const candidate = this.collector.messages[index];
        if (candidate?.complete === true) return candidate;
        if (this.parseError !== null) throw new Error(`the response did not parse: ${this.parseError.code}; got ${this.preview()}`);
        if (this.serverClosed) throw new Error(`the server closed before response #${index + 1}; got ${this.preview()}`);
        return undefined;
      },
      timeoutMs,
      () => `response #${index + 1}; got ${this.preview()}`,
    );
    this.taken++;
    return toResponse(message);
  }

  /** Body bytes of the response being received now (0 between responses). */
  get currentBodyBytes(): number {
    const last = this.collector.messages[this.collector.messages.length - 1];
    return last === undefined || last.complete ? 0 : last.bodyLength;
  }

  /** How many complete responses have arrived (taken or not). */
  get completeResponses(): number {
    return this.collector.messages.filter((message) => message.complete).length;
  }

  /** Resolves when the server has closed the connection, bounded. */
  async waitClosed(timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await waitFor(() => this.serverClosed, timeoutMs, 'the server to close the connection');
  }

  /** Half-close: no more bytes from us, but we keep reading. */
  endOutput(): void {
    this.socket.end();
  }

  /** Sends a TCP reset (abortive close). */
  reset(): void {
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private preview(): string {
    const text = this.received().subarray(0, 400).toString('latin1');
    return `${this.rawBytes} bytes ${JSON.stringify(text)}${this.error ? ` (${this.error.code})` : ''}`;
  }
}
