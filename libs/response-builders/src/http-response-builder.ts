// Fluent builder for an HTTP/1.1 response head (status line + headers + blank line) as one
// Buffer, and the source of the cached fixed heads the server's hot path finishes per request.
import { connectionHeaders, type ConnectionHeaders, type KeepAliveOptions } from './connection-headers';
import { contentDisposition } from './content-disposition';
import { ResponseBuilderError } from './errors';
import { EMPTY_BUFFER, joinHead, type FixedHead } from './finish-head';
import { HeaderList, headerEntries, type HeaderInput } from './header-list';
import { fieldValue, invalidValueIndex } from './header-validation';
import { httpDateLine } from './http-date';
import { assertStatus, reasonFor } from './status-reasons';
import { assertFraming } from './framing';

export const DEFAULT_SERVER = 'mths';

export interface ResponseBuilderOptions {
  /** Reason phrase; defaults to the STATUS_REASONS name. */
  reason?: string;
  /** Server header value; defaults to DEFAULT_SERVER. */
  server?: string;
}

// finishHead adds these per response, so a fixed head holding one would send it twice.
const PER_RESPONSE = ['date', 'connection', 'keep-alive'];

export class HttpResponseBuilder {
  private readonly status: number;
  private reasonPhrase = '';
  private serverName = DEFAULT_SERVER;
  private readonly headers = new HeaderList();
  private connection: ConnectionHeaders | undefined;

  constructor(status: number, options: ResponseBuilderOptions = {}) {
    assertStatus(status);
    this.status = status;
    this.reason(options.reason ?? reasonFor(status));
    if (options.server !== undefined) this.server(options.server);
  }

  /**
   * Status line + `headers` + Server, without Date, connection lines or the blank line: cache
   * it per file and complete it per request with finishHead. Throws RB_RESERVED_HEADER if
   * `headers` holds Date, Connection or Keep-Alive.
   */
  static fixedHead(status: number, headers: HeaderInput = [], options: ResponseBuilderOptions = {}): FixedHead {
    const builder = new HttpResponseBuilder(status, options);
    for (const [name, value] of headerEntries(headers)) builder.appendHeader(name, value);
    return builder.toFixedHead();
  }

  reason(text: string): this {
    const at = invalidValueIndex(text);
    if (at !== -1) throw new ResponseBuilderError('RB_INVALID_REASON', `character at index ${at}`);
    this.reasonPhrase = text;
    return this;
  }

  /** Server header value, written unless a `server` header was set explicitly. */
  server(name: string): this {
    this.serverName = fieldValue('Server', name);
    return this;
  }

  /** Sets a header (replacing any of that name); name cased canonically, CR/LF/NUL refused. */
  header(name: string, value: string | number): this {
    this.headers.set(name, value);
    this.dropConnectionIfNamed(name);
    return this;
  }

  /** Adds a header even if one of that name exists (Set-Cookie, Vary). */
  appendHeader(name: string, value: string | number): this {
    this.headers.append(name, value);
    this.dropConnectionIfNamed(name);
    return this;
  }

  contentType(type: string): this {
    return this.header('Content-Type', type);
  }

  contentLength(length: number): this {
    if (!Number.isSafeInteger(length) || length < 0) {
      throw new ResponseBuilderError('RB_INVALID_CONTENT_LENGTH', String(length));
    }
    return this.header('Content-Length', length);
  }

  chunked(): this {
    return this.header('Transfer-Encoding', 'chunked');
  }

  /** RFC 6266 value with an ASCII `filename` and, for non-ASCII names, `filename*`. */
  contentDisposition(type: string, filename?: string): this {
    return this.header('Content-Disposition', contentDisposition(type, filename));
  }

  /** `Connection: keep-alive` + `Keep-Alive: timeout=<s>, max=<n>`. */
  keepAlive(options: KeepAliveOptions): this {
    return this.setConnection(connectionHeaders(options));
  }

  /** `Connection: close`. */
  close(): this {
    return this.setConnection(connectionHeaders(false));
  }

  /** The whole head, with Date (for `now`) and Server added unless set explicitly. */
  toBuffer(now: number = Date.now()): Buffer {
    const fixed = this.writeFixed(false);
    const date = this.headers.has('date') ? EMPTY_BUFFER : httpDateLine(now);
    return joinHead(fixed, date, this.connection ?? EMPTY_BUFFER);
  }

  /** See HttpResponseBuilder.fixedHead; the bytes own their memory, as they are meant to be cached. */
  toFixedHead(): FixedHead {
    const reserved = PER_RESPONSE.find((key) => this.headers.has(key));
    if (reserved !== undefined || this.connection !== undefined) {
      throw new ResponseBuilderError('RB_RESERVED_HEADER', reserved ?? 'connection');
    }
    return this.writeFixed(true) as FixedHead;
  }

  private writeFixed(owned: boolean): Buffer {
    assertFraming(this.headers, this.status);
    const statusLine = `HTTP/1.1 ${this.status} ${this.reasonPhrase}\r\n`;
    const serverLine = this.headers.has('server') ? '' : `Server: ${this.serverName}\r\n`;
    const total = statusLine.length + this.headers.byteLength() + serverLine.length;
    const out = owned ? Buffer.allocUnsafeSlow(total) : Buffer.allocUnsafe(total);
    let at = out.write(statusLine, 0, 'latin1');
    at = this.headers.writeTo(out, at);
    out.write(serverLine, at, 'latin1');
    return out;
  }

  private setConnection(lines: ConnectionHeaders): this {
    this.headers.delete('connection');
    this.headers.delete('keep-alive');
    this.connection = lines;
    return this;
  }

  private dropConnectionIfNamed(name: string): void {
    const key = name.toLowerCase();
    if (key === 'connection' || key === 'keep-alive') this.connection = undefined;
  }
}
