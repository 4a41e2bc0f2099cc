// The IMF-fixdate for the Date header (RFC 9110 §5.6.7), formatted at most once per second:
// the cache is keyed by the current second, so no timer is needed and none keeps a process up.
import { ResponseBuilderError } from './errors';

let cachedSecond = Number.NaN;
let cachedDate = '';
let cachedLine: Buffer = Buffer.alloc(0);

function refresh(now: number): void {
  if (!Number.isFinite(now)) throw new ResponseBuilderError('RB_INVALID_DATE', String(now));
  const second = Math.floor(now / 1000);
  if (second === cachedSecond) return;
  cachedSecond = second;
  // Date#toUTCString is specified (ECMA-262 since 2018) to print exactly IMF-fixdate.
  cachedDate = new Date(second * 1000).toUTCString();
  cachedLine = Buffer.from(`Date: ${cachedDate}\r\n`, 'latin1');
}

/** `Sun, 06 Nov 1994 08:49:37 GMT` for `now` (ms since the epoch; tests inject it). */
export function httpDate(now: number = Date.now()): string {
  refresh(now);
  return cachedDate;
}

/** The whole `Date: ...\r\n` line as bytes; shared between calls in one second, so never mutate it. */
export function httpDateLine(now: number = Date.now()): Buffer {
  refresh(now);
  return cachedLine;
}
