// SPEC §3 "Load" and "POST /upload": concurrent uploads never share or tear a file, and a
// 4-thread server spreads 500 GETs over its workers with every byte right (stats line).
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { expectBody, fill, get } from '../harness/contract-row';
import { textBytes } from '../harness/fixture-site';
import { HTTP_SERVER_4, IMPLEMENTATIONS } from '../harness/implementations';
import { ServerProcess } from '../harness/server-process';
import { useServer } from '../harness/use-server';

const UPLOADS = 50;

describe.each(IMPLEMENTATIONS)('50 concurrent uploads: $name', (impl) => {
  const server = useServer(impl, { flags: ['--quiet'] });

  test('SPEC: 50 distinct, complete files, no temporaries left', async () => {
    const bodies = Array.from({ length: UPLOADS }, (_, i) => JSON.stringify({ upload: i, pad: textBytes(2000 + i * 37, i + 1).toString('latin1') }));
    const clients = await Promise.all(bodies.map(() => server().connect()));
    // Every request goes out before any answer is read: they overlap on the server.
    await Promise.all(
      clients.map((client, i) =>
        client.send(fill(`POST /upload HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\nContent-Length: ${bodies[i]!.length}\r\n\r\n${bodies[i]!}`, server())),
      ),
    );
    const responses = await Promise.all(clients.map((client) => client.response(10_000)));
    for (const client of clients) client.destroy();

    expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 201));
    const names = responses.map((response) => basename(response.header('location') ?? ''));
    expect(new Set(names).size).toBe(UPLOADS);
    names.forEach((name, i) => expect(readFileSync(join(server().site.uploads, name), 'latin1')).toBe(bodies[i]));
    expect(readdirSync(server().site.uploads).sort()).toEqual([...names].sort());
  });
});

describe('500 GETs over 50 connections: http-server, 4 threads', () => {
  let server: ServerProcess | undefined;
  afterAll(() => server?.kill());

  test('SPEC: every response right, more than one worker busy, stats on SIGUSR1 and SIGTERM', async () => {
    server = await ServerProcess.start(HTTP_SERVER_4, { flags: ['--quiet'] });
    const s = server;
    const targets = ['/', '/hello.txt', '/logo.png', '/about.html', '/docs/', '/large.txt', '/missing.html', '/hello.txt?x=1', '/docs/guide.txt', '/logo.png'];
    const fileOf: Record<string, string> = { '/': 'index.html', '/hello.txt': 'hello.txt', '/logo.png': 'logo.png', '/about.html': 'about.html', '/docs/': 'docs/index.html', '/large.txt': 'large.txt', '/hello.txt?x=1': 'hello.txt', '/docs/guide.txt': 'docs/guide.txt' };
    const clients = await Promise.all(Array.from({ length: 50 }, () => s.connect({ keepRaw: false, keepBodies: false })));
    let ok = 0;
    await Promise.all(
      clients.map(async (client, c) => {
        for (let i = 0; i < targets.length; i++) {
          const target = targets[(i + c) % targets.length]!;
          await client.send(get(target, s));
          const response = await client.response(10_000);
          const file = fileOf[target];
          if (file === undefined) expect(response.status).toBe(404);
          else expectBody(response, { file }, s.site.files);
          ok++;
        }
      }),
    );
    expect(ok).toBe(500);
    for (const client of clients) client.destroy();

    const live = await s.stats();
    expect(live.workers).toHaveLength(4);
    expect(live.total.requests).toBeGreaterThanOrEqual(500);
    expect(live.workers.filter((worker) => worker.requests > 0).length).toBeGreaterThan(1);

    const exit = await s.stop();
    expect(exit).toEqual({ code: 0, signal: null });
    const final = s.finalStats();
    expect(final?.total.requests).toBeGreaterThanOrEqual(500);
    expect(final?.workers.filter((worker) => worker.requests > 0).length).toBeGreaterThan(1);
    expect(final?.total.bytesOut).toBeGreaterThan(50 * s.site.files.get('large.txt')!.length);
  }, 40_000);
});
