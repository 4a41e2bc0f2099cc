// The forms of request-target a GET/HEAD/POST may use (RFC 9112 §3.2): origin-form (`/path?q`)
// and absolute-form (`http://host:port/path?q`, whose authority replaces Host); the rest is 400.
import { HandlerError } from './errors';

export interface AbsoluteTarget {
  /** host[:port] of the URL, as sent (checked against the allow-list instead of Host). */
  readonly authority: string;
  /** The path and query as an origin-form target (`/` when the URL has no path). */
  readonly originForm: string;
}

const SLASH = 0x2f;

function schemeLength(target: string): number {
  const lower = target.slice(0, 8).toLowerCase();
  if (lower.startsWith('http://')) return 7;
  if (lower === 'https://') return 8;
  return -1;
}

/** Splits `http://authority/path?query`; throws HND_INVALID_TARGET for anything else. */
export function parseAbsoluteTarget(target: string): AbsoluteTarget {
  const start = schemeLength(target);
  if (start === -1) throw new HandlerError('HND_INVALID_TARGET', { detail: 'neither origin-form nor an http(s) URL' });
  let end = start;
  while (end < target.length) {
    const c = target.charCodeAt(end);
    if (c === SLASH || c === 0x3f || c === 0x23) break; // '/', '?', '#'
    end++;
  }
  const authority = target.slice(start, end);
  // userinfo in an http URL is deprecated and a recipient should treat it as an error (RFC 9110 §4.2.4).
  if (authority === '' || authority.includes('@')) {
    throw new HandlerError('HND_INVALID_TARGET', { detail: 'empty authority or userinfo' });
  }
  const rest = target.slice(end);
  return { authority, originForm: rest.charCodeAt(0) === SLASH ? rest : `/${rest}` };
}

/** The path of an origin-form target: the query (and a stray fragment) cut off. */
export function pathOf(originForm: string): string {
  for (let i = 0; i < originForm.length; i++) {
    const c = originForm.charCodeAt(i);
    if (c === 0x3f || c === 0x23) return originForm.slice(0, i);
  }
  return originForm;
}

/** True for an origin-form target (the common case: one char test on the hot path). */
export function isOriginForm(target: string): boolean {
  return target.charCodeAt(0) === SLASH;
}
