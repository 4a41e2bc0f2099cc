// Test helper shared with the servers' and client's specs: feeds bytes to a real parser
// and records what it reports (heads, bodies, trailers, completions, the error).

import { HttpParseError } from '../errors';
import { HttpParser } from '../http-parser';
import type { MessageHead, ParserHandler, ParserKind, ParserLimits } from '../types';

export interface CollectedMessage {
  head: MessageHead;
  /** The whole decoded body (copied: onBody's views may point into reused buffers). */
  body: Buffer;
  /** How many onBody calls made up the body. */
  bodyParts: number;
  trailers: readonly string[];
  complete: boolean;
}

export interface Collected {
  /** Every message whose head was reported, in order; the last may be incomplete. */
  messages: CollectedMessage[];
  /** The parser's error, from execute() or finish(), or null. */
  error: HttpParseError | null;
}

export interface CollectOptions {
  limits?: Partial<ParserLimits>;
  /** Response mode: the methods of the requests sent, in order (see expectResponseTo). */
  expect?: readonly string[];
  /** Call finish() after the last piece, as when the peer closes. */
  finish?: boolean;
}

/** A ParserHandler that records everything; usable on its own with a long-lived parser. */
export class MessageCollector implements ParserHandler {
  readonly messages: CollectedMessage[] = [];
  private parts: Buffer[] = [];

  // Throwing here flags a parser that broke its callback order (the fuzz specs rely on it).
  onHead(head: MessageHead): void {
    const previous = this.messages[this.messages.length - 1];
    if (previous !== undefined && !previous.complete) throw new Error('onHead before the previous onComplete');
    this.parts = [];
    this.messages.push({ head, body: Buffer.alloc(0), bodyParts: 0, trailers: [], complete: false });
  }

  onBody(chunk: Buffer): void {
    const message = this.messages[this.messages.length - 1];
    if (message === undefined || message.complete) throw new Error('onBody outside a message');
    if (chunk.length === 0) throw new Error('onBody with no bytes');
    this.parts.push(Buffer.from(chunk));
    message.body = Buffer.concat(this.parts);
    message.bodyParts++;
  }

  onComplete(trailers: readonly string[]): void {
    const message = this.messages[this.messages.length - 1];
    if (message === undefined || message.complete) throw new Error('onComplete without a head');
    message.trailers = trailers;
    message.complete = true;
  }
}

/** Feeds `input` (strings are taken as latin1 bytes; an array is fed piece by piece). */
export function collect(kind: ParserKind, input: string | Buffer | readonly (string | Buffer)[], options: CollectOptions = {}): Collected {
  const collector = new MessageCollector();
  const parser = new HttpParser(kind, collector, options.limits);
  for (const method of options.expect ?? []) parser.expectResponseTo(method);
  const pieces = typeof input === 'string' || Buffer.isBuffer(input) ? [input] : input;
  let error: HttpParseError | null = null;
  for (const piece of pieces) {
    error = parser.execute(typeof piece === 'string' ? Buffer.from(piece, 'latin1') : piece);
    if (error !== null) break;
  }
  if (error === null && options.finish === true) error = parser.finish();
  return { messages: collector.messages, error };
}

/** Splits bytes at the given offsets (sorted or not, out-of-range ones ignored). */
export function splitAt(bytes: Buffer, offsets: readonly number[]): Buffer[] {
  const cuts = [...new Set(offsets.filter((o) => o > 0 && o < bytes.length))].sort((a, b) => a - b);
  const pieces: Buffer[] = [];
  let from = 0;
  for (const cut of cuts) {
    pieces.push(bytes.subarray(from, cut));
    from = cut;
  }
  pieces.push(bytes.subarray(from));
  return pieces;
}
