// The hot path of a response head: a cached fixed part (status line + per-file headers +
// Server) joined with the per-second Date line, the preformatted connection lines and the
// blank line, with one allocation and a few copies; a small body can ride in the same Buffer.
import type { ConnectionHeaders } from './connection-headers';
import { httpDateLine } from './http-date';

/** Status line and fixed headers, no blank line; made by HttpResponseBuilder.fixedHead. */
export type FixedHead = Buffer & { readonly __fixedHead: true };

/** Stands in for a part a head leaves out. */
export const EMPTY_BUFFER = Buffer.alloc(0);

/** Gives the Buffer a response is written into: a fresh one by default, or a reused arena's. */
export type ResponseAllocator = (length: number) => Buffer;

/** Concatenates head parts and an optional body into one Buffer from `alloc`. */
export function joinHead(
  fixed: Buffer,
  date: Buffer,
  connection: Buffer,
  body: Buffer = EMPTY_BUFFER,
  alloc: ResponseAllocator = Buffer.allocUnsafe,
): Buffer {
  const headLength = fixed.length + date.length + connection.length + 2;
  const out = alloc(headLength + body.length);
  // TypedArray#set beats Buffer#copy for the small slices a head is made of.
  out.set(fixed, 0);
  let at = fixed.length;
  out.set(date, at);
  at += date.length;
  out.set(connection, at);
  at += connection.length;
  out[at++] = 0x0d;
  out[at++] = 0x0a;
  if (body.length > 0) out.set(body, at);
  return out;
}

/**
 * The complete head: `fixed` + `Date` + connection lines + CRLF, followed by `body` when given
 * (pass small bodies so the whole response is one write; leave it out for HEAD and large files).
 * `now` is injectable for tests; `alloc` gives the Buffer (fresh by default).
 */
export function finishHead(
  fixed: FixedHead,
  connection: ConnectionHeaders,
  body?: Buffer,
  now: number = Date.now(),
  alloc?: ResponseAllocator,
): Buffer {
  return joinHead(fixed, httpDateLine(now), connection, body, alloc);
}
