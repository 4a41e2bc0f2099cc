// The server's bytes read back as responses by the real parser in response mode, told which
// requests they answer so a response to HEAD is read without a body (RFC 9112 §6.3).
import { HttpParser, type HttpParseError } from '@mths/http-parser';
import { ResponseCollector } from '../harness/response-collector';
import { toResponse, type Response } from '../harness/response';

export interface ParsedResponses {
  readonly responses: readonly Response[];
  /** The parser's error, or an unfinished response at the close; null when every byte made complete responses. */
  readonly error: HttpParseError | null;
}

/** `methods`: the methods of the requests the responses answer, in order ('' past the end: a body is read). */
export function parseResponses(received: Buffer, methods: readonly string[]): ParsedResponses {
  const collector = new ResponseCollector(true);
  const parser = new HttpParser('response', collector, { maxBodyBytes: 1024 * 1024 * 1024 });
  for (const method of methods) parser.expectResponseTo(method);
  const error = parser.execute(received) ?? parser.finish();
  const responses = collector.messages.filter((message) => message.complete).map(toResponse);
  return { responses, error };
}
