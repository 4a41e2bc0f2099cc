// The floor: a node:net server that answers every 'data' event with one prebuilt HTTP/1.1
// response and parses nothing, so its cost is what any Node server pays (kernel, libuv, one write).
// It reads into the shared buffer as ours do (@mths/transport), so it stays below them.

import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { readIntoSharedBuffer } from '@mths/transport';
import * as path from 'node:path';

export interface RawServerOptions {
  /** The one answer, built once at start (rawFileResponse or rawUploadResponse). */
  readonly response: Buffer;
  /** Connection: close workload: the response says close and the socket is ended after it. */
  readonly close: boolean;
}

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
};

const SERVER_NAME = 'node-net-raw';

function build(statusLine: string, headers: readonly string[], body: Buffer, close: boolean): Buffer {
  const head = [statusLine, `Server: ${SERVER_NAME}`, ...headers, `Content-Length: ${body.length}`, `Connection: ${close ? 'close' : 'keep-alive'}`];
  return Buffer.concat([Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'), body]);
}

/** 200 with the file's bytes (read now, once), headers as the node:http baseline sends them. */
export function rawFileResponse(file: string, close: boolean): Buffer {
  const name = path.basename(file);
  const ext = path.extname(name).toLowerCase();
  const headers = [`Content-Type: ${TYPES[ext] ?? 'application/octet-stream'}`];
  if (ext !== '.html') headers.push(`Content-Disposition: attachment; filename="${name}"`);
  return build('HTTP/1.1 200 OK', headers, readFileSync(file), close);
}

/** A fixed 201 for POST /upload: nothing is read, checked or written (the floor, no disk write). */
export function rawUploadResponse(close: boolean): Buffer {
  const filepath = '/uploads/floor.json';
  const body = Buffer.from(JSON.stringify({ status: 'success', message: 'File created successfully', filepath }));
  return build('HTTP/1.1 201 Created', ['Content-Type: application/json', `Location: ${filepath}`], body, close);
}

// Shared handlers that read the socket from `this`: no closure per connection or per request.
function ignoreError(): void {}

export function createRawServer(options: RawServerOptions): Server {
  const { response } = options;
  // One response per data event: wrk and the bench send each request in one write.
  function answer(this: Socket): void {
    this.write(response);
  }
  function answerAndClose(this: Socket): void {
    this.end(response);
  }
  const onData = options.close ? answerAndClose : answer;
  return createServer({ noDelay: true, pauseOnConnect: true }, (accepted) => {
    const socket = readIntoSharedBuffer(accepted);
    socket.on('error', ignoreError);
    socket.on('data', onData);
  });
}
