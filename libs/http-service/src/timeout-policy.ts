// Which timeout, if any, a connection has run into: a pure decision over its clocks, so the
// rules (RFC 9112 section 9.5 idle close, slow-loris 408, stalled bodies and readers) read in
// one place and are tested without sockets.
import type { ServerConfig } from './config';

/** How long a closing socket may wait for the peer's FIN before it is destroyed. */
export const LINGER_MS = 2_000;

/**
 * A body must keep up this average rate: its deadline starts at --header-timeout after the
 * request began and moves 1 s later for every this many bytes received. A body trickled a byte
 * every few seconds (slow POST) cannot hold a connection for ever. The rule and the rate are
 * Apache mod_reqtimeout's (`body=...,MinRate=500`).
 */
export const MIN_BODY_BYTES_PER_SECOND = 500;

export type ConnectionPhase =
  /** We sent our last response and wait for the peer to close. */
  | 'closing'
  /** A response is being written (or waits for the client to read). */
  | 'writing'
  /** Parsed requests wait for their turn. */
  | 'queued'
  /** Inside a request body. */
  | 'body'
  /** Inside a request head, or a fresh connection that sent nothing yet. */
  | 'head'
  /** Between requests on a kept-alive connection. */
  | 'idle';

export interface ConnectionClocks {
  readonly phase: ConnectionPhase;
  readonly now: number;
  readonly closingSince: number;
  readonly writeStalledSince: number;
  readonly lastByteAt: number;
  readonly messageStartedAt: number;
  readonly idleSince: number;
  /** Body bytes of the request being received so far. */
  readonly bodyBytes: number;
}

/** Clocks all at zero in `phase`: filled in by the sweep, or varied by tests. */
export function zeroClocks(phase: ConnectionPhase): { -readonly [K in keyof ConnectionClocks]: ConnectionClocks[K] } {
  return { phase, now: 0, closingSince: 0, writeStalledSince: 0, lastByteAt: 0, messageStartedAt: 0, idleSince: 0, bodyBytes: 0 };
}

export type TimeoutVerdict = 'none' | 'destroy' | 'drop-stalled-reader' | 'body-timeout' | 'body-too-slow' | 'head-timeout' | 'close-idle';

type Limits = Pick<ServerConfig, 'headerTimeoutMs' | 'keepAliveTimeoutMs'>;

export function timeoutVerdict(c: ConnectionClocks, config: Limits): TimeoutVerdict {
  switch (c.phase) {
    case 'closing':
      return c.now - c.closingSince > LINGER_MS ? 'destroy' : 'none';
    case 'writing':
      // A client that stops reading may not hold the socket forever.
      return c.now - c.writeStalledSince > config.headerTimeoutMs + config.keepAliveTimeoutMs ? 'drop-stalled-reader' : 'none';
    case 'queued':
      return 'none';
    case 'body':
      if (c.now - c.lastByteAt > config.headerTimeoutMs) return 'body-timeout';
      return c.now - c.messageStartedAt > config.headerTimeoutMs + (c.bodyBytes * 1000) / MIN_BODY_BYTES_PER_SECOND ? 'body-too-slow' : 'none';
    case 'head':
      return c.now - c.messageStartedAt > config.headerTimeoutMs ? 'head-timeout' : 'none';
    case 'idle':
      return c.now - c.idleSince > config.keepAliveTimeoutMs ? 'close-idle' : 'none';
  }
}
