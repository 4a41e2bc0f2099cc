// Request heads for the HTTP client: request line + Host (first, RFC 9112 §3.2) + headers as
// one Buffer, with the same canonical casing, injection checks and framing checks as responses.
import { ResponseBuilderError } from './errors';
import { assertFraming } from './framing';
import { HeaderList, headerEntries, type HeaderInput } from './header-list';
import { fieldValue, isToken } from './header-validation';

export type HttpVersion = '1.1' | '1.0';

export interface RequestHeadOptions {
  /** Host header value; may also come in `headers`. Required for HTTP/1.1. */
  host?: string;
  /** Writes Content-Length. */
  contentLength?: number;
  /** Writes `Transfer-Encoding: chunked`. */
  chunked?: boolean;
  /** Writes `Connection: close` (HTTP/1.1) instead of relying on persistence. */
  close?: boolean;
  /** Defaults to 1.1. */
  version?: HttpVersion;
}

/** Request-target bytes: visible ASCII only, so no space or CR/LF can split the request line. */
function assertTarget(target: string): void {
  for (let i = 0; i < target.length; i++) {
    const c = target.charCodeAt(i);
    if (c <= 0x20 || c >= 0x7f) throw new ResponseBuilderError('RB_INVALID_TARGET', `character at index ${i}`);
  }
  if (target.length === 0) throw new ResponseBuilderError('RB_INVALID_TARGET', 'empty');
}

export class HttpRequestBuilder {
  private readonly requestLine: string;
  private readonly version: HttpVersion;
  private hostValue: string | undefined;
  private readonly headers = new HeaderList();

  constructor(method: string, target: string, version: HttpVersion = '1.1') {
    if (!isToken(method)) throw new ResponseBuilderError('RB_INVALID_METHOD', JSON.stringify(method));
    assertTarget(target);
    this.version = version;
    this.requestLine = `${method} ${target} HTTP/${version}\r\n`;
  }

  host(value: string): this {
    const checked = fieldValue('Host', value);
    if (checked.length === 0) throw new ResponseBuilderError('RB_MISSING_HOST', 'empty');
    this.hostValue = checked;
    return this;
  }

  /** Sets a header (replacing any of that name); a Host header goes through host(). */
  header(name: string, value: string | number): this {
    if (name.toLowerCase() === 'host') return this.host(String(value));
    this.headers.set(name, value);
    return this;
  }

  appendHeader(name: string, value: string | number): this {
    if (name.toLowerCase() === 'host') return this.host(String(value));
    this.headers.append(name, value);
    return this;
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

  close(): this {
    return this.header('Connection', 'close');
  }

  /** `Connection: keep-alive`, which only an HTTP/1.0 request needs. */
  keepAlive(): this {
    if (this.version === '1.0') return this.header('Connection', 'keep-alive');
    this.headers.delete('connection');
    return this;
  }

  toBuffer(): Buffer {
    if (this.hostValue === undefined && this.version === '1.1') throw new ResponseBuilderError('RB_MISSING_HOST');
    assertFraming(this.headers);
    const hostLine = this.hostValue === undefined ? '' : `Host: ${this.hostValue}\r\n`;
    const out = Buffer.allocUnsafe(this.requestLine.length + hostLine.length + this.headers.byteLength() + 2);
    let at = out.write(this.requestLine, 0, 'latin1');
    at += out.write(hostLine, at, 'latin1');
    at = this.headers.writeTo(out, at);
    out[at++] = 0x0d;
    out[at] = 0x0a;
    return out;
  }
}

/** One-call form: `requestHead('GET', '/', { Accept: '*\/*' }, { host: 'localhost:8080' })`. */
export function requestHead(
  method: string,
  target: string,
  headers: HeaderInput = [],
  options: RequestHeadOptions = {},
): Buffer {
  const builder = new HttpRequestBuilder(method, target, options.version);
  if (options.host !== undefined) builder.host(options.host);
  for (const [name, value] of headerEntries(headers)) builder.appendHeader(name, value);
  if (options.contentLength !== undefined) builder.contentLength(options.contentLength);
  if (options.chunked === true) builder.chunked();
  if (options.close === true) builder.close();
  return builder.toBuffer();
}
