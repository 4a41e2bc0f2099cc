// Scanner for a chunk-size line of the chunked coding (RFC 9112 §7.1):
// `1*HEXDIG *( BWS ";" BWS ext-name [ BWS "=" BWS ( token / quoted-string ) ] ) CRLF`.

import { BACKSLASH, CR, DQUOTE, EQUALS, HEX, HTAB, LF, QDTEXT, SEMI, SP, TCHAR } from './char-classes';
import { INCOMPLETE, type MessageState } from './message-state';

/** A chunk-size line longer than this (CRLF included) is refused: extensions are unbounded otherwise. */
export const MAX_CHUNK_LINE_BYTES = 4096;
/** More hex digits than this cannot be a sane size (and 16 already exceed 2^53). */
const MAX_SIZE_DIGITS = 16;

/** Reads the size line at buf[pos] (pos < end) into st.chunkSize; returns the next position. */
export function scanChunkSizeLine(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let i = pos;
  let c = buf[i]!;
  let size = 0;
  let digit = HEX[c]!;
  while (digit >= 0) {
    if (i - pos === MAX_SIZE_DIGITS) return st.fail('HPE_INVALID_CHUNK_SIZE');
    size = size * 16 + digit;
    if (++i === end) return INCOMPLETE;
    c = buf[i]!;
    digit = HEX[c]!;
  }
  if (i === pos) return st.fail(c === LF ? 'HPE_BARE_LF' : 'HPE_INVALID_CHUNK_SIZE');
  if (size > Number.MAX_SAFE_INTEGER) return st.fail('HPE_INVALID_CHUNK_SIZE');
  if (c !== CR) {
    if (c !== SEMI && c !== SP && c !== HTAB) return st.fail(c === LF ? 'HPE_BARE_LF' : 'HPE_INVALID_CHUNK_SIZE');
    i = scanExtensions(buf, i, end, st);
    if (i < 0) return i;
  }
  if (i + 1 === end) return INCOMPLETE;
  if (buf[i + 1] !== LF) return st.fail('HPE_BARE_CR');
  if (i + 2 - pos > MAX_CHUNK_LINE_BYTES) return st.fail('HPE_INVALID_CHUNK_EXTENSION');
  st.chunkSize = size;
  return i + 2;
}

/** Validates extensions from buf[pos] (pos < end); returns the position of the final CR. */
function scanExtensions(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let i = pos;
  let c = buf[i]!;
  for (;;) {
    while (c === SP || c === HTAB) {
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    }
    if (c === CR) return i;
    if (c !== SEMI) return fail(st, c);
    do {
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    } while (c === SP || c === HTAB);
    const nameStart = i;
    while (TCHAR[c] === 1) {
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    }
    if (i === nameStart) return fail(st, c);
    while (c === SP || c === HTAB) {
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    }
    if (c !== EQUALS) continue;
    do {
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    } while (c === SP || c === HTAB);
    if (c === DQUOTE) {
      for (;;) {
        if (++i === end) return INCOMPLETE;
        c = buf[i]!;
        if (c === DQUOTE) break;
        if (c === BACKSLASH) {
          // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
          if (++i === end) return INCOMPLETE;
          c = buf[i]!;
          if (c !== HTAB && (c < 0x20 || c === 0x7f)) return fail(st, c);
        } else if (QDTEXT[c] !== 1) {
          return fail(st, c);
        }
      }
      if (++i === end) return INCOMPLETE;
      c = buf[i]!;
    } else {
      const valueStart = i;
      while (TCHAR[c] === 1) {
        if (++i === end) return INCOMPLETE;
        c = buf[i]!;
      }
      if (i === valueStart) return fail(st, c);
    }
  }
}

function fail(st: MessageState, c: number): number {
  return st.fail(c === LF ? 'HPE_BARE_LF' : 'HPE_INVALID_CHUNK_EXTENSION');
}
