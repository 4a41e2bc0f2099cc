// The heads we build, read by Node's own strict HTTP parser (llhttp) over real loopback sockets.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { CLOSE_HEADERS } from './connection-headers';
import { finishHead } from './finish-head';
import { requestHead } from './http-request-builder';
import { HttpResponseBuilder } from './http-response-builder';

function listen(server: net.Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

describe('on the wire', () => {
  it('node:http reads a finishHead response with its body', async () => {
    const body = Buffer.from('Hello from mths!\n');
    const fixed = HttpResponseBuilder.fixedHead(200, [
      ['content-type', 'text/plain; charset=utf-8'],
      ['content-length', body.length],
      ['content-disposition', 'attachment; filename="hello.txt"'],
    ]);
    const server = net.createServer((socket) => {
      socket.once('data', () => socket.end(finishHead(fixed, CLOSE_HEADERS, body)));
    });
    const port = await listen(server);
    try {
      const { status, headers, received } = await new Promise<{
        status: number | undefined;
        headers: http.IncomingHttpHeaders;
        received: Buffer;
      }>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port, path: '/hello.txt', agent: false }, (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (chunk: Buffer) => chunks.push(chunk));
            res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, received: Buffer.concat(chunks) }));
            res.on('error', reject);
          })
          .on('error', reject);
      });
      expect(status).toBe(200);
      expect(headers).toMatchObject({
        'content-type': 'text/plain; charset=utf-8',
        'content-length': String(body.length),
        'content-disposition': 'attachment; filename="hello.txt"',
        server: 'mths',
        connection: 'close',
      });
      expect(Date.parse(headers.date as string)).not.toBeNaN();
      expect(received.equals(body)).toBe(true);
    } finally {
      await close(server);
    }
  });

  it('node:http reads a requestHead request and our builder answers it', async () => {
    const payload = Buffer.from('{"a":"é"}');
    let seen: { method?: string; url?: string; headers?: http.IncomingHttpHeaders; body?: string } = {};
    const server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        seen = { method: req.method, url: req.url, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
        const reply = Buffer.from('created');
        // Write our own head on the raw socket to check the fluent builder end to end as well.
        const head = new HttpResponseBuilder(201).contentType('text/plain').contentLength(reply.length).close().toBuffer();
        req.socket.end(Buffer.concat([head, reply]));
      });
    });
    const port = await listen(server);
    try {
      const raw = await new Promise<string>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1', () => {
          socket.write(
            Buffer.concat([
              requestHead('POST', '/upload?x=1', { 'content-type': 'application/json' }, {
                host: `127.0.0.1:${port}`,
                contentLength: payload.length,
              }),
              payload,
            ]),
          );
        });
        const chunks: Buffer[] = [];
        socket.on('data', (chunk: Buffer) => chunks.push(chunk));
        socket.on('end', () => resolve(Buffer.concat(chunks).toString('latin1')));
        socket.on('error', reject);
      });
      expect(seen).toMatchObject({
        method: 'POST',
        url: '/upload?x=1',
        headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', 'content-length': String(payload.length) },
        body: '{"a":"é"}',
      });
      expect(raw.startsWith('HTTP/1.1 201 Created\r\nContent-Type: text/plain\r\nContent-Length: 7\r\n')).toBe(true);
      expect(raw.endsWith('\r\nConnection: close\r\n\r\ncreated')).toBe(true);
    } finally {
      server.closeAllConnections();
      await close(server);
    }
  });
});
