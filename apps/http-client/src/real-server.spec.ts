// The client against OUR built http-server (not a stand-in): one server started once, the
// one-shot commands as real processes, and connection reuse counted by the server itself.
import { Chalk } from 'chalk';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from './agent';
import { History } from './history';
import { prepareRequest } from './prepare-request';
import { ReplSession } from './repl';
import type { RequestSpec } from './request-spec';
import { createSite, RealHttpServer, type ServerStats, type Site } from './testing/real-http-server';
import { buildBundle, NODE, run, type Bundle } from './testing/run-cli';
import { ScriptedPrompts } from './testing/scripted-prompts';
import { closedPort } from './testing/test-servers';
import { waitFor } from '@mths/test-kit';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
const UPLOAD_PATH = /^\/uploads\/upload_[^/]+\.json$/;
const OPTIONS = { timeoutMs: 5000, insecure: false, ca: undefined };

describe('one-shot commands and the agent against the real http-server', () => {
  let site: Site;
  let server: RealHttpServer;
  let bundle: Bundle;
  let dir: string;
  beforeAll(async () => {
    site = createSite();
    dir = mkdtempSync(join(tmpdir(), 'http-client-real-'));
    // A short keep-alive timeout lets the reconnect case run in about a second.
    [server, bundle] = await Promise.all([RealHttpServer.start(site.root, ['--keep-alive-timeout', '1']), buildBundle()]);
  }, 30_000);
  afterAll(async () => {
    try {
      if (server !== undefined) expect(await server.stop()).toBe(0);
    } finally {
      bundle?.remove();
      rmSync(site.root, { recursive: true, force: true });
      rmSync(dir, { recursive: true, force: true });
    }
  }, 20_000);

  const cli = (...args: string[]) => run(NODE, [bundle.path, ...args], { HTTP_CLIENT_HISTORY: join(dir, 'history.json') });
  const file = (name: string): Buffer => site.files.get(name) as Buffer;
  const uploads = (): string[] => readdirSync(join(site.root, 'uploads')).sort();

  it.each(['index.html', 'hello.txt', 'logo.png'])('GET /%s --output FILE saves the exact bytes', async (name) => {
    const out = join(dir, `saved-${name}`);
    const result = await cli('get', `${server.url}/${name}`, '--output', out);
    expect(result.stderr).toMatch(new RegExp(`^saved .*sha256 ${sha256(file(name))} to ${out}\\n$`));
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(sha256(readFileSync(out))).toBe(sha256(file(name)));
  });

  it('prints a text body on stdout exactly, for / and for localhost:PORT', async () => {
    const home = await cli('get', `${server.url}/`);
    expect(home.stdout.equals(file('index.html'))).toBe(true);
    const text = await cli('get', `http://localhost:${server.port}/hello.txt`);
    expect(text.stderr).toBe('');
    expect(text.status).toBe(0);
    expect(text.stdout.equals(file('hello.txt'))).toBe(true);
  });

  it('POST /upload --json stores the body byte for byte and prints its name', async () => {
    const json = '{"name": "caf\u00e9", "n": [1, 2.5, null], "ok": true}';
    const before = uploads();
    const result = await cli('post', `${server.url}/upload`, '--json', json);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout.toString()) as { filepath: string };
    expect(body).toEqual({ status: 'success', message: 'File created successfully', filepath: expect.stringMatching(UPLOAD_PATH) });
    const added = uploads().filter((name) => !before.includes(name));
    expect(added).toEqual([body.filepath.slice('/uploads/'.length)]);
    expect(readFileSync(join(site.root, body.filepath)).equals(Buffer.from(json, 'utf8'))).toBe(true);
  });

  it('POST /upload --data @file stores the file byte for byte, with Location in --verbose', async () => {
    const source = join(dir, 'payload.json');
    writeFileSync(source, '{\n  "from": "file",\n  "list": [1, 2, 3]\n}\n');
    const result = await cli('post', `${server.url}/upload`, '--data', `@${source}`, '--verbose');
    expect(result.status).toBe(0);
    const body = JSON.parse(result.stdout.toString()) as { filepath: string };
    expect(body.filepath).toMatch(UPLOAD_PATH);
    expect(result.stderr).toContain('> Content-Type: application/json\n');
    expect(result.stderr).toContain('< HTTP/1.1 201 Created\n');
    expect(result.stderr).toContain(`< location: ${body.filepath}\n`);
    expect(readFileSync(join(site.root, body.filepath)).equals(readFileSync(source))).toBe(true);
  });

  it('a 404 exits 4 with a one-line reason', async () => {
    const result = await cli('get', `${server.url}/missing.txt`);
    expect(result.status).toBe(4);
    expect(result.stderr).toBe(`error: HTTP 404 Not Found from GET ${server.url}/missing.txt\n`);
  });

  it('a closed port exits 1 quickly', async () => {
    const port = await closedPort();
    const started = Date.now();
    const result = await run(NODE, [bundle.path, 'get', `http://127.0.0.1:${port}/`, '--timeout', '3'], {}, 6000);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: connection refused by 127.0.0.1:${port} (is the server running?)\n`);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('head prints the status line and headers, and no body', async () => {
    const result = await cli('head', `${server.url}/logo.png`);
    expect(result.status).toBe(0);
    const lines = result.stdout.toString('latin1').split('\n');
    expect(lines[0]).toBe('HTTP/1.1 200 OK');
    expect(lines.at(-1)).toBe(''); // the output ends with the last header's newline
    expect(lines.slice(1, -1).every((line) => /^[a-z0-9-]+: /.test(line))).toBe(true);
    expect(lines).toContain('content-type: image/png');
    expect(lines).toContain('content-disposition: attachment; filename="logo.png"');
    expect(lines).toContain(`content-length: ${file('logo.png').length}`);
  });

  it('--verbose shows the request head and the response head on stderr, the body on stdout', async () => {
    const result = await cli('get', `${server.url}/hello.txt`, '--verbose');
    expect(result.status).toBe(0);
    expect(result.stdout.equals(file('hello.txt'))).toBe(true);
    expect(result.stderr).toMatch(new RegExp(`^> GET /hello\\.txt HTTP/1\\.1\\n> Host: 127\\.0\\.0\\.1:${server.port}\\n(> .+\\n)*>\\n`));
    expect(result.stderr).toMatch(/\n< HTTP\/1\.1 200 OK\n(< .+\n)*<\n$/);
    expect(result.stderr).toContain('< content-type: text/plain; charset=utf-8\n');
    expect(result.stderr).toContain('< content-disposition: attachment; filename="hello.txt"\n');
    expect(result.stderr).toContain(`< content-length: ${file('hello.txt').length}\n`);
  });

  describe('connection reuse, counted by the server (SIGUSR1 stats)', () => {
    const idle = (stats: ServerStats): boolean => stats.total.connections === 0;
    const specs = (): RequestSpec[] => [
      { method: 'GET', url: `${server.url}/`, headers: [] },
      { method: 'GET', url: `${server.url}/logo.png`, headers: [] },
      { method: 'POST', url: `${server.url}/upload`, headers: [], body: { kind: 'json', text: '{"via":"agent"}' } },
      { method: 'HEAD', url: `${server.url}/hello.txt`, headers: [] },
    ];

    /** Requests per worker added since `before`: a single connection lands on a single worker. */
    const added = (before: ServerStats, after: ServerStats): number[] =>
      after.workers.map((worker, i) => worker.requests - (before.workers[i]?.requests ?? 0)).filter((n) => n > 0);

    it('the Agent sends four requests on one connection', async () => {
      const before = await server.statsWhen(idle, 5000);
      expect(before.total.connections).toBe(0);
      const agent = new Agent(OPTIONS);
      try {
        const responses = [];
        for (const spec of specs()) responses.push(await agent.send(await prepareRequest(spec)));
        expect(responses.map((r) => r.head.statusCode)).toEqual([200, 200, 201, 200]);
        expect(responses[1]?.body.equals(file('logo.png'))).toBe(true);
        expect(responses.map((r) => [r.connection.id, r.connection.reused])).toEqual([
          [1, false],
          [1, true],
          [1, true],
          [1, true],
        ]);
        expect(agent.connectionsOpened).toBe(1);
        const during = await server.statsWhen((s) => s.total.requests - before.total.requests >= 4, 5000);
        expect(during.total.requests - before.total.requests).toBe(4);
        expect(during.total.connections).toBe(1);
        expect(added(before, during)).toEqual([4]);
      } finally {
        agent.close();
      }
      expect((await server.statsWhen(idle, 5000)).total.connections).toBe(0);
    });

    it('a REPL session reuses its connection, and says so', async () => {
      const before = await server.statsWhen(idle, 5000);
      let output = '';
      const repl = new ReplSession({
        prompts: new ScriptedPrompts([{ input: 'GET /hello.txt' }, { input: '/logo.png' }, { input: 'POST /upload {"via": "repl"}' }, { input: '.exit' }]),
        out: { write: (text: string) => (output += text) },
        colours: new Chalk({ level: 0 }),
        screen: () => ({ rows: 30, columns: 80 }),
        agent: new Agent(OPTIONS),
        history: History.load(join(dir, 'repl-history.json')),
        base: new URL(`${server.url}/`),
      });
      await repl.run();
      expect(output).toContain(`→ GET ${server.url}/hello.txt\nHTTP/1.1 200 OK\n`);
      expect(output).toContain('HTTP/1.1 201 Created\n');
      expect(output.match(/new connection #\d+/g)).toEqual(['new connection #1']);
      expect(output.match(/reused connection #1/g)).toHaveLength(2);
      expect(output).not.toContain('reconnected');
      const after = await server.statsWhen((s) => idle(s) && s.total.requests - before.total.requests >= 3, 5000);
      expect(after.total.requests - before.total.requests).toBe(3);
      expect(added(before, after)).toEqual([3]);
    });

    it('after the keep-alive timeout closes the idle connection, the Agent reconnects and says so', async () => {
      const agent = new Agent(OPTIONS);
      try {
        const origin = server.url;
        const first = await agent.send(await prepareRequest({ method: 'GET', url: `${origin}/hello.txt`, headers: [] }));
        expect(first.head.keepAlive).toBe(true);
        expect(agent.isKept(origin)).toBe(true);
        // The server's 1 s idle timeout ends the connection; the client sees the FIN.
        await waitFor(() => !agent.isKept(origin), 5000, 'the server to close the idle connection');
        const second = await agent.send(await prepareRequest({ method: 'GET', url: `${origin}/hello.txt`, headers: [] }));
        expect(second.body.equals(file('hello.txt'))).toBe(true);
        expect(second.connection).toMatchObject({ id: 2, reused: false, reconnected: expect.stringMatching(/closed the idle connection/) });
      } finally {
        agent.close();
      }
    });
  });

  it('left no temporary upload files behind', () => {
    expect(uploads().every((name) => /^upload_[^/]+\.json$/.test(name))).toBe(true);
    expect(existsSync(join(site.root, 'uploads'))).toBe(true);
  });
});
