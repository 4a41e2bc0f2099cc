// What the server should have read from the bytes sent: the complete requests, in order, and
// the parse error that ends the stream, as the request parser with the servers' limits sees them.
// The responses are then checked against this list (count, order, HEAD framing, which file).
import { collect, type CollectedMessage, type HttpParseError } from '@mths/http-parser';
import { FUZZ_LIMITS } from './fuzz-limits';

export interface ReferenceRequests {
  /** Complete requests, in order. */
  readonly requests: readonly CollectedMessage[];
  /** The error the bytes end in (the server answers it with its status and closes), or null. */
  readonly error: HttpParseError | null;
  /**
   * The error's status. The parser must give the same one however the bytes are segmented
   * (whole, as written, one byte at a time); referenceRequests throws when it does not.
   */
  readonly errorStatuses: ReadonlySet<number>;
  /** Bytes of an unfinished request after the last complete one (the half-close abandons it). */
  readonly partial: boolean;
}

export function referenceRequests(bytes: Buffer, writes: readonly Buffer[]): ReferenceRequests {
  const limits = FUZZ_LIMITS;
  const seen = collect('request', bytes, { limits });
  const requests = seen.messages.filter((message) => message.complete);
  const errorStatuses = new Set<number>();
  if (seen.error !== null) {
    errorStatuses.add(seen.error.status);
    for (const pieces of [writes, [...bytes].map((byte) => Buffer.from([byte]))]) {
      const other = collect('request', pieces, { limits }).error;
      if (other !== null && other.code !== seen.error.code) {
        throw new Error(`the parser says ${seen.error.code} for these bytes whole but ${other.code} when split into ${pieces.length} pieces`);
      }
    }
  }
  // finish() on a fresh parser fed the same bytes tells whether a message was left unfinished.
  const partial = seen.error === null && collect('request', bytes, { limits, finish: true }).error !== null;
  return { requests, error: seen.error, errorStatuses, partial };
}

/** `METHOD target` of a request, for messages. */
export function describeRequest(request: CollectedMessage): string {
  return `${request.head.method} ${JSON.stringify(request.head.target)} HTTP/${request.head.versionMajor}.${request.head.versionMinor}`;
}
