// Decides how a response body is shown: pretty JSON, text as is, or a binary summary. The
// Content-Type decides when it is clear; otherwise the first bytes are sniffed.

export type BodyKind = 'empty' | 'json' | 'text' | 'binary';

const SNIFF_BYTES = 8192;

const TEXT_TYPES = new Set([
  'application/xml',
  'application/javascript',
  'application/ecmascript',
  'application/x-www-form-urlencoded',
  'application/x-ndjson',
  'application/yaml',
  'application/x-yaml',
  'application/toml',
  'application/sql',
  'application/graphql',
]);

/** `text/html; charset=utf-8` -> `text/html`. */
export function mediaType(contentType: string | undefined): string {
  if (contentType === undefined) return '';
  const semi = contentType.indexOf(';');
  return (semi === -1 ? contentType : contentType.slice(0, semi)).trim().toLowerCase();
}

/** The `charset` parameter, lower-cased, or undefined. */
export function charsetOf(contentType: string | undefined): string | undefined {
  if (contentType === undefined) return undefined;
  for (const part of contentType.split(';').slice(1)) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim().toLowerCase() === 'charset') {
      return part.slice(eq + 1).trim().replace(/^"|"$/g, '').toLowerCase();
    }
  }
  return undefined;
}

export function classifyBody(contentType: string | undefined, body: Buffer): BodyKind {
  if (body.length === 0) return 'empty';
  const type = mediaType(contentType);
  if (type === 'application/json' || type === 'text/json' || type.endsWith('+json')) return 'json';
  if (type.startsWith('text/') || type.endsWith('+xml') || TEXT_TYPES.has(type)) return 'text';
  if (type.startsWith('image/') || type.startsWith('audio/') || type.startsWith('video/') || type.startsWith('font/')) {
    return 'binary';
  }
  // application/octet-stream, no type, or one we do not know: look at the bytes.
  return looksLikeText(body) ? 'text' : 'binary';
}

/** No NUL and valid UTF-8 in the first few KiB (a cut multi-byte sequence at the end is fine). */
export function looksLikeText(body: Buffer): boolean {
  const sample = body.subarray(0, SNIFF_BYTES);
  if (sample.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Decodes a text body with its declared charset, UTF-8 when none or unknown. */
export function decodeText(body: Buffer, contentType: string | undefined): string {
  const charset = charsetOf(contentType) ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
