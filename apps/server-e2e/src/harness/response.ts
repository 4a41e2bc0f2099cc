// A parsed response as the rows read it: status, headers by name, body, and the raw message
// the parser reported (the parser is @mths/http-parser in response mode).
import type { StreamedMessage } from './response-collector';

export interface Response {
  readonly status: number;
  readonly reason: string;
  readonly version: string;
  /** Lower-cased name -> every value, in order. */
  readonly headers: ReadonlyMap<string, readonly string[]>;
  /** The body (empty when the client did not keep bodies; see bodyLength and sha256). */
  readonly body: Buffer;
  readonly bodyLength: number;
  readonly sha256: string;
  readonly message: StreamedMessage;
  /** The single value of `name` (values of a repeated header joined by ", "), or undefined. */
  header(name: string): string | undefined;
}

export function toResponse(message: StreamedMessage): Response {
  const headers = new Map<string, string[]>();
  const flat = message.head.headers;
  for (let i = 0; i + 1 < flat.length; i += 2) {
    const name = flat[i]!;
    const values = headers.get(name) ?? [];
    values.push(flat[i + 1]!);
    headers.set(name, values);
  }
  return {
    status: message.head.statusCode,
    reason: message.head.reason,
    version: `HTTP/${message.head.versionMajor}.${message.head.versionMinor}`,
    headers,
    body: message.body,
    bodyLength: message.bodyLength,
    sha256: message.sha256,
    message,
    header: (name) => headers.get(name.toLowerCase())?.join(', '),
  };
}

/** One line per response for failure messages. */
export function describeResponse(response: Response): string {
  const heads = [...response.headers].map(([name, values]) => `${name}: ${values.join(', ')}`).join(' | ');
  return `${response.version} ${response.status} ${response.reason} [${heads}] body ${response.bodyLength} bytes`;
}
