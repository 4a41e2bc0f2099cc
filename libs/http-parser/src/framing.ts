// Interpretation of the framing headers (Content-Length, Transfer-Encoding, Connection)
// from their decoded values: pure functions over strings, no allocation, no regex.

/** parseContentLength result: the value is not 1*DIGIT (or a list of them), or overflows. */
export const CL_INVALID = -1;
/** parseContentLength result: a comma list holding two different values. */
export const CL_CONFLICT = -2;

const COMMA = 0x2c;
const isOws = (c: number): boolean => c === 0x20 || c === 0x09;

/**
 * Content-Length (RFC 9110 §8.6): 1*DIGIT, or a comma list of identical values (which a
 * recipient may collapse to one). Returns the length, CL_INVALID or CL_CONFLICT.
 */
export function parseContentLength(value: string): number {
  const len = value.length;
  let result = -1;
  let i = 0;
  for (;;) {
    while (i < len && isOws(value.charCodeAt(i))) i++;
    const start = i;
    let n = 0;
    let c = 0;
    while (i < len && (c = value.charCodeAt(i)) >= 0x30 && c <= 0x39) {
      n = n * 10 + (c - 0x30);
      // Past 2^53 the sum loses precision and two different lengths could compare equal.
      if (n > Number.MAX_SAFE_INTEGER) return CL_INVALID;
      i++;
    }
    if (i === start) return CL_INVALID;
    while (i < len && isOws(value.charCodeAt(i))) i++;
    if (result >= 0 && n !== result) return CL_CONFLICT;
    result = n;
    if (i === len) return result;
    if (value.charCodeAt(i) !== COMMA) return CL_INVALID;
    i++;
  }
}

/** A Transfer-Encoding field was present (even an empty one). */
export const TE_PRESENT = 1;
/** The last coding seen so far is chunked. */
export const TE_CHUNKED_LAST = 2;
/** chunked appeared more than once (RFC 9112 §6.1 forbids applying it twice). */
export const TE_CHUNKED_TWICE = 4;
/** A coding we do not know, or chunked with parameters, or a malformed element. */
export const TE_UNKNOWN = 8;

const CHUNKED_SEEN = 16;
const KNOWN_CODINGS: readonly string[] = ['gzip', 'x-gzip', 'deflate', 'compress', 'x-compress'];

/**
 * Folds one Transfer-Encoding field value (RFC 9112 §6.1, a list of codings, possibly split
 * over several fields) into the running TE_* flags of the message.
 */
export function transferCodings(value: string, flags: number): number {
  flags |= TE_PRESENT;
  for (let start = nextMember(value, 0); start < value.length; ) {
    const stop = memberEnd(value, start);
    const end = trimmedEnd(value, start, stop);
    if (equalsLower(value, start, end, 'chunked')) {
      flags |= flags & CHUNKED_SEEN ? TE_CHUNKED_TWICE : CHUNKED_SEEN;
      flags |= TE_CHUNKED_LAST;
    } else {
      flags &= ~TE_CHUNKED_LAST;
      // A known coding may carry parameters: compare the name before ';' only.
      let nameEnd = start;
      while (nameEnd < end && value.charCodeAt(nameEnd) !== 0x3b && !isOws(value.charCodeAt(nameEnd))) nameEnd++;
      if (!isKnownCoding(value, start, nameEnd)) flags |= TE_UNKNOWN;
    }
    start = nextMember(value, stop);
  }
  return flags;
}

/** True when the codings end in exactly one chunked and every coding is known. */
export function isStrictChunked(flags: number): boolean {
  return (flags & (TE_CHUNKED_LAST | TE_CHUNKED_TWICE | TE_UNKNOWN)) === TE_CHUNKED_LAST;
}

function isKnownCoding(value: string, start: number, end: number): boolean {
  for (let k = 0; k < KNOWN_CODINGS.length; k++) {
    if (equalsLower(value, start, end, KNOWN_CODINGS[k]!)) return true;
  }
  return false;
}

/** Connection carries the token `close`. */
export const CONN_CLOSE = 1;
/** Connection carries the token `keep-alive`. */
export const CONN_KEEP_ALIVE = 2;

/** The CONN_* tokens of one Connection field value (RFC 9110 §7.6.1, case-insensitive). */
export function connectionTokens(value: string): number {
  // Nearly every value is one of these two exactly.
  if (value === 'keep-alive') return CONN_KEEP_ALIVE;
  if (value === 'close') return CONN_CLOSE;
  let flags = 0;
  for (let start = nextMember(value, 0); start < value.length; ) {
    const stop = memberEnd(value, start);
    const end = trimmedEnd(value, start, stop);
    if (equalsLower(value, start, end, 'close')) flags |= CONN_CLOSE;
    else if (equalsLower(value, start, end, 'keep-alive')) flags |= CONN_KEEP_ALIVE;
    start = nextMember(value, stop);
  }
  return flags;
}

// List members (RFC 9110 §5.6.1): separated by commas with optional whitespace; empty members
// are ignored by recipients (§5.6.1.2).

/** The first character of the next member at or after `i`, or value.length. */
function nextMember(value: string, i: number): number {
  const len = value.length;
  while (i < len) {
    const c = value.charCodeAt(i);
    if (c !== COMMA && !isOws(c)) break;
    i++;
  }
  return i;
}

/** Where the member starting at `start` ends: at the next comma or the end of the value. */
function memberEnd(value: string, start: number): number {
  const comma = value.indexOf(',', start);
  return comma < 0 ? value.length : comma;
}

/** `end` moved back over trailing whitespace. */
function trimmedEnd(value: string, start: number, end: number): number {
  while (end > start && isOws(value.charCodeAt(end - 1))) end--;
  return end;
}

/** value[start, end) equals `lower` (a lower-case ASCII literal), ignoring ASCII case. */
function equalsLower(value: string, start: number, end: number, lower: string): boolean {
  if (end - start !== lower.length) return false;
  for (let k = 0; k < lower.length; k++) {
    let c = value.charCodeAt(start + k);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(k)) return false;
  }
  return true;
}
