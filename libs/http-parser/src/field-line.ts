// Scanner for one header or trailer field line (RFC 9112 §5, RFC 9110 §5.5):
// `token ":" OWS value OWS CRLF`, validated byte by byte in a single pass.

import { COLON, CR, FIELD_VALUE, HTAB, LF, SP, TCHAR } from './char-classes';
import type { ParseErrorCode } from './errors';
import { CL_CONFLICT, CL_INVALID, connectionTokens, parseContentLength, transferCodings } from './framing';
import { HEADER_KINDS, HEADER_NAMES, KIND_CONNECTION, KIND_CONTENT_LENGTH, KIND_OTHER, lookupHeaderName } from './header-names';
import { FAILED, INCOMPLETE, NO_FIELDS, type MessageState } from './message-state';

/**
 * One non-empty field line starting at buf[pos] (pos < end). Appends name (lower-cased)
 * and value (trimmed) to st.fields; header fields also update the framing state.
 */
export function scanFieldLine(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let c = buf[pos]!;
  // RFC 9112 §5.2: obs-fold is refused; so is whitespace before the first field (§2.2).
  if (c === SP || c === HTAB) return fieldError(st, 'HPE_OBS_FOLD');
  // Loops test `i < end` and read once per byte: the shape V8 compiles tightest.
  let i = pos;
  for (; i < end; i++) if (TCHAR[buf[i]!] === 0) break;
  if (i === end) return INCOMPLETE;
  c = buf[i]!;
  if (c !== COLON || i === pos) {
    // RFC 9112 §5.1: no whitespace is allowed between the field name and the colon.
    if (c === SP || c === HTAB) return fieldError(st, 'HPE_WHITESPACE_BEFORE_COLON');
    return c === LF ? st.fail('HPE_BARE_LF') : fieldError(st, 'HPE_INVALID_HEADER_NAME');
  }
  const nameEnd = i;
  for (i++; i < end; i++) {
    c = buf[i]!;
    if (c !== SP && c !== HTAB) break;
  }
  const valueStart = i;
  for (; i < end; i++) if (FIELD_VALUE[buf[i]!] === 0) break;
  if (i === end) return INCOMPLETE;
  c = buf[i]!;
  if (c !== CR) return c === LF ? st.fail('HPE_BARE_LF') : fieldError(st, 'HPE_INVALID_HEADER_VALUE');
  if (i + 1 === end) return INCOMPLETE;
  if (buf[i + 1] !== LF) return st.fail('HPE_BARE_CR');
  const next = i + 2;

  if ((st.sectionBytes += next - pos) > st.maxHeaderBytes) return st.fail('HPE_HEADERS_TOO_LARGE');
  if (++st.fieldCount > st.maxHeaderCount) return st.fail('HPE_TOO_MANY_HEADERS');

  let valueEnd = i;
  while (valueEnd > valueStart && FIELD_VALUE[buf[valueEnd - 1]!] === 2) valueEnd--;
  const value = valueEnd > valueStart ? st.text.slice(buf, valueStart, valueEnd, end) : '';
  const id = lookupHeaderName(buf, pos, nameEnd);
  if (id < 0) {
    addField(st, st.text.slice(buf, pos, nameEnd, end).toLowerCase(), value);
    return next;
  }
  addField(st, HEADER_NAMES[id]!, value);
  const kind = HEADER_KINDS[id]!;
  // Framing headers count only in the header section (RFC 9110 §6.5.1: not as trailers).
  if (kind === KIND_OTHER || st.inTrailers) return next;
  return applyFramingHeader(st, kind, value) === FAILED ? FAILED : next;
}

/** Appends name and value; the section's first field makes its list (see NO_FIELDS). */
function addField(st: MessageState, name: string, value: string): void {
  if (st.fields === NO_FIELDS) st.fields = [name, value];
  else st.fields.push(name, value);
}

function applyFramingHeader(st: MessageState, kind: number, value: string): number {
  if (kind === KIND_CONTENT_LENGTH) {
    const length = parseContentLength(value);
    if (length === CL_INVALID) return st.fail('HPE_INVALID_CONTENT_LENGTH');
    // RFC 9110 §8.6: repeated identical values may be collapsed; different ones are fatal.
    if (length === CL_CONFLICT || (st.contentLength >= 0 && st.contentLength !== length)) {
      return st.fail('HPE_CONFLICTING_CONTENT_LENGTH');
    }
    st.contentLength = length;
  } else if (kind === KIND_CONNECTION) {
    st.connFlags |= connectionTokens(value);
  } else {
    st.teFlags = transferCodings(value, st.teFlags);
  }
  return 0;
}

/** Malformed trailer lines share one code; header lines keep their precise one. */
function fieldError(st: MessageState, code: ParseErrorCode): number {
  return st.fail(st.inTrailers ? 'HPE_INVALID_TRAILER' : code);
}
