// What the parser knows about the message in progress; the line scanners read limits from
// it and write their results into it, so a line costs no allocation beyond its strings.

import type { ParseErrorCode } from './errors';
import { TextWindow } from './text-window';
import { DEFAULT_PARSER_LIMITS, type ParserLimits } from './types';

/** Scanner result: the line (or item) continues past the end of the bytes given. */
export const INCOMPLETE = -1;
/** Scanner result: the bytes are invalid; MessageState.errorCode says why. */
export const FAILED = -2;

/**
 * The field list of a section without fields, and the trailers of a message without any: shared
 * and frozen. A section's first field replaces it with a list of exactly its size (field-line.ts
 * addField); an empty list grown by push would reserve 19 slots for a request's one or two
 * headers, 150 bytes per request.
 */
export const NO_FIELDS: string[] = Object.freeze([]) as unknown as string[];

export class MessageState {
  readonly maxStartLineBytes: number;
  readonly maxHeaderBytes: number;
  readonly maxHeaderCount: number;
  readonly maxBodyBytes: number;

  /** Where the scanners get their strings from (see text-window.ts). */
  readonly text = new TextWindow();

  /** Set together with a FAILED result. */
  errorCode: ParseErrorCode = 'HPE_UNEXPECTED_EOF';

  method = '';
  target = '';
  statusCode = 0;
  reason = '';
  versionMajor = 1;
  versionMinor = 1;
  /** The section being read: header fields, then (chunked only) trailer fields (see addField). */
  fields: string[] = NO_FIELDS;
  inTrailers = false;
  /** Header plus trailer fields so far (both count against maxHeaderCount). */
  fieldCount = 0;
  /** Bytes of the current header or trailer section so far, CRLFs included. */
  sectionBytes = 0;
  leadingEmptyLines = 0;
  contentLength = -1;
  /** framing.ts TE_* flags. */
  teFlags = 0;
  /** framing.ts CONN_* flags. */
  connFlags = 0;
  /** Size of the chunk whose size line was just read. */
  chunkSize = 0;
  /** Decided by resolveFraming once the head is complete. */
  chunked = false;
  keepAlive = true;

  constructor(limits: Partial<ParserLimits> = {}) {
    // Field by field: an explicit `undefined` in the partial must not erase a limit.
    const defaults = DEFAULT_PARSER_LIMITS;
    this.maxStartLineBytes = limits.maxStartLineBytes ?? defaults.maxStartLineBytes;
    this.maxHeaderBytes = limits.maxHeaderBytes ?? defaults.maxHeaderBytes;
    this.maxHeaderCount = limits.maxHeaderCount ?? defaults.maxHeaderCount;
    this.maxBodyBytes = limits.maxBodyBytes ?? defaults.maxBodyBytes;
  }

  fail(code: ParseErrorCode): number {
    this.errorCode = code;
    return FAILED;
  }

  /** Forget the finished message; the next one gets a fresh header list (it was handed out). */
  reset(): void {
    this.method = '';
    this.target = '';
    this.statusCode = 0;
    this.reason = '';
    this.fields = NO_FIELDS;
    this.inTrailers = false;
    this.fieldCount = 0;
    this.sectionBytes = 0;
    this.leadingEmptyLines = 0;
    this.contentLength = -1;
    this.teFlags = 0;
    this.connFlags = 0;
    this.chunked = false;
    this.keepAlive = true;
  }
}
