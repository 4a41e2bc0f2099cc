import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { requestOnce } from '../http/preflight';
import { createStaticServer } from './node-http-static';

interface Fetched {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** One request on a fresh keep-alive connection, with the whole answer. */
function fetchFull(port: number, target: string, method = 'GET', headers: Record<string, string> = {}, body?: string): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: target, headers: { Host: `127.0.0.1:${port}`, Connection: 'keep-alive', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.once('end', () => {
        req.destroy();
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
      });
    });
    req.once('error', reject);
    req.end(body);
  });
}

// The baseline must answer like ours where the bench looks: same files, same headers, same upload.
describe('node:http baseline', () => {
  let dir: string;
  let uploads: string;
  let server: Server;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'baseline-spec-'));
    uploads = path.join(dir, 'uploads');
    writeFileSync(path.join(dir, 'hello.txt'), 'hello\n');
    writeFileSync(path.join(dir, 'index.html'), '<p>home</p>');
    writeFileSync(path.join(dir, 'notes.md'), '# not served');
    mkdirSync(path.join(dir, 'sub'));
    writeFileSync(path.join(dir, 'sub', 'pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    server = createStaticServer({ root: dir, uploads, keepAliveTimeoutS: 5, maxBodyBytes: 1024 });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (target: string, method = 'GET') => requestOnce({ port, method, path: target, headers: {} });

  it('serves cached files with exact length; text files as attachments', async () => {
    const head = await fetchFull(port, '/hello.txt?x=1');
    expect(head.status).toBe(200);
    expect(head.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(head.headers['content-length']).toBe('6');
    expect(head.headers['content-disposition']).toBe('attachment; filename="hello.txt"');
    expect(head.headers.connection).toBe('keep-alive');
    expect(head.body).toBe('hello\n');
  });

  it('serves html inline, / as index.html, and files in sub-folders', async () => {
    const home = await fetchFull(port, '/');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['content-disposition']).toBeUndefined();
    expect(home.body).toBe('<p>home</p>');
    expect(await get('/sub/pic.png')).toEqual({ status: 200, bodyBytes: 4 });
  });

  it('answers HEAD without a body, 404 for unknown types and files, 405 for other methods', async () => {
    expect(await get('/hello.txt', 'HEAD')).toEqual({ status: 200, bodyBytes: 0 });
    expect((await get('/notes.md')).status).toBe(404);
    expect((await get('/missing.txt')).status).toBe(404);
    expect((await get('/hello.txt', 'DELETE')).status).toBe(405);
  });

  it('stores a JSON upload atomically and answers 201 with its location', async () => {
    const body = '{"hello":"world"}';
    const res = await fetchFull(port, '/upload', 'POST', { 'Content-Type': 'application/json; charset=utf-8' }, body);
    expect(res.status).toBe(201);
    const answer = JSON.parse(res.body) as { status: string; filepath: string };
    expect(answer.status).toBe('success');
    expect(res.headers.location).toBe(answer.filepath);
    const stored = readdirSync(uploads);
    expect(stored).toEqual([path.basename(answer.filepath)]);
    expect(stored[0]).toMatch(/^upload_\d{8}T\d{9}Z_[0-9a-f]{12}\.json$/);
    expect(readFileSync(path.join(uploads, stored[0] ?? ''), 'utf8')).toBe(body);
  });

  it('refuses bad uploads: wrong type 415, bad JSON 400, too large 413', async () => {
    const post = (type: string, body: string) => requestOnce({ port, method: 'POST', path: '/upload', headers: { 'Content-Type': type }, body });
    expect((await post('text/plain', '{}')).status).toBe(415);
    expect((await post('application/json', '{nope')).status).toBe(400);
    expect((await post('application/json', '')).status).toBe(400);
    expect((await post('application/json', JSON.stringify({ pad: 'x'.repeat(2000) }))).status).toBe(413);
  });
});
