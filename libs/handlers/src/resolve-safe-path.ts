// Turns a request path into a file inside the served folder, or a typed refusal: percent-decode
// once, refuse anything that could climb out or smuggle bytes, then realpath and check the real
// file still lies under the real root (symlinks). Nothing is opened here.
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { errnoCode, HandlerError } from './errors';

const SLASH = 0x2f;
const DOT = 0x2e;
const PERCENT = 0x25;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

// One decoder for every request: `fatal` makes overlong forms (%c0%ae) and lone surrogates throw.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/** Percent-decodes once into UTF-8 text (RFC 3986 §2.1); 400 on a broken escape, 403 on bad UTF-8. */
function percentDecode(raw: string): string {
  if (raw.indexOf('%') === -1) return raw;
  const bytes = Buffer.allocUnsafe(raw.length);
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c !== PERCENT) {
      bytes[n++] = c;
      continue;
    }
    const high = hexValue(raw.charCodeAt(i + 1));
    const low = hexValue(raw.charCodeAt(i + 2));
    if (high === -1 || low === -1) throw new HandlerError('HND_INVALID_PERCENT_ENCODING');
    bytes[n++] = (high << 4) | low;
    i += 2;
  }
  try {
    return UTF8.decode(bytes.subarray(0, n));
  } catch {
    throw new HandlerError('HND_INVALID_UTF8_PATH');
  }
}

function isDotSegment(path: string, start: number, end: number): boolean {
  const length = end - start;
  if (length === 1) return path.charCodeAt(start) === DOT;
  return length === 2 && path.charCodeAt(start) === DOT && path.charCodeAt(start + 1) === DOT;
}

function isLetter(c: number): boolean {
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x7a;
}

/**
 * The decoded path of an origin-form path (query already cut off), e.g. `/a/b.txt` or `/dir/`.
 * Refused with 403: `.` and `..` segments (rejected rather than normalised: no client needs
 * them and normalising is where traversal bugs live), empty segments (`//x`, also absolute
 * paths), backslash, NUL and other control characters, a `%XX` left after decoding (double
 * encoding) and a leading drive letter (`/C:/`). A trailing `/` is kept: it names a folder.
 */
export function decodeRequestPath(rawPath: string): string {
  if (rawPath.charCodeAt(0) !== SLASH) throw new HandlerError('HND_INVALID_TARGET', { detail: 'path does not start with /' });
  for (let i = 0; i < rawPath.length; i++) {
    // The parser only lets visible ASCII through; anything else did not come from the wire.
    if (rawPath.charCodeAt(i) > 0x7e) throw new HandlerError('HND_INVALID_TARGET', { detail: 'non-ASCII byte in path' });
  }
  const path = percentDecode(rawPath);
  let segmentStart = 1;
  for (let i = 1; i <= path.length; i++) {
    const c = i < path.length ? path.charCodeAt(i) : SLASH;
    if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c === BACKSLASH) {
      throw new HandlerError('HND_FORBIDDEN_PATH', { detail: 'control character or backslash' });
    }
    if (c === PERCENT && hexValue(path.charCodeAt(i + 1)) !== -1 && hexValue(path.charCodeAt(i + 2)) !== -1) {
      throw new HandlerError('HND_DOUBLE_ENCODING');
    }
    if (c !== SLASH) continue;
    // Only the end may close an empty segment: `/dir/` names a folder, `/a//b` and `//x` do not pass.
    if (i === segmentStart && i < path.length) throw new HandlerError('HND_FORBIDDEN_PATH', { detail: 'empty segment' });
    if (isDotSegment(path, segmentStart, i)) throw new HandlerError('HND_FORBIDDEN_PATH', { detail: 'dot segment' });
    if (segmentStart === 1 && i >= 3 && isLetter(path.charCodeAt(1)) && path.charCodeAt(2) === COLON) {
      throw new HandlerError('HND_DRIVE_LETTER');
    }
    segmentStart = i + 1;
  }
  return path;
}

/** True when `real` is `realRoot` or lies below it (both already symlink-free). */
export function isInside(realRoot: string, real: string): boolean {
  if (real === realRoot) return true;
  const prefix = realRoot.endsWith(sep) ? realRoot : realRoot + sep;
  return real.startsWith(prefix);
}

function fsRefusal(error: unknown, what: string): HandlerError {
  switch (errnoCode(error)) {
    case 'ENOENT':
    case 'ENOTDIR':
    case 'ENAMETOOLONG':
      return new HandlerError('HND_NOT_FOUND', { detail: what, cause: error });
    case 'EACCES':
    case 'EPERM':
    case 'ELOOP':
      return new HandlerError('HND_ACCESS_DENIED', { detail: what, cause: error });
    default:
      return new HandlerError('HND_INTERNAL', { detail: what, cause: error });
  }
}

async function realpathInside(realRoot: string, candidate: string): Promise<string> {
  let real: string;
  try {
    real = await realpath(candidate);
  } catch (error) {
    throw fsRefusal(error, candidate);
  }
  if (!isInside(realRoot, real)) throw new HandlerError('HND_OUTSIDE_ROOT', { detail: candidate });
  return real;
}

async function statOf(real: string): Promise<Stats> {
  try {
    return await stat(real);
  } catch (error) {
    throw fsRefusal(error, real);
  }
}

export interface ResolvedFile {
  /** Symlink-free absolute path, inside the real root. */
  readonly realPath: string;
  readonly stats: Stats;
}

/**
 * The regular file a decoded path names under `realRoot` (itself a realpath); a folder means
 * its index.html. Refusals: 404 missing (or not a regular file), 403 unreadable or a symlink
 * that leaves the root.
 */
export async function resolveSafePath(realRoot: string, decodedPath: string): Promise<ResolvedFile> {
  // decodeRequestPath left no `..` or empty segment, so the join cannot climb above realRoot.
  let real = await realpathInside(realRoot, join(realRoot, decodedPath));
  let stats = await statOf(real);
  if (stats.isDirectory()) {
    real = await realpathInside(realRoot, join(real, 'index.html'));
    stats = await statOf(real);
  }
  // FIFOs and devices would block or never end; they are not files this server serves.
  if (!stats.isFile()) throw new HandlerError('HND_NOT_FOUND', { detail: `${real} is not a regular file` });
  return { realPath: real, stats };
}
