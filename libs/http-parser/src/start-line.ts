// Scanners for the request line (RFC 9112 §3) and status line (§4): one validating pass
// over the bytes, stopping at the first invalid byte or at the end of what has arrived.

import { CR, FIELD_VALUE, LF, SP, TARGET, TCHAR } from './char-classes';
import { INCOMPLETE, type MessageState } from './message-state';
import { methodName } from './methods';

/** Empty lines tolerated before a start line (RFC 9112 §2.2 asks for at least one). */
export const MAX_LEADING_EMPTY_LINES = 4;

const HTTP_SLASH = [0x48, 0x54, 0x54, 0x50, 0x2f];
const DOT = 0x2e;

/** An empty line (CRLF) where a start line may begin; returns the next position. */
export function scanLeadingEmptyLine(buf: Buffer, pos: number, end: number, st: MessageState): number {
  if (buf[pos] !== CR) return st.fail('HPE_BARE_LF');
  if (pos + 1 === end) return INCOMPLETE;
  if (buf[pos + 1] !== LF) return st.fail('HPE_BARE_CR');
  if (++st.leadingEmptyLines > MAX_LEADING_EMPTY_LINES) return st.fail('HPE_INVALID_METHOD');
  return pos + 2;
}

/** `method SP request-target SP HTTP-version CRLF`; pos < end, buf[pos] is not CR or LF. */
export function scanRequestLine(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let i = pos;
  for (; i < end; i++) if (TCHAR[buf[i]!] === 0) break;
  if (i === end) return INCOMPLETE;
  let c = buf[i]!;
  if (i === pos || c !== SP) return st.fail('HPE_INVALID_METHOD');
  const methodEnd = i;
  const targetStart = ++i;
  for (; i < end; i++) if (TARGET[buf[i]!] === 0) break;
  if (i === end) return INCOMPLETE;
  c = buf[i]!;
  if (i === targetStart) return st.fail('HPE_INVALID_TARGET');
  // A line ending right after the target is an HTTP/0.9 simple request: no version.
  if (c !== SP) return st.fail(c === CR || c === LF ? 'HPE_INVALID_VERSION' : 'HPE_INVALID_TARGET');
  const targetEnd = i;
  i = scanVersion(buf, i + 1, end, st);
  if (i < 0) return i;
  i = scanCrlf(buf, i, end, st, 'HPE_INVALID_VERSION');
  if (i < 0) return i;
  if (i - 2 - pos > st.maxStartLineBytes) return st.fail('HPE_URI_TOO_LONG');
  st.method = methodName(buf, pos, methodEnd);
  st.target = st.text.slice(buf, targetStart, targetEnd, end);
  return i;
}

/** `HTTP-version SP 3DIGIT SP [reason-phrase] CRLF`; a missing SP before an empty reason is tolerated. */
export function scanStatusLine(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let i = scanVersion(buf, pos, end, st);
  if (i < 0) return i;
  let status = 0;
  for (let k = 0; k < 4; k++, i++) {
    if (i === end) return INCOMPLETE;
    const c = buf[i]!;
    if (k === 0 ? c !== SP : c < 0x30 || c > 0x39) return st.fail('HPE_INVALID_STATUS_LINE');
    if (k > 0) status = status * 10 + c - 0x30;
  }
  if (status < 100) return st.fail('HPE_INVALID_STATUS_LINE');
  if (i === end) return INCOMPLETE;
  let reasonStart = i;
  if (buf[i] === SP) {
    reasonStart = ++i;
    while (i < end && FIELD_VALUE[buf[i]!] !== 0) i++;
    if (i === end) return INCOMPLETE;
  }
  const reasonEnd = i;
  i = scanCrlf(buf, i, end, st, 'HPE_INVALID_STATUS_LINE');
  if (i < 0) return i;
  if (i - 2 - pos > st.maxStartLineBytes) return st.fail('HPE_STATUS_LINE_TOO_LONG');
  st.statusCode = status;
  st.reason = reasonEnd > reasonStart ? st.text.slice(buf, reasonStart, reasonEnd, end) : '';
  return i;
}

/** `HTTP/` DIGIT `.` DIGIT (RFC 9112 §2.3); only 1.0 and 1.1 are served (else 505). */
function scanVersion(buf: Buffer, pos: number, end: number, st: MessageState): number {
  let i = pos;
  for (let k = 0; k < 8; k++, i++) {
    if (i === end) return INCOMPLETE;
    const c = buf[i]!;
    const ok = k < 5 ? c === HTTP_SLASH[k] : k === 6 ? c === DOT : c >= 0x30 && c <= 0x39;
    if (!ok) return st.fail('HPE_INVALID_VERSION');
  }
  const major = buf[pos + 5]! - 0x30;
  const minor = buf[pos + 7]! - 0x30;
  if (major !== 1 || minor > 1) return st.fail('HPE_UNSUPPORTED_VERSION');
  st.versionMajor = major;
  st.versionMinor = minor;
  return i;
}

/** CRLF at buf[pos]; any other byte there is reported as `otherwise`. */
function scanCrlf(buf: Buffer, pos: number, end: number, st: MessageState, otherwise: 'HPE_INVALID_VERSION' | 'HPE_INVALID_STATUS_LINE'): number {
  if (pos === end) return INCOMPLETE;
  const c = buf[pos]!;
  if (c !== CR) return st.fail(c === LF ? 'HPE_BARE_LF' : otherwise);
  if (pos + 1 === end) return INCOMPLETE;
  if (buf[pos + 1] !== LF) return st.fail('HPE_BARE_CR');
  return pos + 2;
}
