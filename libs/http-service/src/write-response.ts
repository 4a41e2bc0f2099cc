// Putting a finished response on the wire: the head (Date and Connection lines added to the
// handler's fixed part) and, for in-memory bodies, the body, in as few writes as possible.
import type { Socket } from 'node:net';
import { CLOSE_HEADERS, finishHead, keepAliveHeaders, type ConnectionHeaders, type FixedHead } from '@mths/response-builders';
import type { ServerConfig } from './config';

/** Bodies above this go out in their own write instead of being copied behind the head. */
const COPY_BODY_LIMIT = 16 * 1024;

/** `Connection: keep-alive` + `Keep-Alive: timeout, max` (requests left), or `Connection: close`. */
export function connectionLines(keepAlive: boolean, config: ServerConfig, served: number): ConnectionHeaders {
  return keepAlive
    ? keepAliveHeaders(Math.ceil(config.keepAliveTimeoutMs / 1000), config.maxRequestsPerConnection - served)
    : CLOSE_HEADERS;
}

/** A body too large to copy behind its head: it is written on its own (writeHeadAndBody). */
export function needsOwnWrite(body: Buffer | null): body is Buffer {
  return body !== null && body.length > COPY_BODY_LIMIT;
}

/** Writes head and a large body as a corked pair, so the body is not copied. */
export function writeHeadAndBody(socket: Socket, fixedHead: FixedHead, body: Buffer, connection: ConnectionHeaders): number {
  const head = finishHead(fixedHead, connection);
  socket.cork();
  socket.write(head);
  socket.write(body);
  socket.uncork();
  return head.length + body.length;
}
