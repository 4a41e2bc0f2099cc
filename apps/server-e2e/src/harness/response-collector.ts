// The parser's handler for the raw client: like MessageCollector of @mths/http-parser, but it
// joins a body once at its end and hashes it as it streams, so 32 MiB downloads stay cheap.
import type { CollectedMessage, MessageHead, ParserHandler } from '@mths/http-parser';
import { createHash, type Hash } from 'node:crypto';

export interface StreamedMessage extends CollectedMessage {
  /** Decoded body bytes so far (also when bodies are not kept). */
  bodyLength: number;
  /** sha256 of the whole decoded body, set on completion. */
  sha256: string;
}

export class ResponseCollector implements ParserHandler {
  readonly messages: StreamedMessage[] = [];
  private parts: Buffer[] = [];
  private hash: Hash = createHash('sha256');

  /** `keepBodies` false: only length and sha256 are recorded. */
  constructor(private readonly keepBodies = true) {}

  onHead(head: MessageHead): void {
    const previous = this.messages[this.messages.length - 1];
    if (previous !== undefined && !previous.complete) throw new Error('onHead before the previous onComplete');
    this.parts = [];
    this.hash = createHash('sha256');
    this.messages.push({ head, body: Buffer.alloc(0), bodyParts: 0, trailers: [], complete: false, bodyLength: 0, sha256: '' });
  }

  onBody(chunk: Buffer): void {
    const message = this.current();
    // onBody's view may point into a buffer the parser's caller reuses: copy what is kept.
    if (this.keepBodies) this.parts.push(Buffer.from(chunk));
    this.hash.update(chunk);
    message.bodyParts++;
    message.bodyLength += chunk.length;
  }

  onComplete(trailers: readonly string[]): void {
    const message = this.current();
    message.body = Buffer.concat(this.parts);
    message.sha256 = this.hash.digest('hex');
    message.trailers = trailers;
    message.complete = true;
    this.parts = [];
  }

  private current(): StreamedMessage {
    const message = this.messages[this.messages.length - 1];
    if (message === undefined || message.complete) throw new Error('body or completion outside a message');
    return message;
  }
}
