// GET and HEAD of static files through the whole router, on a real temp folder: types and
// dispositions, exact lengths and bytes, HEAD (RFC 9110 §9.3.2), the path refusals (403 before
// 415 before the disk), folders and missing files.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentType } from 'mime-types';
import { allowedHostsFor } from './host-allow-list';
import { DEFAULT_HANDLER_OPTIONS } from './options';
import { createRouter } from './router';
import { answer, JPEG_BYTES, makeServedFolder, PNG_BYTES, request, type ServedFolder } from './testing/requests';
import type { Handler } from './types';

let folder: ServedFolder;
let handle: Handler;

beforeAll(async () => {
  folder = await makeServedFolder();
  handle = createRouter({
    ...DEFAULT_HANDLER_OPTIONS,
    root: folder.root,
    uploadsDir: folder.uploads,
    allowedHosts: allowedHostsFor('127.0.0.1', 8080, []),
  });
});
afterAll(() => folder.cleanup());

describe('served files', () => {
  it.each<[string, string, string, string | undefined, string | Buffer]>([
    ['/', 'index.html', 'text/html; charset=utf-8', undefined, '<!DOCTYPE html><title>home</title>'],
    ['/index.html', 'index.html', 'text/html; charset=utf-8', undefined, '<!DOCTYPE html><title>home</title>'],
    ['/about.html?lang=en', 'about.html', 'text/html; charset=utf-8', undefined, '<p>about</p>'],
    ['/sub/', 'sub/index.html', 'text/html; charset=utf-8', undefined, '<p>sub</p>'],
    ['/sub', 'sub/index.html', 'text/html; charset=utf-8', undefined, '<p>sub</p>'],
    ['/sub/page.html#top', 'sub/page.html', 'text/html; charset=utf-8', undefined, '<p>page</p>'],
    ['/hello.txt', 'hello.txt', 'text/plain; charset=utf-8', 'attachment; filename="hello.txt"', 'Hello from the root\n'],
    ['/hello.txt?download=1&x=%zz', 'hello.txt', 'text/plain; charset=utf-8', 'attachment; filename="hello.txt"', 'Hello from the root\n'],
    ['/docs/notes.txt', 'docs/notes.txt', 'text/plain; charset=utf-8', 'attachment; filename="notes.txt"', 'notes'],
    ['/logo.png', 'logo.png', 'image/png', 'attachment; filename="logo.png"', PNG_BYTES],
    ['/photo.jpg', 'photo.jpg', 'image/jpeg', 'attachment; filename="photo.jpg"', JPEG_BYTES],
    ['/PHOTO.JPEG', 'PHOTO.JPEG', 'image/jpeg', 'attachment; filename="PHOTO.JPEG"', JPEG_BYTES],
    ['/100%25.txt', '100%.txt', 'text/plain; charset=utf-8', 'attachment; filename="100%.txt"', 'percent'],
    [
      '/caf%C3%A9.txt',
      'café.txt',
      'text/plain; charset=utf-8',
      `attachment; filename="cafe.txt"; filename*=UTF-8''caf%C3%A9.txt`,
      'unicode name',
    ],
    // A symlink inside the root is served under the real file's name.
    ['/inside-link.txt', 'hello.txt', 'text/plain; charset=utf-8', 'attachment; filename="hello.txt"', 'Hello from the root\n'],
    ['http://localhost:8080/hello.txt', 'hello.txt', 'text/plain; charset=utf-8', 'attachment; filename="hello.txt"', 'Hello from the root\n'],
    ['HTTP://LOCALHOST:8080', 'index.html', 'text/html; charset=utf-8', undefined, '<!DOCTYPE html><title>home</title>'],
  ])('GET %s serves %s as %s', async (target, file, type, disposition, content) => {
    const bytes = await readFile(join(folder.root, file));
    expect(Buffer.compare(bytes, Buffer.from(content))).toBe(0);
    const got = await answer(handle, request(target));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(type);
    expect(got.headers.get('content-disposition')).toBe(disposition);
    expect(got.headers.get('content-length')).toBe(String(bytes.length));
    expect(got.headers.get('server')).toBeDefined();
    expect(got.headers.has('date')).toBe(false); // the connection adds Date per response
    expect(got.body?.equals(bytes)).toBe(true);
    expect(got.result.close).toBe(false);
  });

  it.each(['/', '/hello.txt', '/logo.png', '/missing.txt', '/secret.key', '/../x'])(
    'HEAD %s has the GET status and headers and no body (RFC 9110 §9.3.2)',
    async (target) => {
      const get = await answer(handle, request(target));
      const head = await answer(handle, request(target, { method: 'HEAD' }));
      expect(head.status).toBe(get.status);
      expect(head.result.fixedHead.equals(get.result.fixedHead)).toBe(true);
      expect(head.body).toBeNull();
      expect(get.body).not.toBeNull();
    },
  );
});

describe('refusals', () => {
  it.each<[string, number]>([
    // Traversal variants: 403, and nothing outside the root is opened.
    ['/../etc/passwd', 403],
    ['/%2e%2e/', 403],
    ['/%2e%2e/%2e%2e/etc/passwd', 403],
    ['/%252e%252e/', 403],
    ['/..%2f', 403],
    ['/..%2fsecret.key', 403], // traversal is refused before the extension is looked at
    ['/%2e%2e%5c', 403],
    ['/a/../../', 403],
    ['/sub/../hello.txt', 403],
    ['/./hello.txt', 403],
    ['/%00', 403],
    ['/hello.txt%00.html', 403],
    ['/%c0%ae%c0%ae/', 403],
    ['//etc/passwd', 403],
    ['/C:/x', 403],
    ['/a\\b.txt', 403],
    ['/escape.txt', 403], // symlink to a file outside the root
    ['/escape-dir/secret.txt', 403], // through a symlinked folder
    ['/escape-dir/', 403],
    // Broken escapes and targets that are not paths: 400.
    ['/%zz', 400],
    ['/a%2', 400],
    ['*', 400],
    ['ftp://localhost:8080/hello.txt', 400],
    ['http://user@localhost:8080/hello.txt', 400],
    ['http:///hello.txt', 400],
    // Not served types: 415, whether the file exists or not.
    ['/secret.key', 415],
    ['/missing.php', 415],
    ['/README', 415], // exists, no extension
    ['/key.html', 415], // a .html symlink to secret.key: the real name decides
    // Missing things: 404.
    ['/missing.txt', 404],
    ['/missing/', 404],
    ['/hello.txt/', 404],
    ['/empty-dir/', 404],
    ['/empty-dir', 404],
    ['/upload', 404],
  ])('GET %s -> %d', async (target, status) => {
    const got = await answer(handle, request(target));
    expect(got.status).toBe(status);
    expect(got.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(got.headers.get('content-length')).toBe(String(got.body?.length));
    expect(got.body?.toString()).toContain(`<h1>${status} `);
    expect(got.body?.toString()).not.toContain('outside the root');
    expect(got.result.close).toBe(status === 400);
  });

  it('widens the served types with allowedExtensions, case-insensitively', async () => {
    const wide = createRouter({
      ...DEFAULT_HANDLER_OPTIONS,
      allowedExtensions: [...DEFAULT_HANDLER_OPTIONS.allowedExtensions, '.KEY'],
      root: folder.root,
      uploadsDir: folder.uploads,
      allowedHosts: allowedHostsFor('127.0.0.1', 8080, []),
    });
    const got = await answer(wide, request('/secret.key'));
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe(contentType('key'));
    expect(got.headers.get('content-disposition')).toBe('attachment; filename="secret.key"');
  });
});
