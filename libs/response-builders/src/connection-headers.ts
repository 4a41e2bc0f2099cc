// Preformatted `Connection:` / `Keep-Alive:` lines: built once per (timeout, max) pair and
// reused, so a response head only copies them.
import { ResponseBuilderError } from './errors';
import { ownedLatin1 } from './owned-bytes';

/** The connection lines of a head, ready to copy; only made by this module. */
export type ConnectionHeaders = Buffer & { readonly __connectionHeaders: true };

/** `Connection: close\r\n`. */
export const CLOSE_HEADERS = ownedLatin1('Connection: close\r\n') as ConnectionHeaders;

const LIMIT = 2 ** 26; // both numbers fit one safe-integer cache key below this
const MAX_CACHED = 4096; // e.g. every remaining-request count of a few timeouts
const keepAliveCache = new Map<number, ConnectionHeaders>();

function assertCount(value: number, what: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= LIMIT) {
    throw new ResponseBuilderError('RB_INVALID_KEEP_ALIVE', `${what} ${value}`);
  }
}

/** `Connection: keep-alive\r\nKeep-Alive: timeout=<s>, max=<n>\r\n`, cached per pair. */
export function keepAliveHeaders(timeoutSeconds: number, maxRequests: number): ConnectionHeaders {
  assertCount(timeoutSeconds, 'timeout');
  assertCount(maxRequests, 'max');
  const key = timeoutSeconds * LIMIT + maxRequests;
  let lines = keepAliveCache.get(key);
  if (lines === undefined) {
    lines = ownedLatin1(
      `Connection: keep-alive\r\nKeep-Alive: timeout=${timeoutSeconds}, max=${maxRequests}\r\n`,
    ) as ConnectionHeaders;
    if (keepAliveCache.size >= MAX_CACHED) keepAliveCache.clear();
    keepAliveCache.set(key, lines);
  }
  return lines;
}

export interface KeepAliveOptions {
  timeoutSeconds: number;
  maxRequests: number;
}

/** Picks the lines for one response: keep-alive with its parameters, or close. */
export function connectionHeaders(keepAlive: KeepAliveOptions | false): ConnectionHeaders {
  return keepAlive === false ? CLOSE_HEADERS : keepAliveHeaders(keepAlive.timeoutSeconds, keepAlive.maxRequests);
}
