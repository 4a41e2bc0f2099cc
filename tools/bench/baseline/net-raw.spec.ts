import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type AddressInfo, type Server } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRawServer, rawFileResponse, rawUploadResponse } from './net-raw';

/**
 * Sends each chunk once the answer to the one before has arrived; after the last answer the client
 * ends the socket, unless `waitForServerEnd`, when it resolves only if the server closes it.
 */
function exchange(port: number, chunks: readonly string[], answerBytes: number, waitForServerEnd = false): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    let received = '';
    let sent = 0;
    const sendNext = (): void => {
      socket.write(chunks[sent] ?? '');
      sent += 1;
    };
    socket.once('connect', sendNext);
    socket.on('data', (data: Buffer) => {
      received += data.toString('latin1');
      if (received.length < answerBytes * sent) return;
      if (sent < chunks.length) sendNext();
      else if (!waitForServerEnd) socket.end();
    });
    socket.once('close', () => resolve(received));
    socket.once('error', reject);
  });
}

const GET = 'GET /hello.txt HTTP/1.1\r\nHost: x\r\n\r\n';

// The floor parses nothing: one data event in, one prebuilt response out.
describe('node:net floor', () => {
  let dir: string;
  const servers: Server[] = [];

  const start = async (response: Buffer, close: boolean): Promise<number> => {
    const server = createRawServer({ response, close });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return (server.address() as AddressInfo).port;
  };

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'net-raw-spec-'));
    writeFileSync(path.join(dir, 'hello.txt'), 'hello\n');
    writeFileSync(path.join(dir, 'page.html'), '<p>home</p>');
  });

  afterAll(async () => {
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    rmSync(dir, { recursive: true, force: true });
  });

  it('builds file responses with exact length, html inline and other files as attachments', () => {
    const text = rawFileResponse(path.join(dir, 'hello.txt'), false).toString('latin1');
    expect(text.startsWith('HTTP/1.1 200 OK\r\n')).toBe(true);
    expect(text).toContain('\r\nContent-Length: 6\r\n');
    expect(text).toContain('\r\nContent-Disposition: attachment; filename="hello.txt"\r\n');
    expect(text).toContain('\r\nConnection: keep-alive\r\n');
    expect(text.endsWith('\r\n\r\nhello\n')).toBe(true);
    const html = rawFileResponse(path.join(dir, 'page.html'), true).toString('latin1');
    expect(html).toContain('\r\nContent-Type: text/html; charset=utf-8\r\n');
    expect(html).not.toContain('Content-Disposition');
    expect(html).toContain('\r\nConnection: close\r\n');
  });

  it('answers every request on a keep-alive socket with the same response', async () => {
    const response = rawFileResponse(path.join(dir, 'hello.txt'), false);
    const port = await start(response, false);
    const text = await exchange(port, [GET, GET, GET], response.length);
    expect(text).toBe(response.toString('latin1').repeat(3));
  });

  it('ends the socket after its one answer in close mode', async () => {
    const response = rawFileResponse(path.join(dir, 'hello.txt'), true);
    const port = await start(response, true);
    const text = await exchange(port, [GET], response.length, true);
    expect(text).toBe(response.toString('latin1'));
  });

  it('answers uploads with a fixed 201 and a Location', async () => {
    const response = rawUploadResponse(false);
    const port = await start(response, false);
    const text = await exchange(port, ['POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}'], response.length);
    expect(text.startsWith('HTTP/1.1 201 Created\r\n')).toBe(true);
    expect(text).toContain('\r\nLocation: /uploads/floor.json\r\n');
    expect(JSON.parse(text.slice(text.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 'success', filepath: '/uploads/floor.json' });
  });
});
