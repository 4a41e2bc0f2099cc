// Servers for the client's tests, on 127.0.0.1 port 0: a node:http fixture site (html, text,
// binary, upload, errors, chunked, cut bodies) and a raw TCP server for framing edge cases.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type AddressInfo, type Socket } from 'node:net';
import { join } from 'node:path';

export const HTML = '<!doctype html>\n<html><head><title>Home</title></head><body><h1>Hello</h1></body></html>\n';
export const TEXT = 'Hello, world!\nSecond line.\n';
/** A PNG signature followed by every byte value: binary by any measure. */
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7) % 256))]);
export const PNG_SHA256 = createHash('sha256').update(PNG).digest('hex');

export const TLS_KEY = readFileSync(join(__dirname, 'test-key.pem'));
export const TLS_CERT = readFileSync(join(__dirname, 'test-cert.pem'));

export interface FixtureServer {
  readonly url: string;
  readonly port: number;
  /** TCP connections accepted so far. */
  connections(): number;
  /** Requests seen, as `METHOD /path`. */
  readonly requests: string[];
  /** Idle keep-alive sockets are closed by the server, as after a keep-alive timeout. */
  closeIdle(): void;
  close(): Promise<void>;
}

function route(req: IncomingMessage, res: ServerResponse, body: Buffer): void {
  const path = (req.url ?? '/').split('?')[0];
  const send = (status: number, type: string, bytes: Buffer | string): void => {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(bytes) });
    res.end(req.method === 'HEAD' ? undefined : bytes);
  };
  switch (path) {
    case '/':
    case '/index.html':
      return send(200, 'text/html; charset=utf-8', HTML);
    case '/hello.txt':
      return send(200, 'text/plain; charset=utf-8', TEXT);
    case '/logo.png':
      return send(200, 'image/png', PNG);
    case '/echo-headers':
      return send(200, 'application/json', JSON.stringify(req.headers));
    case '/upload': {
      if (req.method !== 'POST') return send(405, 'text/plain', 'POST only\n');
      try {
        JSON.parse(body.toString('utf8'));
      } catch {
        return send(400, 'application/json', '{"status":"error","message":"invalid JSON"}');
      }
      res.setHeader('Location', '/uploads/upload_1.json');
      return send(201, 'application/json', JSON.stringify({ status: 'success', message: 'File created successfully', filepath: '/uploads/upload_1.json', received: body.length }));
    }
    case '/boom':
      return send(500, 'text/plain', 'it broke\n');
    case '/chunked':
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('first,');
      setImmediate(() => {
        res.write('second,');
        setImmediate(() => res.end('third'));
      });
      return;
    case '/cut':
      // Promises 1000 bytes, sends 100, then drops the connection.
      res.writeHead(200, { 'Content-Type': 'text/plain', 'Content-Length': 1000 });
      res.write('x'.repeat(100), () => setImmediate(() => res.destroy()));
      return;
    case '/hints':
      res.writeEarlyHints({ link: '</style.css>; rel=preload; as=style' });
      return send(200, 'text/plain', 'after hints\n');
    case '/stall':
      return; // never answers
    default:
      return send(404, 'text/html; charset=utf-8', '<h1>404 Not Found</h1>\n');
  }
}

function handle(req: IncomingMessage, res: ServerResponse, requests: string[]): void {
  requests.push(`${req.method} ${req.url}`);
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => route(req, res, Buffer.concat(chunks)));
}

async function listen(server: Server, scheme: string): Promise<FixtureServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  server.on('request', (req: IncomingMessage, res: ServerResponse) => handle(req, res, requests));
  server.on(scheme === 'https' ? 'secureConnection' : 'connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `${scheme}://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    requests,
    closeIdle: () => server.closeIdleConnections(),
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export function startFixtureServer(): Promise<FixtureServer> {
  return listen(createHttpServer({ keepAliveTimeout: 60_000 }), 'http');
}

export function startTlsFixtureServer(): Promise<FixtureServer> {
  return listen(createHttpsServer({ key: TLS_KEY, cert: TLS_CERT, keepAliveTimeout: 60_000 }), 'https');
}

export interface RawServer {
  readonly url: string;
  readonly port: number;
  connections(): number;
  close(): Promise<void>;
}

/**
 * A TCP server whose `onRequest` gets each socket and the text of each request head seen on
 * it (heads only; the tests' requests carry no body), to answer with hand-written bytes.
 */
export async function startRawServer(onRequest: (socket: Socket, head: string, index: number) => void): Promise<RawServer> {
  let connections = 0;
  const sockets = new Set<Socket>();
  const server = createNetServer((socket) => {
    connections++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    let pending = '';
    let index = 0;
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n\r\n'); end !== -1; end = pending.indexOf('\r\n\r\n')) {
        const head = pending.slice(0, end);
        pending = pending.slice(end + 4);
        onRequest(socket, head, index++);
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    connections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A port that was free a moment ago and has nothing listening now. */
export async function closedPort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
