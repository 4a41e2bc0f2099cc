// The parser's public shapes: what it reports for each message, and the limits it enforces.
// This file is the contract between the parser and its users (servers, client).

export type ParserKind = 'request' | 'response';

/** Limits that turn into typed errors (and HTTP statuses) when a peer exceeds them. */
export interface ParserLimits {
  /** Bytes of the request line (or status line), CRLF excluded. Over it: 414 (requests). */
  readonly maxStartLineBytes: number;
  /** Bytes of the header section after the start line, CRLFs included. Over it: 431. */
  readonly maxHeaderBytes: number;
  /** Number of header fields (trailer fields count too). Over it: 431. */
  readonly maxHeaderCount: number;
  /** Bytes of decoded body. Over it: 413. */
  readonly maxBodyBytes: number;
}

export const DEFAULT_PARSER_LIMITS: ParserLimits = Object.freeze({
  maxStartLineBytes: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxHeaderCount: 100,
  maxBodyBytes: 10 * 1024 * 1024,
});

/** What the parser knows once the head of a message (start line + headers) is complete. */
export interface MessageHead {
  /** Request method as sent (case-sensitive token), '' for responses. */
  readonly method: string;
  /** Request target as sent, '' for responses. */
  readonly target: string;
  /** Status code for responses, 0 for requests. */
  readonly statusCode: number;
  /** Reason phrase for responses, '' for requests. */
  readonly reason: string;
  readonly versionMajor: number;
  readonly versionMinor: number;
  /** Flat list: name, value, name, value... Names lower-cased, values without surrounding OWS. */
  readonly headers: readonly string[];
  /** Declared Content-Length, or -1 when absent (or, in a response, overridden by Transfer-Encoding). */
  readonly contentLength: number;
  /** True when the body is chunked (Transfer-Encoding ends in chunked). */
  readonly chunked: boolean;
  /**
   * Persistence by version and Connection header (RFC 9112 section 9.3). Responses are also
   * not persistent when their body runs until close or their framing was suspect (section 6).
   */
  readonly keepAlive: boolean;
}

/** Callbacks the parser calls, in order: onHead, onBody* , onComplete, for every message. */
export interface ParserHandler {
  onHead(head: MessageHead): void;
  /** A piece of the decoded body: a subarray of the Buffer given to execute(), not a copy. */
  onBody(chunk: Buffer): void;
  /** The message is complete; trailers (flat name/value list) for chunked bodies, else empty. */
  onComplete(trailers: readonly string[]): void;
}
