// Canonical casing of header names (Content-Type, ETag, WWW-Authenticate): names are
// case-insensitive on the wire, but readers and tests expect the conventional spelling.

// Names whose conventional spelling is not plain Title-Case.
const IRREGULAR = [
  'Content-ID', 'Content-MD5', 'DNT', 'ETag', 'Expect-CT', 'NEL', 'P3P', 'TE', 'WWW-Authenticate',
  'Sec-WebSocket-Accept', 'Sec-WebSocket-Extensions', 'Sec-WebSocket-Key', 'Sec-WebSocket-Protocol',
  'Sec-WebSocket-Version', 'Sec-CH-UA', 'Sec-CH-UA-Mobile', 'Sec-CH-UA-Platform', 'X-ATT-DeviceId',
  'X-Correlation-ID', 'X-DNS-Prefetch-Control', 'X-Request-ID', 'X-UA-Compatible', 'X-XSS-Protection',
];

// Pre-filled with the irregular names; generic results are memoised up to a bound, so a
// caller feeding endless distinct names cannot grow it without limit.
const MAX_CACHED = 1024;
const cache = new Map<string, string>(IRREGULAR.map((name) => [name.toLowerCase(), name]));

/** Title-Case after every '-', lower-case elsewhere: `x-forwarded-for` -> `X-Forwarded-For`. */
function titleCase(lower: string): string {
  let out = '';
  let upperNext = true;
  for (let i = 0; i < lower.length; i++) {
    const ch = lower[i] as string;
    out += upperNext ? ch.toUpperCase() : ch;
    upperNext = ch === '-';
  }
  return out;
}

/** The conventional spelling of a (validated, ASCII) header name. */
export function canonicalHeaderName(name: string): string {
  const lower = name.toLowerCase();
  const known = cache.get(lower);
  if (known !== undefined) return known;
  const canonical = titleCase(lower);
  if (cache.size < MAX_CACHED) cache.set(lower, canonical);
  return canonical;
}
