// A request between its head and its answer: the parsed head, the body (copied as it arrives)
// and when it started (for the access log's duration and the timeouts).
import { BodyAccumulator, type MessageHead } from '@mths/http-parser';
import type { HttpRequest } from '@mths/handlers';

/** Who sent the request, asked only when someone needs it (getpeername is a system call). */
export interface Peer {
  readonly remoteAddress: string;
}

const NO_BODY = Buffer.alloc(0);

export class PendingRequest implements HttpRequest {
  /** Made at the first body byte: most requests have none. */
  private received: BodyAccumulator | null = null;
  constructor(
    readonly head: MessageHead,
    private readonly peer: Peer,
    readonly startedAt: number,
    /** --max-body: a chunked body's buffer never grows past it. */
    private readonly maxBodyBytes: number,
  ) {}

  get remoteAddress(): string {
    return this.peer.remoteAddress;
  }

  get bodyLength(): number {
    return this.received === null ? 0 : this.received.length;
  }

  get body(): Buffer {
    return this.received === null ? NO_BODY : this.received.bytes();
  }

  /** A piece of the body from the parser (a view of a socket read: it is copied). */
  appendBody(piece: Buffer): void {
    this.received ??= new BodyAccumulator(this.head.contentLength >= 0 ? this.head.contentLength : this.maxBodyBytes);
    this.received.append(piece);
  }
}

export const CONTINUE_100 = Buffer.from('HTTP/1.1 100 Continue\r\n\r\n', 'latin1');

/** The first value of header `name` (lower-case), or undefined. */
export function headerValue(head: MessageHead, name: string): string | undefined {
  const h = head.headers;
  for (let i = 0; i < h.length; i += 2) if (h[i] === name) return h[i + 1];
  return undefined;
}

/** RFC 9110 section 10.1.1: an HTTP/1.1 request with a body that asked for `Expect: 100-continue`. */
export function expectsContinue(head: MessageHead): boolean {
  if (head.versionMinor !== 1 || (head.contentLength <= 0 && !head.chunked)) return false;
  const expect = headerValue(head, 'expect');
  return expect !== undefined && expect.toLowerCase() === '100-continue';
}
