// Small helpers for this lib's table-driven specs: raw bytes in, a plain summary out.

import type { ParseErrorCode } from '../errors';
import type { ParserKind, ParserLimits } from '../types';
import { collect, splitAt, type Collected, type CollectOptions } from './collect';

export interface MessageSummary {
  start: string;
  headers: readonly string[];
  body: string;
  trailers: readonly string[];
  keepAlive: boolean;
  complete: boolean;
}

/** What a test usually wants to compare: the start line, fields, body text, keep-alive. */
export function summarize(result: Collected): MessageSummary[] {
  return result.messages.map(({ head, body, trailers, complete }) => ({
    start: head.statusCode === 0
      ? `${head.method} ${head.target} HTTP/${head.versionMajor}.${head.versionMinor}`
      : `HTTP/${head.versionMajor}.${head.versionMinor} ${head.statusCode} ${head.reason}`,
    headers: head.headers,
    body: body.toString('latin1'),
    trailers,
    keepAlive: head.keepAlive,
    complete,
  }));
}

/** The error code the parser reports for `raw` fed in one piece (and then EOF), or null. */
export function errorCodeOf(kind: ParserKind, raw: string, options: CollectOptions = {}): ParseErrorCode | null {
  return collect(kind, raw, { finish: true, ...options }).error?.code ?? null;
}

/** Parses `raw` whole, then one byte at a time, and checks that both give the same result. */
export function collectBothWays(kind: ParserKind, raw: string, options: CollectOptions = {}): Collected {
  const bytes = Buffer.from(raw, 'latin1');
  const whole = collect(kind, bytes, options);
  const bytewise = collect(kind, splitAt(bytes, [...bytes.keys()]), options);
  if (JSON.stringify(summarize(whole)) !== JSON.stringify(summarize(bytewise)) || whole.error?.code !== bytewise.error?.code) {
    throw new Error(`byte-by-byte parse differs from the whole parse for ${JSON.stringify(raw)}`);
  }
  return whole;
}

export function limits(partial: Partial<ParserLimits>): CollectOptions {
  return { limits: partial };
}
