// SPEC §3 "Connections", run against every implementation with tight limits: the request cap
// per connection, the idle keep-alive timeout, and the header timeout against slow-loris
// clients (RFC 9112 §9.3, §9.8; RFC 9110 §15.5.9).
import { expectBody, expectCommonHeaders, expectConnectionHeaders, fill, get, runRow } from '../harness/contract-row';
import { IMPLEMENTATIONS } from '../harness/implementations';
import type { RawClient } from '../harness/raw-client';
import { useServer } from '../harness/use-server';
import { pause } from '@mths/test-kit';

/**
 * Writes `bytes` one every 200 ms: bounded by the byte count and by 8 s, and stopped once the
 * server answers or closes.
 */
async function trickle(client: RawClient, bytes: Buffer): Promise<void> {
  const started = Date.now();
  for (let i = 0; i < bytes.length && client.receivedBytes === 0 && !client.serverClosed; i++) {
    await client.write(bytes.subarray(i, i + 1)).catch(() => undefined);
    await pause(200);
    if (Date.now() - started > 8000) break;
  }
}

describe.each(IMPLEMENTATIONS)('connection limits and timeouts: $name', (impl) => {
  const server = useServer(impl, { flags: ['--keep-alive-timeout', '1', '--header-timeout', '1', '--max-requests-per-connection', '3'] });

  test('SPEC: Keep-Alive carries the configured timeout', async () => {
    await runRow(server(), { cite: '', name: '', request: 'GET / HTTP/1.1\r\nHost: {host}\r\n\r\n', status: 200, headers: { 'keep-alive': /^timeout=1, max=\d+$/ }, close: false });
  });

  test('SPEC: --max-requests-per-connection 3 closes after the 3rd response', async () => {
    const client = await server().connect();
    for (let i = 1; i <= 3; i++) {
      await client.send(get('/hello.txt', server()));
      const response = await client.response();
      expect(response.status).toBe(200);
      expectConnectionHeaders(response, i < 3);
    }
    await client.waitClosed();
  });

  test('SPEC: the cap holds for pipelined requests: 3 answers, the 4th is not', async () => {
    const client = await server().connect();
    await client.send(Buffer.concat([1, 2, 3, 4].map(() => get('/', server()))), ['GET', 'GET', 'GET', 'GET']);
    for (let i = 1; i <= 3; i++) expectConnectionHeaders(await client.response(), i < 3);
    await client.waitClosed();
    expect(client.completeResponses).toBe(3);
  });

  test('SPEC: an idle keep-alive connection is closed after --keep-alive-timeout 1', async () => {
    const client = await server().connect();
    await client.send(get('/', server()));
    expect((await client.response()).status).toBe(200);
    const idleSince = Date.now();
    await client.waitClosed(6000);
    const idle = Date.now() - idleSince;
    expect(idle).toBeGreaterThanOrEqual(800);
    expect(client.completeResponses).toBe(1);
  });

  test('RFC 9110 §15.5.9: headers not complete within --header-timeout 1 -> 408, then close', async () => {
    const client = await server().connect();
    const started = Date.now();
    await client.write(fill('GET / HTTP/1.1\r\nHost: {host}\r\nX-Slow: ', server()));
    const response = await client.response(6000);
    expect(response.status).toBe(408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    expectCommonHeaders(response);
    expectBody(response, 'html', server().site.files);
    expectConnectionHeaders(response, false);
    await client.waitClosed();
  });

  test('SPEC: a connection that never sends a byte is closed (with a 408 if anything)', async () => {
    const client = await server().connect();
    const started = Date.now();
    await client.waitClosed(6000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(800);
    if (client.receivedBytes > 0) expect((await client.response()).status).toBe(408);
  });

  test('SPEC: slow-loris: headers trickling in a byte every 200 ms still get 408 at the deadline', async () => {
    const client = await server().connect();
    const started = Date.now();
    const bytes = fill('GET / HTTP/1.1\r\nHost: {host}\r\nX-Trickle: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\r\n\r\n', server());
    await trickle(client, bytes);
    const response = await client.response(6000);
    expect(response.status).toBe(408);
    // The deadline counts from the first byte: trickling does not extend it (about 1 s, not 18).
    expect(Date.now() - started).toBeLessThan(6000);
    await client.waitClosed();
  });

  test('slow POST: a body trickling a byte every 200 ms gets 408 once it falls behind 500 bytes/s', async () => {
    const client = await server().connect();
    const body = `{"trickle":"${'a'.repeat(60)}"}`;
    await client.write(fill(`POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`, server()));
    const started = Date.now();
    // Each byte comes well within --header-timeout of the last: only the rate rule can stop it.
    await trickle(client, Buffer.from(body, 'latin1'));
    const response = await client.response(6000);
    expect(response.status).toBe(408);
    // 1 s plus 2 ms per byte received (a few dozen): the answer comes long before the 14 s trickle ends.
    expect(Date.now() - started).toBeLessThan(6000);
    await client.waitClosed();
  });
});
