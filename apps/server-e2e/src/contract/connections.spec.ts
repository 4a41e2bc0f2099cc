// SPEC §3 "Connections", run against every implementation: persistence and Connection
// headers, pipelining, byte-at-a-time input and half-close (RFC 9112 §9.3, §9.6).
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectBody, expectCommonHeaders, expectConnectionHeaders, fill, get, runRow, type Row } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import type { RawClient } from '../harness/raw-client';
import { useServer } from '../harness/use-server';

const UPLOAD = 'POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{"pipe":42}';

const rows: Row[] = [
  { cite: 'RFC 9112 §9.6', name: 'Connection: close is honoured', request: 'GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n', status: 200, body: { file: 'index.html' }, close: true },
  { cite: 'RFC 9112 §9.6', name: 'Connection: Close, any case', request: 'GET / HTTP/1.1\r\nHost: {host}\r\nConnection: Close\r\n\r\n', status: 200, close: true },
  { cite: 'RFC 9110 §7.6.1', name: 'close among other options', request: 'GET / HTTP/1.1\r\nHost: {host}\r\nConnection: te, close\r\nTE: trailers\r\n\r\n', status: 200, close: true },
  { cite: 'RFC 9112 §9.6', name: 'an error response honours close too', request: 'GET /missing.txt HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n', status: 404, close: true },
  { cite: 'SPEC: Keep-Alive header, default timeout 5 s', name: 'Keep-Alive: timeout=5', request: 'GET / HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'keep-alive': /^timeout=5, max=\d+$/ }, close: false },
];

/** Writes `bytes` one byte per write, each awaited, so the server sees them apart. */
async function writeByteByByte(client: RawClient, bytes: Buffer): Promise<void> {
  for (let i = 0; i < bytes.length; i++) await client.write(bytes.subarray(i, i + 1));
}

describe.each(IMPLEMENTATIONS)('connections: $name', (impl) => {
  const server = useServer(impl);

  test.each(rows)('$cite: $name', (row) => runRow(server(), row).then(() => undefined));

  test('RFC 9112 §9.3.2: pipelined requests in one write are answered in order', async () => {
    const client = await server().connect();
    const requests = [get('/', server()), fill('HEAD /hello.txt HTTP/1.1\r\nHost: {host}\r\n\r\n', server()), get('/logo.png', server()), fill(UPLOAD, server()), get('/about.html', server()), get('/nope.html', server()), get('/large.txt', server())];
    await client.send(Buffer.concat(requests), ['GET', 'HEAD', 'GET', 'POST', 'GET', 'GET', 'GET']);
    const responses = [];
    for (let i = 0; i < requests.length; i++) responses.push(await client.response());
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 201, 200, 404, 200]);
    const files = server().site.files;
    expectBody(responses[0]!, { file: 'index.html' }, files);
    expect(responses[1]!.body.length).toBe(0);
    expect(responses[1]!.header('content-length')).toBe(String(files.get('hello.txt')!.length));
    expectBody(responses[2]!, { file: 'logo.png' }, files);
    const stored = readFileSync(join(server().site.uploads, basename(responses[3]!.header('location') ?? 'none')), 'latin1');
    expect(stored).toBe('{"pipe":42}');
    expectBody(responses[4]!, { file: 'about.html' }, files);
    expectBody(responses[6]!, { file: 'large.txt' }, files);
    responses.forEach((response, i) => expectCommonHeaders(response, i === 1 ? 'HEAD' : 'GET'));
    expect(client.serverClosed).toBe(false);
    client.destroy();
  });

  test('RFC 9112 §9.3.2: sixty pipelined requests behind a streamed file, then half-close: all answered in order, then close', async () => {
    // The file keeps the connection busy, so the rest queue up past the parse-ahead limit and
    // most of the read waits unparsed until the queue has room again.
    const client = await server().connect();
    const targets = ['/large.txt', ...Array.from({ length: 60 }, (_, i) => (i % 2 === 0 ? '/hello.txt' : '/about.html'))];
    await client.send(Buffer.concat(targets.map((target) => get(target, server()))), targets.map(() => 'GET'));
    client.endOutput();
    for (const target of targets) expectBody(await client.response(), { file: target.slice(1) }, server().site.files);
    await client.waitClosed();
    expect(client.completeResponses).toBe(targets.length);
  });

  test('RFC 9112 §9.6: a pipelined Connection: close ends the connection; later requests are not answered', async () => {
    const client = await server().connect();
    await client.send(Buffer.concat([get('/', server()), get('/hello.txt', server(), 'Connection: close\r\n'), get('/about.html', server())]), ['GET', 'GET', 'GET']);
    expectConnectionHeaders(await client.response(), true);
    const last = await client.response();
    expectConnectionHeaders(last, false);
    expectBody(last, { file: 'hello.txt' }, server().site.files);
    await client.waitClosed();
    expect(client.completeResponses).toBe(2);
  });

  test('RFC 9112 §2.2: a request sent one byte at a time', async () => {
    const client = await server().connect();
    client.expect('GET');
    await writeByteByByte(client, get('/hello.txt', server(), 'Accept: */*\r\n'));
    const response = await client.response();
    expect(response.status).toBe(200);
    expectBody(response, { file: 'hello.txt' }, server().site.files);
    client.destroy();
  });

  test('RFC 9112 §7.1: a chunked upload sent one byte at a time', async () => {
    const client = await server().connect();
    client.expect('POST');
    const body = '{"slow":true}';
    await writeByteByByte(client, fill(`POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n${body.slice(0, 5)}\r\n${(body.length - 5).toString(16)}\r\n${body.slice(5)}\r\n0\r\n\r\n`, server()));
    const response = await client.response();
    expect(response.status).toBe(201);
    expect(readFileSync(join(server().site.uploads, basename(response.header('location') ?? 'none')), 'latin1')).toBe(body);
    client.destroy();
  });

  test('RFC 9112 §9.6: a client that half-closes after its request still gets the response', async () => {
    const client = await server().connect();
    await client.send(get('/logo.png', server()));
    client.endOutput();
    const response = await client.response();
    expect(response.status).toBe(200);
    expectBody(response, { file: 'logo.png' }, server().site.files);
    await client.waitClosed();
  });

  test('RFC 9112 §9.6: half-close after two pipelined requests: both answered, then close', async () => {
    const client = await server().connect();
    await client.send(Buffer.concat([get('/', server()), get('/large.txt', server())]), ['GET', 'GET']);
    client.endOutput();
    expectBody(await client.response(), { file: 'index.html' }, server().site.files);
    expectBody(await client.response(), { file: 'large.txt' }, server().site.files);
    await client.waitClosed();
  });
});
