// How long the body of a just-read head is (RFC 9112 §6.3) and whether the connection
// persists (§9.3): the smuggling-relevant decisions, kept in one place.

import { CONN_CLOSE, CONN_KEEP_ALIVE, isStrictChunked, TE_CHUNKED_LAST, TE_CHUNKED_TWICE } from './framing';
import type { MessageState } from './message-state';

export const BODY_NONE = 0;
export const BODY_LENGTH = 1;
export const BODY_CHUNKED = 2;
/** Response body delimited by the server closing the connection. */
export const BODY_UNTIL_EOF = 3;

/**
 * Decides the body framing of the head in st and sets st.keepAlive, st.chunked and the
 * reported st.contentLength. `requestMethod` is the method a response answers ('' if unknown).
 * Returns a BODY_* kind or FAILED.
 */
export function resolveFraming(st: MessageState, isRequest: boolean, requestMethod: string): number {
  const conn = st.connFlags;
  st.keepAlive = (conn & CONN_CLOSE) === 0 && (st.versionMinor === 1 || (conn & CONN_KEEP_ALIVE) !== 0);
  const te = st.teFlags;
  if (isRequest) {
    if (te !== 0) {
      // RFC 9112 §6.1: CL with TE, or TE in HTTP/1.0, means faulty framing; we refuse it
      // rather than guess, so no intermediary can disagree with us about where it ends.
      if (st.contentLength >= 0) return st.fail('HPE_CONTENT_LENGTH_WITH_TRANSFER_ENCODING');
      if (!isStrictChunked(te) || st.versionMinor === 0) return st.fail('HPE_INVALID_TRANSFER_ENCODING');
      st.chunked = true;
      return BODY_CHUNKED;
    }
    return st.contentLength > 0 ? checkedLength(st) : BODY_NONE;
  }

  const status = st.statusCode;
  // RFC 9112 §6.3 items 1-2: these responses never have a body, whatever they declare.
  const bodiless = status < 200 || status === 204 || status === 304 || requestMethod === 'HEAD';
  if (te !== 0) {
    if ((te & TE_CHUNKED_TWICE) !== 0) return st.fail('HPE_INVALID_TRANSFER_ENCODING');
    // §6.3 item 3: Transfer-Encoding overrides Content-Length; such a message may be an
    // attack, so the connection is not reused after it. HTTP/1.0 TE framing is faulty (§6.1).
    if (st.contentLength >= 0 || st.versionMinor === 0) st.keepAlive = false;
    st.contentLength = -1;
    st.chunked = (te & TE_CHUNKED_LAST) !== 0;
    if (bodiless) return BODY_NONE;
    if (st.chunked) return BODY_CHUNKED;
    // §6.3 item 4: a final coding other than chunked runs until the server closes.
    st.keepAlive = false;
    return BODY_UNTIL_EOF;
  }
  if (bodiless) return BODY_NONE;
  if (st.contentLength >= 0) return st.contentLength > 0 ? checkedLength(st) : BODY_NONE;
  st.keepAlive = false;
  return BODY_UNTIL_EOF;
}

function checkedLength(st: MessageState): number {
  // Refuse up front, before a byte of an oversized body is read.
  return st.contentLength > st.maxBodyBytes ? st.fail('HPE_BODY_TOO_LARGE') : BODY_LENGTH;
}
