// What the user asked for, before any bytes exist: method, URL, headers and where the body
// comes from. The REPL, the one-shot commands and the history all speak this shape.
import type { Method } from './config';
import type { HeaderPair } from './header-line';
import { findHeader } from './header-line';
import type { Target } from './url-target';

export type BodySource =
  /** JSON typed inline (`--json`, the REPL); validated before sending. */
  | { readonly kind: 'json'; readonly text: string }
  /** Bytes of a file (`--data @file`, the REPL). */
  | { readonly kind: 'file'; readonly path: string }
  /** A literal string (`--data text`). */
  | { readonly kind: 'data'; readonly text: string };

export interface RequestSpec {
  readonly method: Method;
  /** Absolute URL without credentials (they travel as an Authorization header instead). */
  readonly url: string;
  readonly headers: readonly HeaderPair[];
  readonly body?: BodySource;
}

/**
 * Fixes a spec to its resolved target: the URL becomes absolute and credentials in it move to
 * a Basic Authorization header, so neither the history nor the screen ever shows them in a URL.
 */
export function settleSpec(spec: RequestSpec, target: Target): RequestSpec {
  let headers = spec.headers;
  if (target.credentials !== undefined && findHeader(headers, 'authorization') === undefined) {
    const token = Buffer.from(target.credentials, 'utf8').toString('base64');
    headers = [...headers, ['Authorization', `Basic ${token}`]];
  }
  return { ...spec, url: target.url.href, headers };
}

/** One line for lists: `POST http://127.0.0.1:8080/upload  {"a":1}`. */
export function describeSpec(spec: RequestSpec, width = 80): string {
  let text = `${spec.method} ${spec.url}`;
  if (spec.headers.length > 0) text += `  [${spec.headers.length} header${spec.headers.length === 1 ? '' : 's'}]`;
  if (spec.body?.kind === 'file') text += `  @${spec.body.path}`;
  else if (spec.body !== undefined) text += `  ${spec.body.text.replace(/\s+/g, ' ')}`;
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}

export function sameSpec(a: RequestSpec, b: RequestSpec): boolean {
  return JSON.stringify([a.method, a.url, a.headers, a.body ?? null]) === JSON.stringify([b.method, b.url, b.headers, b.body ?? null]);
}
