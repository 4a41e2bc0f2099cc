// Parses and checks a user-supplied `Name: value` header line (from -H or the REPL), so a typo
// is reported before anything is sent instead of producing a request the server rejects.
import { isToken } from '@mths/response-builders';
import { ClientError } from './errors';

export type HeaderPair = readonly [name: string, value: string];

/** Headers the client computes itself; a user value would contradict the body it sends. */
const COMPUTED = new Set(['content-length', 'transfer-encoding']);

/** Returns null when the line is a valid header, else the reason (for prompt validation). */
export function headerLineProblem(line: string): string | null {
  const colon = line.indexOf(':');
  if (colon <= 0) return `"${line}" is not "Name: value"`;
  const name = line.slice(0, colon).trim();
  if (!isToken(name)) return `"${name}" is not a valid header name`;
  if (COMPUTED.has(name.toLowerCase())) return `${name} is computed from the body; do not set it`;
  const value = line.slice(colon + 1).trim();
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    // RFC 9110 section 5.5 allows HTAB, SP, VCHAR and obs-text; heads go out as latin1, so
    // anything above U+00FF would be mangled rather than sent.
    if ((c < 0x20 && c !== 0x09) || c === 0x7f) return `the value of ${name} contains a control character`;
    if (c > 0xff) return `the value of ${name} has a character that is not latin1 (percent-encode it)`;
  }
  return null;
}

/** Parses `Name: value`; throws CLIENT_BAD_HEADER with the reason. */
export function parseHeaderLine(line: string): HeaderPair {
  const problem = headerLineProblem(line);
  if (problem !== null) throw new ClientError('CLIENT_BAD_HEADER', problem);
  const colon = line.indexOf(':');
  return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()];
}

/** First value of `name` (case-insensitive) in a list of pairs. */
export function findHeader(headers: readonly HeaderPair[], name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [n, v] of headers) if (n.toLowerCase() === wanted) return v;
  return undefined;
}

/** First value of `name` in the parser's flat, lower-cased name/value list. */
export function findFlatHeader(flat: readonly string[], name: string): string | undefined {
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i] === name) return flat[i + 1];
  return undefined;
}
