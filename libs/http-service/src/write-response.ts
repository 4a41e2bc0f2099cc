// Putting a finished response on the wire: the head (Date and Connection lines added to the
// handler's fixed part) and, for in-memory bodies, the body, in as few writes as possible.
import type { Socket } from 'node:net';
import type { BufferResult } from '@mths/handlers';
import { CLOSE_HEADERS, finishHead, keepAliveHeaders, type ConnectionHeaders } from '@mths/response-builders';
import type { ServerConfig } from './config';

/** Bodies above this go out in their own write instead of being copied behind the head. */
const COPY_BODY_LIMIT = 16 * 1024;

/** `Connection: keep-alive` + `Keep-Alive: timeout, max` (requests left), or `Connection: close`. */
export function connectionLines(keepAlive: boolean, config: ServerConfig, served: number): ConnectionHeaders {
  return keepAlive
    ? keepAliveHeaders(Math.ceil(config.keepAliveTimeoutMs / 1000), config.maxRequestsPerConnection - served)
    : CLOSE_HEADERS;
}

/** The whole response in one Buffer (head and a copy of the body) when the body is small, else null. */
export function oneBufferResponse(result: BufferResult, connection: ConnectionHeaders): Buffer | null {
  const body = result.body;
  if (body !== null && body.length > COPY_BODY_LIMIT) return null;
  return finishHead(result.fixedHead, connection, body ?? undefined);
}

/** Writes a response with a large body as a corked pair, so the body is not copied. */
export function writeHeadAndBody(socket: Socket, result: BufferResult & { body: Buffer }, connection: ConnectionHeaders): number {
  const body = result.body;
  const head = finishHead(result.fixedHead, connection);
  socket.cork();
  socket.write(head);
  socket.write(body);
  socket.uncork();
  return head.length + body.length;
}
