// POST /upload on a real folder: the 201 contract, byte-identical files under unique names,
// refusals that leave nothing behind (RFC 9110 §15.5.16 415, RFC 8259 §8.1 UTF-8), and write
// failures that answer 500 without a temp or half file.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { HandlerError } from './errors';
import { allowedHostsFor } from './host-allow-list';
import { DEFAULT_HANDLER_OPTIONS, type HandlerOptions } from './options';
import { createRouter } from './router';
import { answer, makeServedFolder, parseRequest, request, type ServedFolder } from './testing/requests';
import { UPLOAD_NAME_PATTERN, UploadStore, uploadName } from './upload-store';
import type { Handler } from './types';

let folder: ServedFolder;
let handle: Handler;
let reported: HandlerError[];

function router(overrides: Partial<HandlerOptions> = {}): Handler {
  return createRouter({
    ...DEFAULT_HANDLER_OPTIONS,
    root: folder.root,
    uploadsDir: folder.uploads,
    allowedHosts: allowedHostsFor('127.0.0.1', 8080, []),
    onError: (error) => reported.push(error),
    ...overrides,
  });
}

function upload(body: string | Buffer, type: string | null = 'application/json', target = '/upload') {
  return request(target, { method: 'POST', body, headers: type === null ? [] : [['Content-Type', type]] });
}

async function listing(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

beforeEach(async () => {
  folder = await makeServedFolder();
  reported = [];
  handle = router();
});
afterEach(() => folder.cleanup());

describe('a stored upload', () => {
  it('answers 201 with Location and the exact body, and stores the bytes as sent', async () => {
    const sent = Buffer.from('{ "name" : "café",\n  "n": [1, 2.50, 1e3] }', 'utf8'); // not re-serialised
    const got = await answer(handle, upload(sent));
    expect(got.status).toBe(201);
    expect(got.headers.get('content-type')).toBe('application/json');
    const location = got.headers.get('location') ?? '';
    const name = location.replace(/^\/uploads\//, '');
    expect(location).toBe(`/uploads/${name}`);
    expect(name).toMatch(UPLOAD_NAME_PATTERN);
    expect(got.body?.toString()).toBe(
      `{"status":"success","message":"File created successfully","filepath":"/uploads/${name}"}`,
    );
    expect(got.headers.get('content-length')).toBe(String(got.body?.length));
    expect(got.result.close).toBe(false);
    expect((await readFile(join(folder.uploads, name))).equals(sent)).toBe(true);
    expect(await listing(folder.uploads)).toEqual([name]);
  });

  it.each([
    'application/json; charset=utf-8',
    'Application/JSON',
    'application/json ; charset="UTF-8"',
  ])('accepts Content-Type %j', async (type) => {
    expect((await answer(handle, upload('{"a":1}', type))).status).toBe(201);
  });

  it.each(['/upload?from=test', '/uplo%61d', 'http://localhost:8080/upload'])('accepts the target %s', async (target) => {
    expect((await answer(handle, upload('[]', 'application/json', target))).status).toBe(201);
  });

  it('takes a chunked body in pieces', async () => {
    const raw = 'POST /upload HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\n'
      + 'Transfer-Encoding: chunked\r\n\r\n4\r\n{"a"\r\n3\r\n:1}\r\n0\r\n\r\n';
    const got = await answer(handle, parseRequest(raw));
    expect(got.status).toBe(201);
    const name = (got.headers.get('location') ?? '').slice('/uploads/'.length);
    expect(await readFile(join(folder.uploads, name), 'utf8')).toBe('{"a":1}');
  });

  it('creates the uploads folder when it is missing', async () => {
    const deep = join(folder.base, 'not', 'yet', 'there');
    const got = await answer(router({ uploadsDir: deep }), upload('{}'));
    expect(got.status).toBe(201);
    expect(await listing(deep)).toHaveLength(1);
  });

  it('gives 50 concurrent uploads 50 distinct files and leaves no temp file', async () => {
    const bodies = Array.from({ length: 50 }, (_, i) => `{"i":${i}}`);
    const results = await Promise.all(bodies.map((body) => answer(handle, upload(body))));
    const names = results.map((r) => (r.headers.get('location') ?? '').slice('/uploads/'.length));
    expect(results.every((r) => r.status === 201)).toBe(true);
    expect(new Set(names).size).toBe(50);
    const files = await listing(folder.uploads);
    expect(files).toEqual([...names].sort());
    for (const [i, name] of names.entries()) {
      expect(await readFile(join(folder.uploads, name), 'utf8')).toBe(bodies[i]);
    }
  });
});

describe('refused uploads leave no file', () => {
  it.each<[string, string | Buffer, string | null, number, string]>([
    ['no Content-Type', '{}', null, 415, 'HND_UPLOAD_MEDIA_TYPE'],
    ['text/plain', '{}', 'text/plain', 415, 'HND_UPLOAD_MEDIA_TYPE'],
    ['application/jsonx', '{}', 'application/jsonx', 415, 'HND_UPLOAD_MEDIA_TYPE'],
    ['a +json suffix type', '{}', 'application/merge-patch+json', 415, 'HND_UPLOAD_MEDIA_TYPE'],
    ['an empty body', '', 'application/json', 400, 'HND_UPLOAD_EMPTY'],
    ['whitespace only', ' \n', 'application/json', 400, 'HND_UPLOAD_INVALID_JSON'],
    ['truncated JSON', '{"a":', 'application/json', 400, 'HND_UPLOAD_INVALID_JSON'],
    ['trailing garbage', '{} x', 'application/json', 400, 'HND_UPLOAD_INVALID_JSON'],
    ['single quotes', "{'a':1}", 'application/json', 400, 'HND_UPLOAD_INVALID_JSON'],
    ['invalid UTF-8', Buffer.from([0x5b, 0x22, 0xff, 0x22, 0x5d]), 'application/json', 400, 'HND_UPLOAD_INVALID_UTF8'],
    ['overlong UTF-8', Buffer.from([0x22, 0xc0, 0xae, 0x22]), 'application/json', 400, 'HND_UPLOAD_INVALID_UTF8'],
  ])('%s -> %d JSON error', async (_name, body, type, status, code) => {
    const got = await answer(handle, upload(body, type));
    expect(got.status).toBe(status);
    expect(got.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(got.body?.toString() ?? '')).toEqual(expect.objectContaining({ status: 'error', code: status }));
    // The whole body was read with valid framing: the connection can stay open.
    expect(got.result.close).toBe(false);
    expect(reported.map((e) => e.code)).toEqual([code]);
    expect(await listing(folder.uploads)).toEqual([]);
  });

  it('refuses two Content-Type fields with 400', async () => {
    const req = request('/upload', {
      method: 'POST',
      body: '{}',
      headers: [['Content-Type', 'application/json'], ['Content-Type', 'text/plain']],
    });
    expect((await answer(handle, req)).status).toBe(400);
    expect(await listing(folder.uploads)).toEqual([]);
  });
});

describe('failing writes answer 500 and leave nothing', () => {
  it('uploads folder is a file', async () => {
    const file = join(folder.base, 'plain-file');
    await writeFile(file, 'x');
    const got = await answer(router({ uploadsDir: file }), upload('{}'));
    expect(got.status).toBe(500);
    expect(JSON.parse(got.body?.toString() ?? '')).toEqual(expect.objectContaining({ status: 'error', code: 500 }));
    expect(reported[0]?.code).toBe('HND_UPLOAD_WRITE_FAILED');
    expect(reported[0]?.cause).toBeDefined();
    expect(await readFile(file, 'utf8')).toBe('x');
  });

  it('uploads folder below a file', async () => {
    const file = join(folder.base, 'plain-file');
    await writeFile(file, 'x');
    expect((await answer(router({ uploadsDir: join(file, 'uploads') }), upload('{}'))).status).toBe(500);
  });

  it('names the file for the instant and the random part it drew, and leaves no temp behind', async () => {
    const now = new Date(Date.UTC(2026, 10, 27, 20, 30, 15, 123));
    const store = new UploadStore(folder.uploads, { now: () => now, randomHex: (n) => 'ab'.repeat(n) });
    const name = await store.save(Buffer.from('{"b":2}'));
    expect(name).toBe(uploadName(now, 'ab'.repeat(12)));
    expect(await listing(folder.uploads)).toEqual([name]);
    expect(await readFile(join(folder.uploads, name), 'utf8')).toBe('{"b":2}');
  });
});

describe('uploadName', () => {
  it('is upload_<UTC timestamp>_<24 hex>.json', () => {
    const name = uploadName(new Date(Date.UTC(2026, 10, 27, 20, 30, 15, 123)), '0123456789abcdef01234567');
    expect(name).toBe('upload_20261127T203015123Z_0123456789abcdef01234567.json');
    expect(name).toMatch(UPLOAD_NAME_PATTERN);
  });
});
