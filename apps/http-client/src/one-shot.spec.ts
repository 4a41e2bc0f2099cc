// The one-shot commands as real processes against a real server on 127.0.0.1: what scripts
// see on stdout, the one-line reasons on stderr, and the exit statuses.
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBundle, MAIN_TS, NODE, run, TSX, type Bundle } from './testing/run-cli';
import { closedPort, HTML, PNG_SHA256, startFixtureServer, TEXT, type FixtureServer } from './testing/test-servers';

const ANSI = /\u001b\[/;

describe('one-shot commands', () => {
  let server: FixtureServer;
  let bundle: Bundle;
  let dir: string;
  beforeAll(async () => {
    [server, bundle] = await Promise.all([startFixtureServer(), buildBundle()]);
    dir = mkdtempSync(join(tmpdir(), 'http-client-one-shot-'));
  });
  afterAll(async () => {
    await server.close();
    bundle.remove();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => run(NODE, [bundle.path, ...args], { HTTP_CLIENT_HISTORY: join(dir, 'history.json') });

  it('runs through tsx too, as `nx serve` does', async () => {
    const result = await run(TSX, [MAIN_TS, 'get', `${server.url}/hello.txt`]);
    expect(result.stderr).toBe('');
    expect(result.stdout.toString()).toBe(TEXT);
    expect(result.status).toBe(0);
  });

  it('prints an HTML page exactly, with heads and timing on stderr when asked', async () => {
    const result = await cli('get', `${server.url}/`, '--verbose', '--timing');
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toBe(HTML);
    expect(result.stderr).toMatch(/^> GET \/ HTTP\/1\.1\n> Host: 127\.0\.0\.1:\d+\n/);
    expect(result.stderr).toMatch(/\n< HTTP\/1\.1 200 OK\n< content-type: text\/html; charset=utf-8\n/);
    expect(result.stderr).toMatch(/connect [\d.]+ ms · ttfb [\d.]+ ms · download [\d.]+ ms · total [\d.]+ ms/);
    expect(result.stderr).toMatch(/new connection #1/);
    expect(result.stderr).not.toMatch(ANSI);
  });

  it('prints text bodies as they are', async () => {
    const result = await cli('get', `${server.url}/hello.txt`);
    expect(result.stdout.toString()).toBe(TEXT);
    expect(result.status).toBe(0);
  });

  it('saves a binary body with --output, byte for byte', async () => {
    const file = join(dir, 'logo.png');
    const result = await cli('get', `${server.url}/logo.png`, '--output', file);
    expect(result.status).toBe(0);
    expect(result.stdout.length).toBe(0);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(PNG_SHA256);
    expect(result.stderr).toBe(`saved 4.0 KiB (4104 bytes), image/png, sha256 ${PNG_SHA256} to ${file}\n`);
  });

  it('posts inline JSON and gets 201', async () => {
    const result = await cli('post', `${server.url}/upload`, '--json', '{"name": "test", "n": [1, 2]}');
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout.toString())).toMatchObject({ status: 'success', filepath: '/uploads/upload_1.json', received: 29 });
  });

  it('posts a file with --data @file and extra headers', async () => {
    const file = join(dir, 'body.json');
    writeFileSync(file, '{"from":"file"}');
    const upload = await cli('post', `${server.url}/upload`, '--data', `@${file}`, '-H', 'X-Trace: abc');
    expect(upload.status).toBe(0);
    expect(JSON.parse(upload.stdout.toString())).toMatchObject({ received: 15 });
    const echo = await cli('get', `${server.url}/echo-headers`, '-H', 'X-Trace: abc', '-H', 'Accept: application/json');
    expect(JSON.parse(echo.stdout.toString())).toMatchObject({ 'x-trace': 'abc', accept: 'application/json' });
  });

  it('decodes chunked bodies', async () => {
    const result = await cli('get', `${server.url}/chunked`);
    expect(result.stdout.toString()).toBe('first,second,third');
  });

  it('prints the head for HEAD', async () => {
    const result = await cli('head', `${server.url}/logo.png`);
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toMatch(/^HTTP\/1\.1 200 OK\ncontent-type: image\/png\n(.+\n)*content-length: 4104\n/);
  });

  it.each([
    ['/missing', 4, 'HTTP 404 Not Found'],
    ['/boom', 5, 'HTTP 500 Internal Server Error'],
  ])('exits %s -> %i with one line on stderr', async (path, status, reason) => {
    const result = await cli('get', `${server.url}${path}`);
    expect(result.status).toBe(status);
    expect(result.stderr).toBe(`error: ${reason} from GET ${server.url}${path}\n`);
  });

  it('exits 1 when the server closes mid-body', async () => {
    const result = await cli('get', `${server.url}/cut`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: the connection closed mid-body after 100 of 1000 bytes\n');
  });

  it('exits 1 when a response stalls past --timeout', async () => {
    const result = await cli('get', `${server.url}/stall`, '--timeout', '0.2');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: no response from 127.0.0.1:${server.port} within 0.2 s\n`);
  });

  it('exits 1 on a closed port', async () => {
    const port = await closedPort();
    const result = await cli('get', `http://127.0.0.1:${port}/`);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(`error: connection refused by 127.0.0.1:${port} (is the server running?)\n`);
  });

  it.each([
    [['get', 'ftp://example.com/'], 'error: unsupported scheme "ftp:" (use http:// or https://)\n'],
    [['post', 'http://h/', '--json', '{"a" 1}'], "error: --json is not valid JSON at line 1, column 6: unexpected '1'; expected ':' after the property name\n"],
    [['fetch', 'http://h/'], null],
  ])('exits 2 on bad arguments %j', async (args, stderr) => {
    const result = await cli(...args);
    expect(result.status).toBe(2);
    if (stderr !== null) expect(result.stderr).toBe(stderr);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('prints --help and exits 0', async () => {
    const result = await cli('--help');
    expect(result.status).toBe(0);
    expect(result.stdout.toString()).toMatch(/Usage: http-client/);
  });
});
