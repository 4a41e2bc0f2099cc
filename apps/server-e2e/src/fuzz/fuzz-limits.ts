// The small limits the fuzzed servers run with, as flags and as the matching parser limits,
// kept in one place so generators aim at the edges the servers really enforce.
import type { ParserLimits } from '@mths/http-parser';

export const FUZZ_LIMITS: ParserLimits = Object.freeze({
  maxStartLineBytes: 1024,
  maxHeaderBytes: 2048,
  maxHeaderCount: 20,
  maxBodyBytes: 4096,
});

export const FUZZ_SERVER_FLAGS: readonly string[] = Object.freeze([
  '--max-body', '4k',
  '--max-request-line', '1k',
  '--max-header-bytes', '2k',
  '--max-header-count', String(FUZZ_LIMITS.maxHeaderCount),
  '--header-timeout', '2',
]);

/** Statuses SPEC §3 allows here (503 needs --max-connections to be reached, which one socket at a time never does). */
export const ALLOWED_STATUSES: ReadonlySet<number> = new Set([200, 201, 400, 403, 404, 405, 408, 413, 414, 415, 431, 505]);

/** How long one case may take, from the half-close to the server's close. */
export const CASE_BOUND_MS = 3000;
