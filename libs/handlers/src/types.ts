// The contract between the connection loop (libs/http-service) and the handlers: a parsed
// request in, a ready-to-send result out. The connection adds Date and Connection/Keep-Alive.
import type { MessageHead } from '@mths/http-parser';
import type { FixedHead } from '@mths/response-builders';

export interface HttpRequest {
  readonly head: MessageHead;
  /** The decoded body, in memory the request owns (no view of a socket read); empty when none. */
  readonly body: Buffer;
  readonly remoteAddress: string;
}

/** A response whose body is in memory (small files, pages, JSON). */
export interface BufferResult {
  readonly kind: 'buffer';
  readonly status: number;
  /** Status line + headers incl. Content-Length and Server; no Date/Connection; no blank line. */
  readonly fixedHead: FixedHead;
  /** Body bytes to send, or null for HEAD (the head still says the GET length). */
  readonly body: Buffer | null;
  /** The connection must close after this response (framing errors, 413, 503...). */
  readonly close: boolean;
}

/** A response streamed from a file too large for the cache. */
export interface FileResult {
  readonly kind: 'file';
  readonly status: number;
  readonly fixedHead: FixedHead;
  /** The real (symlink-resolved, inside-root) path of the file. */
  readonly path: string;
  readonly size: number;
  /** True for HEAD: send the head only. */
  readonly headOnly: boolean;
  readonly close: boolean;
}

export type HttpResult = BufferResult | FileResult;

/** Answers one request; synchronous when it can (cached files), a promise when it must wait. */
export type Handler = (request: HttpRequest) => HttpResult | Promise<HttpResult>;
