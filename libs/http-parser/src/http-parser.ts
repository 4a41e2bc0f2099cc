// Incremental push parser for HTTP/1.0 and HTTP/1.1 requests and responses (RFC 9112):
// bytes go in with any split, head / body pieces / completion come out through a handler.

import { BODY_CHUNKED, BODY_LENGTH, BODY_NONE, BODY_UNTIL_EOF, resolveFraming } from './body-framing';
import { CR, LF } from './char-classes';
import { MAX_CHUNK_LINE_BYTES, scanChunkSizeLine } from './chunk-line';
import { HttpParseError } from './errors';
import { scanFieldLine } from './field-line';
import { LineStash } from './line-stash';
import { MethodQueue } from './method-queue';
import { FAILED, INCOMPLETE, MessageState, NO_FIELDS } from './message-state';
import { scanLeadingEmptyLine, scanRequestLine, scanStatusLine } from './start-line';
import type { MessageHead, ParserHandler, ParserKind, ParserLimits } from './types';

const S_START = 0;
const S_HEADERS = 1;
const S_BODY_LENGTH = 2;
const S_CHUNK_SIZE = 3;
const S_CHUNK_DATA = 4;
const S_CHUNK_CR = 5;
const S_CHUNK_LF = 6;
const S_TRAILERS = 7;
const S_BODY_UNTIL_EOF = 8;
const S_DEAD = 9;

/**
 * One parser per connection. Handlers are called synchronously from execute() and finish();
 * they must not call execute() themselves, and one that throws leaves the parser unusable.
 * Upgrade and CONNECT tunnels are not followed: bytes after such a head are parsed as HTTP.
 */
/**
 * The end of the bytes a line may occupy: `room` bytes (CRLF included) from `pos`, or `end`.
 * A line with no LF inside its room breaks its limit right there, as it does when its bytes
 * trickle in (partialLineFits), so a limit and a bad byte are told apart by which comes first.
 */
function lineWindow(pos: number, end: number, room: number): number {
  return Math.min(end, pos + Math.max(room, 0));
}

export class HttpParser {
  private readonly isRequest: boolean;
  private readonly handler: ParserHandler;
  private readonly st: MessageState;
  private readonly stash = new LineStash();
  private state = S_START;
  private error: HttpParseError | null = null;
  /** Body bytes still expected: of the Content-Length body, or of the current chunk. */
  private remaining = 0;
  /** Decoded body bytes so far (chunked and close-delimited bodies; checked against the limit). */
  private bodyBytes = 0;
  /** Methods of the requests whose responses are still to come. */
  private readonly expected = new MethodQueue();
  /** pause() was asked: execute() returns at the next message boundary. */
  private pauseAsked = false;
  /** Bytes of the last execute() chunk that were parsed. */
  private used = 0;

  constructor(kind: ParserKind, handler: ParserHandler, limits?: Partial<ParserLimits>) {
    this.isRequest = kind === 'request';
    this.handler = handler;
    this.st = new MessageState(limits);
  }

  /** True while between messages (no partial message buffered). */
  get idle(): boolean {
    return this.state === S_START && this.stash.length === 0;
  }

  /**
   * Asked from a handler callback (usually onComplete): execute() returns as soon as the message
   * in progress is complete, leaving the rest of its chunk unparsed; `consumed` says where it
   * stopped, and the caller feeds the rest to execute() when it is ready for more messages.
   */
  pause(): void {
    this.pauseAsked = true;
  }

  /** Bytes of the last execute() chunk that were parsed: all of them, unless pause() stopped it. */
  get consumed(): number {
    return this.used;
  }

  /** Response mode: the method of the request whose response comes next (FIFO). */
  expectResponseTo(method: string): void {
    this.expected.push(method);
  }

  /**
   * Feeds bytes (any split). Calls the handler synchronously for every message part found.
   * Returns null, or the error that killed the parser (returned again by every later call).
   */
  execute(chunk: Buffer): HttpParseError | null {
    if (this.error !== null) return this.error;
    // Strings decoded from an earlier chunk are kept, its bytes are not: the caller may reuse them.
    this.st.text.forget();
    const end = chunk.length;
    let pos = 0;
    this.used = end;
    if (this.stash.length > 0) {
      pos = this.resumeLine(chunk);
      if (pos < 0) return pos === INCOMPLETE ? null : this.die();
      if (this.pauseAsked && this.state === S_START) return this.stopAt(pos);
    }
    while (pos < end) {
      const at = pos;
      switch (this.state) {
        case S_START: pos = this.startLine(chunk, pos, end); break;
        case S_HEADERS:
        case S_TRAILERS: pos = this.fieldLine(chunk, pos, end); break;
        case S_BODY_LENGTH: pos = this.lengthBody(chunk, pos, end); break;
        case S_CHUNK_SIZE: pos = this.chunkSizeLine(chunk, pos, end); break;
        case S_CHUNK_DATA: pos = this.chunkData(chunk, pos, end); break;
        case S_CHUNK_CR:
        case S_CHUNK_LF: pos = this.chunkEnd(chunk, pos); break;
        default: pos = this.bodyUntilEof(chunk, pos, end);
      }
      if (pos < 0) {
        if (pos === INCOMPLETE && this.stashLine(chunk, at, end)) return null;
        return this.die();
      }
      if (this.pauseAsked && this.state === S_START) return this.stopAt(pos);
    }
    return null;
  }

  /** Ends execute() early at a message boundary, as pause() asked. */
  private stopAt(pos: number): null {
    this.pauseAsked = false;
    this.used = pos;
    return null;
  }

  /**
   * The peer closed its side. Completes a close-delimited response body; an EOF inside any
   * other message is an error (HPE_UNEXPECTED_EOF). Null when idle between messages.
   */
  finish(): HttpParseError | null {
    if (this.error !== null) return this.error;
    if (this.state === S_BODY_UNTIL_EOF) {
      this.complete(NO_FIELDS, 0);
      return null;
    }
    if (this.idle) return null;
    this.st.fail('HPE_UNEXPECTED_EOF');
    return this.die();
  }

  private die(): HttpParseError {
    this.error ??= new HttpParseError(this.st.errorCode);
    this.state = S_DEAD;
    this.stash.clear();
    return this.error;
  }

  // ---- lines that may span execute() calls ----

  /** Keeps an unfinished line for the next call, unless it already breaks a limit. */
  private stashLine(chunk: Buffer, start: number, end: number): boolean {
    if (!this.partialLineFits(this.stash.length + end - start)) return false;
    this.stash.append(chunk, start, end);
    return true;
  }

  /** Can a line of which `held` bytes (no LF yet) have arrived still be within limits? */
  private partialLineFits(held: number): boolean {
    const st = this.st;
    switch (this.state) {
      case S_START:
        if (held <= st.maxStartLineBytes + 1) return true;
        st.fail(this.isRequest ? 'HPE_URI_TOO_LONG' : 'HPE_STATUS_LINE_TOO_LONG');
        return false;
      case S_CHUNK_SIZE:
        if (held < MAX_CHUNK_LINE_BYTES) return true;
        st.fail('HPE_INVALID_CHUNK_EXTENSION');
        return false;
      default:
        if (st.sectionBytes + held < st.maxHeaderBytes) return true;
        st.fail('HPE_HEADERS_TOO_LARGE');
        return false;
    }
  }

  /**
   * Continues the stashed line with the start of chunk; returns the position after the line,
   * or INCOMPLETE when chunk holds no LF. The line is scanned from its start every time, so a
   * bad byte is refused as soon as it arrives, exactly as if the line had come in one piece.
   */
  private resumeLine(chunk: Buffer): number {
    const lf = chunk.indexOf(LF);
    const take = lf < 0 ? chunk.length : lf + 1;
    // Scan first, limit second, as for a line that arrives whole: the same bytes get the same
    // error however they are split (a too-long line with a bad version is 505 either way).
    // The stash outgrows the limit by at most one chunk before the check below refuses it.
    this.stash.append(chunk, 0, take);
    const line = this.stash.bytes;
    const length = this.stash.length;
    // A complete line is consumed whatever comes of it; handlers called meanwhile see idle right.
    if (lf >= 0) this.stash.length = 0;
    let next: number;
    switch (this.state) {
      case S_START: next = this.startLine(line, 0, length); break;
      case S_CHUNK_SIZE: next = this.chunkSizeLine(line, 0, length); break;
      default: next = this.fieldLine(line, 0, length);
    }
    this.st.text.forget();
    if (next === FAILED) return FAILED;
    // Without an LF no scanner can complete a line; with one, every scanner stops exactly there.
    if (lf < 0) return this.partialLineFits(this.stash.length) ? INCOMPLETE : FAILED;
    this.stash.clear();
    return next === length ? take : this.st.fail('HPE_BARE_LF');
  }

  // ---- head ----

  private startLine(buf: Buffer, pos: number, end: number): number {
    const c = buf[pos];
    if (c === CR || c === LF) return scanLeadingEmptyLine(buf, pos, end, this.st);
    // Scan no further than the longest allowed line (+ CRLF): errors are reported in byte order,
    // so the same bytes get the same error whole, split, or one at a time (see lineWindow).
    const window = lineWindow(pos, end, this.st.maxStartLineBytes + 2);
    const next = this.isRequest ? scanRequestLine(buf, pos, window, this.st) : scanStatusLine(buf, pos, window, this.st);
    if (next >= 0) this.state = S_HEADERS;
    else if (next === INCOMPLETE && window < end) return this.st.fail(this.isRequest ? 'HPE_URI_TOO_LONG' : 'HPE_STATUS_LINE_TOO_LONG');
    return next;
  }

  private fieldLine(buf: Buffer, pos: number, end: number): number {
    if (buf[pos] !== CR) {
      const window = lineWindow(pos, end, this.st.maxHeaderBytes - this.st.sectionBytes);
      const next = scanFieldLine(buf, pos, window, this.st);
      return next === INCOMPLETE && window < end ? this.st.fail('HPE_HEADERS_TOO_LARGE') : next;
    }
    // The empty line that ends the header (or trailer) section.
    const st = this.st;
    if (pos + 1 === end) return INCOMPLETE;
    if (buf[pos + 1] !== LF) return st.fail('HPE_BARE_CR');
    if ((st.sectionBytes += 2) > st.maxHeaderBytes) return st.fail('HPE_HEADERS_TOO_LARGE');
    if (this.state === S_TRAILERS) return this.complete(st.fields, pos + 2);
    return this.headComplete(pos + 2);
  }

  private headComplete(next: number): number {
    const st = this.st;
    const isRequest = this.isRequest;
    // A 1xx response is interim: the request's final response is still to come.
    const interim = !isRequest && st.statusCode < 200;
    const body = resolveFraming(st, isRequest, isRequest || interim ? '' : this.expected.shift());
    if (body === FAILED) return FAILED;
    const head: MessageHead = {
      method: st.method,
      target: st.target,
      statusCode: st.statusCode,
      reason: st.reason,
      versionMajor: st.versionMajor,
      versionMinor: st.versionMinor,
      headers: st.fields,
      contentLength: st.contentLength,
      chunked: st.chunked,
      keepAlive: st.keepAlive,
    };
    this.bodyBytes = 0;
    if (body === BODY_LENGTH) {
      this.state = S_BODY_LENGTH;
      this.remaining = st.contentLength;
    } else if (body === BODY_CHUNKED) {
      this.state = S_CHUNK_SIZE;
    } else if (body === BODY_UNTIL_EOF) {
      this.state = S_BODY_UNTIL_EOF;
    }
    this.handler.onHead(head);
    return body === BODY_NONE ? this.complete(NO_FIELDS, next) : next;
  }

  private complete(trailers: readonly string[], next: number): number {
    this.st.reset();
    this.state = S_START;
    this.handler.onComplete(trailers);
    return next;
  }

  // ---- bodies ----

  private lengthBody(buf: Buffer, pos: number, end: number): number {
    const next = end - pos < this.remaining ? end : pos + this.remaining;
    this.remaining -= next - pos;
    this.handler.onBody(buf.subarray(pos, next));
    return this.remaining === 0 ? this.complete(NO_FIELDS, next) : next;
  }

  private chunkSizeLine(buf: Buffer, pos: number, end: number): number {
    const st = this.st;
    const window = lineWindow(pos, end, MAX_CHUNK_LINE_BYTES);
    const next = scanChunkSizeLine(buf, pos, window, st);
    if (next === INCOMPLETE && window < end) return st.fail('HPE_INVALID_CHUNK_EXTENSION');
    if (next < 0) return next;
    const size = st.chunkSize;
    if (size === 0) {
      // The last chunk: trailer fields follow (RFC 9112 §7.1.2), in a section of their own.
      st.fields = NO_FIELDS;
      st.inTrailers = true;
      st.sectionBytes = 0;
      this.state = S_TRAILERS;
      return next;
    }
    if ((this.bodyBytes += size) > st.maxBodyBytes) return st.fail('HPE_BODY_TOO_LARGE');
    this.remaining = size;
    this.state = S_CHUNK_DATA;
    return next;
  }

  private chunkData(buf: Buffer, pos: number, end: number): number {
    const next = end - pos < this.remaining ? end : pos + this.remaining;
    this.remaining -= next - pos;
    if (this.remaining === 0) this.state = S_CHUNK_CR;
    this.handler.onBody(buf.subarray(pos, next));
    return next;
  }

  /** The CRLF after chunk data, which may arrive one byte at a time. */
  private chunkEnd(buf: Buffer, pos: number): number {
    if (buf[pos] !== (this.state === S_CHUNK_CR ? CR : LF)) return this.st.fail('HPE_MISSING_CHUNK_CRLF');
    this.state = this.state === S_CHUNK_CR ? S_CHUNK_LF : S_CHUNK_SIZE;
    return pos + 1;
  }

  private bodyUntilEof(buf: Buffer, pos: number, end: number): number {
    if ((this.bodyBytes += end - pos) > this.st.maxBodyBytes) return this.st.fail('HPE_BODY_TOO_LARGE');
    this.handler.onBody(buf.subarray(pos, end));
    return end;
  }
}
