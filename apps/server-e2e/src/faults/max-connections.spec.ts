// SPEC §3 "Load": past --max-connections a new connection gets 503 with Retry-After and is
// closed, while the connections already open keep being served (RFC 9110 §15.6.4, §10.2.3).
import { expectBody, expectCommonHeaders, get } from '../harness/contract-row';
import { HTTP_SERVER_1, SIMPLE_SERVER } from '../harness/implementations';
import type { RawClient } from '../harness/raw-client';
import { useServer } from '../harness/use-server';

describe.each([HTTP_SERVER_1, SIMPLE_SERVER])('--max-connections 2: $name', (impl) => {
  const server = useServer(impl, { flags: ['--max-connections', '2'] });

  async function fetchHello(client: RawClient): Promise<void> {
    await client.send(get('/hello.txt', server()));
    const response = await client.response();
    expect(response.status).toBe(200);
    expectBody(response, { file: 'hello.txt' }, server().site.files);
  }

  test('a 3rd connection gets 503 + Retry-After and is closed; the first two still get answers', async () => {
    const s = server();
    const first = await s.connect();
    const second = await s.connect();
    await fetchHello(first);
    await fetchHello(second);

    const third = await s.connect();
    // The 503 may come on accept or after a request: wait for it first, then ask.
    const early = await third.response(1500).catch(() => null);
    let refused = early;
    if (refused === null) {
      await third.send(get('/hello.txt', s));
      refused = await third.response();
    }
    expect(refused.status).toBe(503);
    expect(refused.header('retry-after')).toMatch(/^\d+$/);
    expectCommonHeaders(refused);
    await third.waitClosed();

    await fetchHello(first);
    await fetchHello(second);

    // Capacity comes back once one of the two is gone.
    first.destroy();
    await s.waitForStats((stats) => stats.total.connections < 2, 10_000, 'the closed connection released');
    const fourth = await s.connect();
    await fetchHello(fourth);
  });
});
