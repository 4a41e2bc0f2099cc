// Self-check of the harness against a stand-in server: start and port parsing, the raw
// client's parsing and close detection, stats, and a clean stop.
import { join } from 'node:path';
import { get } from './contract-row';
import type { Implementation } from './implementations';
import { ServerProcess } from './server-process';
import { useServer } from './use-server';

const TRIVIAL: Implementation = { name: 'trivial', app: 'simple-server', main: join(__dirname, 'testing/trivial-server.cjs') };

describe('harness', () => {
  const server = useServer(TRIVIAL);

  test('parses the port and reads a response with the real parser', async () => {
    const client = await server().connect();
    await client.send(get('/hello.txt', server()));
    const response = await client.response();
    expect(response.status).toBe(200);
    expect(response.body.equals(server().site.files.get('hello.txt')!)).toBe(true);
    expect(client.serverClosed).toBe(false);
    client.destroy();
  });

  test('HEAD is announced, so the next response still parses', async () => {
    const client = await server().connect();
    await client.send(`HEAD /hello.txt HTTP/1.1\r\nHost: x\r\n\r\nGET /index.html HTTP/1.1\r\nHost: x\r\n\r\n`, ['HEAD', 'GET']);
    expect((await client.response()).body.length).toBe(0);
    expect((await client.response()).body.equals(server().site.files.get('index.html')!)).toBe(true);
    client.destroy();
  });

  test('sees the server close the connection', async () => {
    const client = await server().connect();
    await client.send(get('/', server(), 'Connection: close\r\n'));
    expect((await client.response()).status).toBe(200);
    await client.waitClosed(2000);
    expect(client.serverClosed).toBe(true);
  });

  test('stats via SIGUSR1', async () => {
    const stats = await server().stats();
    expect(stats.total.requests).toBeGreaterThan(0);
  });

  test('a server that never listens fails start within the bound', async () => {
    const never: Implementation = { name: 'never', app: 'simple-server', main: join(__dirname, 'missing-script.cjs') };
    await expect(ServerProcess.start(never)).rejects.toThrow(/did not start/);
  });
});
