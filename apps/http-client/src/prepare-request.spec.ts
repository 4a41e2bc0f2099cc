// From what the user typed to request bytes: URL resolution, default headers, bodies, and
// credentials moved out of the URL.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareRequest } from './prepare-request';
import { resolveTarget } from './url-target';

describe('resolveTarget', () => {
  it.each([
    ['http://example.com/a?b=1#frag', undefined, 'http://example.com', 'example.com', 80, '/a?b=1'],
    ['https://example.com:8443/', undefined, 'https://example.com:8443', 'example.com:8443', 8443, '/'],
    ['localhost:8080/x', undefined, 'http://localhost:8080', 'localhost:8080', 8080, '/x'],
    ['about.html', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080', '127.0.0.1:8080', 8080, '/about.html'],
    ['/a b', 'http://127.0.0.1:8080/', 'http://127.0.0.1:8080', '127.0.0.1:8080', 8080, '/a%20b'],
    ['http://[::1]:9000/', undefined, 'http://[::1]:9000', '[::1]:9000', 9000, '/'],
  ])('%s (base %s)', (input, base, originKey, hostHeader, port, path) => {
    const target = resolveTarget(input, base === undefined ? undefined : new URL(base));
    expect(target).toMatchObject({ originKey, hostHeader, port, path });
  });

  it('keeps credentials out of the URL and leaves SNI off for IP literals', () => {
    const target = resolveTarget('https://user:p%40ss@127.0.0.1/');
    expect(target.url.href).toBe('https://127.0.0.1/');
    expect(target.credentials).toBe('user:p@ss');
    expect(target.servername).toBeUndefined();
    expect(resolveTarget('https://example.com/').servername).toBe('example.com');
    expect(resolveTarget('http://[::1]:9000/').host).toBe('::1');
  });
});

describe('prepareRequest', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'http-client-prepare-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a GET head with Host first and default headers', async () => {
    const request = await prepareRequest({ method: 'GET', url: '/x?y=1', headers: [['X-Custom', 'v']] }, new URL('http://127.0.0.1:8080/'));
    expect(request.head.toString('latin1')).toBe(
      'GET /x?y=1 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: mths-http-client/0.1\r\nAccept: */*\r\nX-Custom: v\r\n\r\n',
    );
    expect(request.body).toBeNull();
    expect(request.spec.url).toBe('http://127.0.0.1:8080/x?y=1');
  });

  it('sends JSON with its type and length, and lets user headers win', async () => {
    const request = await prepareRequest({
      method: 'POST',
      url: 'http://h/upload',
      headers: [['Accept', 'text/plain'], ['Content-Type', 'application/json; charset=utf-8']],
      body: { kind: 'json', text: '{"name":"é"}' },
    });
    const head = request.head.toString('latin1');
    expect(head).toMatch(/\r\nAccept: text\/plain\r\n/);
    expect(head).toMatch(/\r\nContent-Type: application\/json; charset=utf-8\r\n/);
    expect(head).toMatch(/\r\nContent-Length: 13\r\n/);
    expect(head.match(/Content-Type/g)).toHaveLength(1);
    expect(request.body?.toString('utf8')).toBe('{"name":"é"}');
  });

  it('reads a body file and types it by extension', async () => {
    const path = join(dir, 'data.json');
    writeFileSync(path, '{"from":"file"}');
    const request = await prepareRequest({ method: 'PUT', url: 'http://h/x', headers: [], body: { kind: 'file', path } });
    expect(request.head.toString('latin1')).toMatch(/Content-Type: application\/json\r\nContent-Length: 15\r\n/);
    await expect(prepareRequest({ method: 'PUT', url: 'http://h/x', headers: [], body: { kind: 'file', path: join(dir, 'nope') } })).rejects.toMatchObject({
      code: 'CLIENT_BODY_FILE',
      exitStatus: 2,
    });
  });

  it('sends Content-Length: 0 for an empty POST, and none for GET', async () => {
    expect((await prepareRequest({ method: 'POST', url: 'http://h/', headers: [] })).head.toString('latin1')).toMatch(/Content-Length: 0\r\n/);
    expect((await prepareRequest({ method: 'GET', url: 'http://h/', headers: [] })).head.toString('latin1')).not.toMatch(/Content-Length/);
  });

  it('turns URL credentials into Basic authorization', async () => {
    const request = await prepareRequest({ method: 'GET', url: 'http://alice:secret@h/', headers: [] });
    expect(request.head.toString('latin1')).toMatch(/\r\nAuthorization: Basic YWxpY2U6c2VjcmV0\r\n/);
    expect(request.spec.url).toBe('http://h/');
    expect(request.spec.headers).toEqual([['Authorization', 'Basic YWxpY2U6c2VjcmV0']]);
  });

  it('refuses invalid JSON before anything is sent', async () => {
    await expect(prepareRequest({ method: 'POST', url: 'http://h/', headers: [], body: { kind: 'json', text: '{"a":}' } })).rejects.toMatchObject({
      code: 'CLIENT_BAD_JSON',
      message: "invalid JSON at line 1, column 6: unexpected '}'; expected a value",
    });
  });
});
