// Interned lower-case strings for common header names: a hot name is matched in place
// (case-insensitively) and costs no allocation; framing headers also carry a kind.

import { LOWER } from './char-classes';
import { latin1 } from './latin1';

export const KIND_OTHER = 0;
export const KIND_CONTENT_LENGTH = 1;
export const KIND_TRANSFER_ENCODING = 2;
export const KIND_CONNECTION = 3;

const COMMON_NAMES: readonly string[] = [
  // requests (what browsers, curl and proxies send)
  'host', 'user-agent', 'accept', 'accept-language', 'accept-encoding', 'accept-charset',
  'connection', 'keep-alive', 'content-length', 'content-type', 'transfer-encoding', 'cookie',
  'referer', 'origin', 'cache-control', 'pragma', 'upgrade-insecure-requests', 'sec-fetch-site',
  'sec-fetch-mode', 'sec-fetch-user', 'sec-fetch-dest', 'sec-ch-ua', 'sec-ch-ua-mobile',
  'sec-ch-ua-platform', 'sec-gpc', 'dnt', 'if-modified-since', 'if-none-match', 'if-match',
  'if-unmodified-since', 'if-range', 'range', 'authorization', 'te', 'trailer', 'upgrade',
  'expect', 'priority', 'via', 'forwarded', 'x-forwarded-for', 'x-forwarded-proto',
  'x-forwarded-host', 'x-real-ip', 'x-requested-with',
  // responses
  'date', 'server', 'location', 'content-encoding', 'content-language', 'content-disposition',
  'content-range', 'etag', 'last-modified', 'expires', 'vary', 'set-cookie', 'age', 'allow',
  'retry-after', 'accept-ranges', 'www-authenticate', 'strict-transport-security',
  'x-content-type-options', 'access-control-allow-origin',
];

const SLOTS = 256;

/** Lower-case name strings, indexed by the id lookupHeaderName returns. */
export const HEADER_NAMES: readonly string[] = COMMON_NAMES;
/** KIND_* of each id. */
export const HEADER_KINDS: Uint8Array = Uint8Array.from(COMMON_NAMES, (name) =>
  name === 'content-length' ? KIND_CONTENT_LENGTH
  : name === 'transfer-encoding' ? KIND_TRANSFER_ENCODING
  : name === 'connection' ? KIND_CONNECTION
  : KIND_OTHER,
);

// Open hashing on (length, first byte, last byte): O(1) to compute, no per-byte work before
// the one comparison that confirms the match. Chains are short (checked in the spec).
const slotHead = new Int16Array(SLOTS).fill(-1);
const chainNext = new Int16Array(COMMON_NAMES.length).fill(-1);
const nameBytes: Uint8Array[] = COMMON_NAMES.map((name) => Buffer.from(name, 'latin1'));

function slotOf(len: number, first: number, last: number): number {
  return (len * 31 + first * 7 + last) & (SLOTS - 1);
}

for (let id = COMMON_NAMES.length - 1; id >= 0; id--) {
  const bytes = nameBytes[id]!;
  const slot = slotOf(bytes.length, bytes[0]!, bytes[bytes.length - 1]!);
  chainNext[id] = slotHead[slot]!;
  slotHead[slot] = id;
}

/** Id of the common name equal (ignoring ASCII case) to buf[start, end), or -1. */
export function lookupHeaderName(buf: Buffer, start: number, end: number): number {
  const len = end - start;
  let id = slotHead[slotOf(len, LOWER[buf[start]!]!, LOWER[buf[end - 1]!]!)]!;
  while (id >= 0) {
    const bytes = nameBytes[id]!;
    if (bytes.length === len) {
      let k = 0;
      while (k < len && LOWER[buf[start + k]!] === bytes[k]) k++;
      if (k === len) return id;
    }
    id = chainNext[id]!;
  }
  return -1;
}

/** The lower-cased name buf[start, end) (a validated token): interned when common. */
export function headerName(buf: Buffer, start: number, end: number): string {
  const id = lookupHeaderName(buf, start, end);
  return id >= 0 ? HEADER_NAMES[id]! : latin1(buf, start, end).toLowerCase();
}

/** Longest chain length, for the spec that keeps lookups short. */
export function longestChain(): number {
  let longest = 0;
  for (let slot = 0; slot < SLOTS; slot++) {
    let n = 0;
    for (let id = slotHead[slot]!; id >= 0; id = chainNext[id]!) n++;
    if (n > longest) longest = n;
  }
  return longest;
}
