// Routing and refusals: methods (RFC 9110 §9.1, §15.5.6: 405 carries Allow), Host (RFC 9112
// §3.2), target forms (§3.2.1, §3.2.2), what gets reported, and option checking.
import { join } from 'node:path';
import { HandlerError, type HandlerErrorCode } from './errors';
import { allowedHostsFor } from './host-allow-list';
import { DEFAULT_HANDLER_OPTIONS, type HandlerOptions } from './options';
import { createRouter } from './router';
import { answer, makeServedFolder, parseRequest, request, type ServedFolder } from './testing/requests';
import type { Handler, HttpRequest } from './types';

let folder: ServedFolder;
let handle: Handler;
let reported: Array<{ error: HandlerError; request: HttpRequest }>;

function options(overrides: Partial<HandlerOptions> = {}): HandlerOptions {
  return {
    ...DEFAULT_HANDLER_OPTIONS,
    root: folder.root,
    uploadsDir: folder.uploads,
    allowedHosts: allowedHostsFor('127.0.0.1', 8080, []),
    ...overrides,
  };
}

beforeAll(async () => {
  folder = await makeServedFolder();
});
afterAll(() => folder.cleanup());
beforeEach(() => {
  reported = [];
  handle = createRouter(options({ onError: (error, req) => reported.push({ error, request: req }) }));
});

describe('methods', () => {
  it.each(['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'CONNECT', 'get', 'BREW'])('%s -> 405 with Allow', async (method) => {
    const got = await answer(handle, request('/hello.txt', { method }));
    expect(got.status).toBe(405);
    expect(got.headers.get('allow')).toBe('GET, HEAD, POST');
    expect(got.result.close).toBe(false);
  });

  it.each(['OPTIONS *', 'CONNECT localhost:8080'])('%s (asterisk- and authority-form) -> 405', async (line) => {
    const got = await answer(handle, parseRequest(`${line} HTTP/1.1\r\nHost: localhost:8080\r\n\r\n`));
    expect(got.status).toBe(405);
  });

  it.each(['/', '/hello.txt', '/uploads', '/upload/', '/upload/x', '/uploadx'])('POST %s -> 404', async (target) => {
    const got = await answer(handle, request(target, { method: 'POST', headers: [['Content-Type', 'application/json']], body: '{}' }));
    expect(got.status).toBe(404);
    expect(got.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });
});

describe('Host through the router', () => {
  it.each<[string, string, number, boolean]>([
    ['§3.2: missing on HTTP/1.1', 'GET / HTTP/1.1\r\n\r\n', 400, true],
    ['§3.2: twice', 'GET / HTTP/1.1\r\nHost: localhost:8080\r\nHost: localhost:8080\r\n\r\n', 400, true],
    ['§3.2: invalid', 'GET / HTTP/1.1\r\nHost: a b\r\n\r\n', 400, true],
    ['not allowed', 'GET / HTTP/1.1\r\nHost: evil.example\r\n\r\n', 403, false],
    ['not allowed, even for POST /upload', 'POST /upload HTTP/1.1\r\nHost: evil.example\r\nContent-Length: 2\r\n\r\n{}', 403, false],
    ['not allowed, before 405', 'PUT / HTTP/1.1\r\nHost: evil.example\r\n\r\n', 403, false],
    ['HTTP/1.0 without Host', 'GET / HTTP/1.0\r\n\r\n', 200, false],
  ])('%s -> %d', async (_name, raw, status, close) => {
    const got = await answer(handle, parseRequest(raw));
    expect(got.status).toBe(status);
    expect(got.result.close).toBe(close);
  });

  it('says in the page that the host is not served, and reports it', async () => {
    const req = request('/', { host: 'evil.example:8080' });
    const got = await answer(handle, req);
    expect(got.body?.toString()).toContain('does not serve the host');
    expect(reported.map((r) => r.error.code)).toEqual(['HND_HOST_NOT_ALLOWED']);
    expect(reported[0]?.request).toBe(req);
  });
});

describe('reporting', () => {
  it.each<[string, HandlerErrorCode]>([
    ['/missing.txt', 'HND_NOT_FOUND'],
    ['/secret.key', 'HND_EXTENSION_NOT_ALLOWED'],
    ['/../x', 'HND_FORBIDDEN_PATH'],
    ['/escape.txt', 'HND_OUTSIDE_ROOT'],
  ])('GET %s reports %s', async (target, code) => {
    await handle(request(target));
    expect(reported.map((r) => r.error.code)).toEqual([code]);
  });

  it('reports nothing for a served file', async () => {
    await handle(request('/hello.txt'));
    expect(reported).toEqual([]);
  });

  it('turns an unexpected exception into 500 and hands over the original', async () => {
    const good = request('/');
    const broken: HttpRequest = { ...good, head: { ...good.head, headers: null as unknown as string[] } };
    const got = await answer(handle, broken);
    expect(got.status).toBe(500);
    expect(got.body?.toString()).toContain('<h1>500 ');
    expect(reported[0]?.error.code).toBe('HND_INTERNAL');
    expect(reported[0]?.error.cause).toBeInstanceOf(TypeError);
  });
});

describe('options', () => {
  function refusal(overrides: Partial<HandlerOptions>): string {
    try {
      createRouter(options(overrides));
      return 'none';
    } catch (error) {
      return error instanceof HandlerError ? error.code : String(error);
    }
  }

  it.each<[string, Partial<HandlerOptions>]>([
    ['a missing root', { root: join(__dirname, 'no-such-folder') }],
    ['a root that is a file', { root: __filename }],
    ['an empty root', { root: '' }],
    ['a negative cache size', { cacheMaxFileBytes: -1 }],
    ['a fractional budget', { cacheBudgetBytes: 1.5 }],
    ['an extension with a dot inside', { allowedExtensions: ['tar.gz'] }],
    ['an empty extension', { allowedExtensions: [''] }],
  ])('refuses %s with HND_INVALID_OPTIONS', (_name, overrides) => {
    expect(refusal(overrides)).toBe('HND_INVALID_OPTIONS');
  });

  it('compares allowedHosts case-insensitively whatever case they were given in', async () => {
    const mixed = createRouter(options({ allowedHosts: new Set(['Example.COM:8080']) }));
    expect((await answer(mixed, request('/', { host: 'example.com:8080' }))).status).toBe(200);
  });
});
