// The connection loop on a real socket: what the service adds around the handlers.
import { mkdtemp, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpParser } from '@mths/http-parser';
import { SharedCounters } from '@mths/thread-pool';
import { waitFor } from '@mths/test-kit';
import { tcpListenerFactory } from '@mths/transport';
import { AccessLog } from './access-log';
import { serverConfig, type ServerConfig } from './config';
import { COUNTER_NAMES } from './service-stats';
import { startHttpService, type HttpService } from './service';
import { RawClient, statusLines } from './testing/raw-client';

let root: string;
const lines: string[] = [];
const warnings: string[] = [];

async function start(overrides: Partial<ServerConfig> = {}) {
  const counters = SharedCounters.create(COUNTER_NAMES, 1);
  const log = new AccessLog({ write: (t: string) => lines.push(t) }, { write: (t: string) => warnings.push(t) }, { quiet: false, colour: false, worker: 0 });
  const config = serverConfig({ port: 0, root, ...overrides });
  const service = await startHttpService({ config, listenerFactory: tcpListenerFactory, reusePort: false, counters, slot: 0, log });
  return { service, counters, port: service.address.port };
}

const get = (port: number, path: string, extra = '') => `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n${extra}\r\n`;

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'http-service-'));
  await writeFile(join(root, 'hello.txt'), 'hello\n');
  await writeFile(join(root, 'index.html'), '<p>hi</p>');
  lines.length = 0;
  warnings.length = 0;
});

let running: HttpService | undefined;
afterEach(async () => {
  await running?.drain();
  running = undefined;
  await rm(root, { recursive: true, force: true });
});

describe('http service (RFC 9112 section 9: connection management)', () => {
  it('answers pipelined requests in order, an upload between two GETs included', async () => {
    const { service, port } = await start();
    running = service;
    const client = await RawClient.open(port);
    const body = '{"a":1}';
    client.send(
      get(port, '/hello.txt') +
        `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}` +
        get(port, '/', 'Connection: close\r\n'),
    );
    await client.until((c) => c.closed);
    expect(statusLines(client.text)).toEqual(['HTTP/1.1 200 OK', 'HTTP/1.1 201 Created', 'HTTP/1.1 200 OK']);
    expect(client.text.endsWith('<p>hi</p>')).toBe(true);
  });

  it('sends 100 Continue to a client that waits for it (RFC 9110 section 10.1.1)', async () => {
    const { service, port } = await start();
    running = service;
    const client = await RawClient.open(port);
    const body = '{"x":true}';
    client.send(
      `POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    await client.until((c) => c.text.includes('100 Continue\r\n\r\n'));
    client.send(body);
    await client.until((c) => c.text.includes('201 Created'));
    client.close();
  });

  it('counts requests and bytes in the shared counters', async () => {
    const { service, port, counters } = await start();
    running = service;
    const client = await RawClient.open(port);
    client.send(get(port, '/hello.txt') + get(port, '/hello.txt'));
    await client.until((c) => statusLines(c.text).length === 2);
    const snapshot = counters.snapshot(0);
    expect(snapshot).toMatchObject({ connections: 1, requests: 2 });
    expect(snapshot.bytesOut).toBe(Buffer.byteLength(client.text, 'latin1'));
    client.close();
    await client.until((c) => c.closed);
  });

  it('logs one access line per request', async () => {
    const { service, port } = await start();
    running = service;
    const client = await RawClient.open(port);
    client.send(get(port, '/missing.txt?x=1'));
    await client.until((c) => statusLines(c.text).length === 1);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.join('')).toMatch(/^127\.0\.0\.1 "GET \/missing\.txt\?x=1 HTTP\/1\.1" 404 \d+ \d+\.\d{3} t0\n$/);
    client.close();
  });

  it('drain closes idle keep-alive connections at once and lets a slow upload finish', async () => {
    const { service, port, counters } = await start();
    const idle = await RawClient.open(port);
    idle.send(get(port, '/hello.txt'));
    await idle.until((c) => statusLines(c.text).length === 1);

    const uploading = await RawClient.open(port);
    const before = counters.snapshot(0).bytesIn ?? 0;
    uploading.send(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n{"a":`);
    await waitFor(() => (counters.snapshot(0).bytesIn ?? 0) > before, 3_000, 'the server to read the partial upload');

    const drained = service.drain();
    await idle.until((c) => c.closed);
    uploading.send('42}');
    await uploading.until((c) => c.closed);
    expect(statusLines(uploading.text)).toEqual(['HTTP/1.1 201 Created']);
    expect(uploading.text).toMatch(/Connection: close/);
    await drained;
    expect((await readdir(join(root, 'uploads'))).filter((n) => n.endsWith('.json'))).toHaveLength(1);
  });

  it('answers 503 with Retry-After past --max-connections and keeps serving the others', async () => {
    const { service, port } = await start({ maxConnections: 1 });
    running = service;
    const first = await RawClient.open(port);
    first.send(get(port, '/hello.txt'));
    await first.until((c) => statusLines(c.text).length === 1);
    const second = await RawClient.open(port);
    await second.until((c) => c.closed);
    expect(second.text).toMatch(/^HTTP\/1\.1 503 Service Unavailable\r\n/);
    expect(second.text).toMatch(/\r\nRetry-After: 1\r\n/);
    first.send(get(port, '/hello.txt'));
    await first.until((c) => statusLines(c.text).length === 2);
    first.close();
  });

  it('answers 408 and closes when headers do not complete in time', async () => {
    const { service, port } = await start({ headerTimeoutMs: 300 });
    running = service;
    const client = await RawClient.open(port);
    client.send(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n`);
    await client.until((c) => c.closed);
    expect(statusLines(client.text)).toEqual(['HTTP/1.1 408 Request Timeout']);
    expect(warnings.join('')).toMatch(/408/);
  });

  it('closes an idle keep-alive connection after the keep-alive timeout, silently', async () => {
    const { service, port } = await start({ keepAliveTimeoutMs: 300 });
    running = service;
    const client = await RawClient.open(port);
    client.send(get(port, '/hello.txt'));
    await client.until((c) => c.closed);
    expect(statusLines(client.text)).toEqual(['HTTP/1.1 200 OK']);
  });
});

describe('a client that pipelines without reading', () => {
  it('is answered only as fast as it reads, and fully once it does', async () => {
    await writeFile(join(root, 'page.txt'), 'x'.repeat(15_000));
    const { service, port, counters } = await start({ maxRequestsPerConnection: 10_000 });
    running = service;
    const client = await RawClient.open(port);
    client.socket.pause();
    const count = 2_000; // 30 MB of answers: far more than the kernel's socket buffers hold
    client.send(get(port, '/page.txt').repeat(count));
    const answered = () => counters.snapshot(0).requests ?? 0;
    await waitFor(() => answered() > 10, 3_000, 'the first answers');
    // The server says when it holds back for this reader; from then on it answers no more.
    await waitFor(() => counters.snapshot(0).stalledReaders === 1, 5_000, 'the server to wait for the client to read');
    expect(answered()).toBeLessThan(count / 2);
    // Count answers as they stream in (re-reading 30 MB per chunk would be quadratic).
    let complete = 0;
    const parser = new HttpParser('response', { onHead: () => undefined, onBody: () => undefined, onComplete: () => void complete++ });
    client.socket.on('data', (chunk: Buffer) => parser.execute(chunk));
    client.socket.resume();
    await waitFor(() => complete === count, 20_000, () => `${count} answers (have ${complete})`);
    expect(counters.snapshot(0).stalledReaders).toBe(0);
    client.close();
  }, 30_000);
});

describe('a client that resets mid-upload', () => {
  it('leaves no file behind, and the server says so on stderr', async () => {
    const { service, port, counters } = await start();
    running = service;
    const client = await RawClient.open(port);
    const before = counters.snapshot(0).bytesIn ?? 0;
    client.send(`POST /upload HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"partial":`);
    await waitFor(() => (counters.snapshot(0).bytesIn ?? 0) > before, 3_000, 'the server to read the partial upload');
    client.socket.resetAndDestroy();
    await waitFor(() => warnings.join('').includes('during the body of POST /upload'), 3_000, 'the warning');
    expect(warnings.join('')).toMatch(/127\.0\.0\.1 went away during the body of POST \/upload \(11 of 100 bytes received\)/);
    const names = await readdir(join(root, 'uploads')).catch(() => [] as string[]);
    expect(names).toEqual([]);
  });
});
