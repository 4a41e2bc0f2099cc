// The small-file cache seen through the router: hits are synchronous and return the very same
// objects, the first hit of each loop turn revalidates with stat() so an edit is seen by the next
// turn, the byte budget
// evicts the oldest, and files above cacheMaxFileBytes are handed back for streaming.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { realpath, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { allowedHostsFor } from './host-allow-list';
import { DEFAULT_HANDLER_OPTIONS, type HandlerOptions } from './options';
import { Router } from './router';
import { answer, makeServedFolder, request, type ServedFolder } from './testing/requests';
import type { HttpResult } from './types';
import { nextTurn } from '@mths/test-kit';

let folder: ServedFolder;

beforeEach(async () => {
  folder = await makeServedFolder();
});
afterEach(() => folder.cleanup());

function router(overrides: Partial<HandlerOptions> = {}): Router {
  return new Router({
    ...DEFAULT_HANDLER_OPTIONS,
    root: folder.root,
    uploadsDir: folder.uploads,
    allowedHosts: allowedHostsFor('127.0.0.1', 8080, []),
    ...overrides,
  });
}

function isPromise(value: unknown): boolean {
  return value instanceof Promise;
}

describe('cache hits', () => {
  it('answers a repeated GET synchronously with the identical result object', async () => {
    const r = router();
    const first = r.handle(request('/hello.txt'));
    expect(isPromise(first)).toBe(true);
    const miss = await first;
    const hit = r.handle(request('/hello.txt'));
    expect(isPromise(hit)).toBe(false);
    expect(hit).toBe(miss);
    expect(r.handle(request('/hello.txt'))).toBe(miss);
  });

  it('shares the head between GET and HEAD and keeps HEAD bodiless', async () => {
    const r = router();
    const get = (await r.handle(request('/'))) as HttpResult & { body: Buffer | null };
    const head = r.handle(request('/', { method: 'HEAD' })) as HttpResult & { body: Buffer | null };
    expect(head.fixedHead).toBe(get.fixedHead);
    expect(head.body).toBeNull();
    expect(r.handle(request('/', { method: 'HEAD' }))).toBe(head);
  });

  it('finds the same entry through other spellings of the target', async () => {
    const r = router();
    const miss = await r.handle(request('/hello.txt'));
    expect(await r.handle(request('/hello.txt?v=2'))).toBe(miss);
    expect(await r.handle(request('/%68ello.txt'))).toBe(miss);
    expect(await r.handle(request('http://localhost:8080/hello.txt'))).toBe(miss);
  });

  it('shares one read among concurrent misses', async () => {
    const r = router();
    const results = await Promise.all(Array.from({ length: 10 }, () => r.handle(request('/about.html'))));
    for (const result of results) expect(result).toBe(results[0]);
    expect(r.files.cache.size).toBe(1);
  });
});

describe('revalidation once per loop turn', () => {
  it('shares one check among the hits of a turn and checks again in the next', async () => {
    const r = router();
    const path = join(folder.root, 'hello.txt');
    const before = await answer(r.handle, request('/hello.txt'));
    expect(r.handle(request('/hello.txt'))).toBe(before.result);
    // Changed within the turn (no I/O callback can run in between): the turn's check stands.
    writeFileSync(path, 'changed within the turn, a new size\n');
    expect(r.handle(request('/hello.txt'))).toBe(before.result);
    await nextTurn();
    const after = await answer(r.handle, request('/hello.txt'));
    expect(after.body?.toString()).toBe('changed within the turn, a new size\n');
  });

  it('checks a new entry on its first hit rather than trusting the read', async () => {
    const r = router();
    const path = join(folder.root, 'hello.txt');
    const first = await answer(r.handle, request('/hello.txt'));
    writeFileSync(path, 'edited right after the read\n');
    const second = await answer(r.handle, request('/hello.txt'));
    expect(second.result).not.toBe(first.result);
    expect(second.body?.toString()).toBe('edited right after the read\n');
  });

  it('serves an edited file (same size, new content and mtime) fresh', async () => {
    const r = router();
    const path = join(folder.root, 'hello.txt');
    const before = await answer(r.handle, request('/hello.txt'));
    expect(before.body?.toString()).toBe('Hello from the root\n');
    await writeFile(path, 'HELLO FROM THE ROOT\n'); // same length
    const later = new Date(Date.now() + 10_000);
    await utimes(path, later, later);
    const after = await answer(r.handle, request('/hello.txt'));
    expect(after.result).not.toBe(before.result);
    expect(after.body?.toString()).toBe('HELLO FROM THE ROOT\n');
    expect(await r.handle(request('/hello.txt'))).toBe(after.result);
  });

  it('drops a deleted file (404) and picks up its return', async () => {
    const r = router();
    const path = join(folder.root, 'hello.txt');
    await r.handle(request('/hello.txt'));
    await rm(path);
    expect((await answer(r.handle, request('/hello.txt'))).status).toBe(404);
    await writeFile(path, 'back');
    const back = await answer(r.handle, request('/hello.txt'));
    expect(back.status).toBe(200);
    expect(back.body?.toString()).toBe('back');
  });

  it('does not serve a cached file once it is replaced by a symlink leaving the root', async () => {
    const r = router();
    const path = join(folder.root, 'hello.txt');
    expect((await answer(r.handle, request('/hello.txt'))).status).toBe(200);
    await rm(path);
    await symlink(join(folder.outside, 'secret.txt'), path);
    const got = await answer(r.handle, request('/hello.txt'));
    expect(got.status).toBe(403);
    expect(got.body?.toString()).not.toContain('outside the root');
  });
});

describe('byte budget', () => {
  const FILE_BYTES = 600;

  async function writeFiles(names: string[]): Promise<void> {
    for (const name of names) await writeFile(join(folder.root, name), Buffer.alloc(FILE_BYTES, name));
  }

  it('evicts the oldest entries to stay within the budget', async () => {
    const budget = 2500; // room for two 600-byte files with their heads and bookkeeping
    const r = router({ cacheBudgetBytes: budget });
    await writeFiles(['a.txt', 'b.txt', 'c.txt']);
    const a = await r.handle(request('/a.txt'));
    const b = await r.handle(request('/b.txt'));
    expect(r.files.cache.size).toBe(2);
    const c = await r.handle(request('/c.txt'));
    expect(r.files.cache.size).toBe(2);
    expect(r.files.cache.usedBytes).toBeLessThanOrEqual(budget);
    expect(r.handle(request('/b.txt'))).toBe(b);
    expect(r.handle(request('/c.txt'))).toBe(c);
    const again = r.handle(request('/a.txt'));
    expect(isPromise(again)).toBe(true); // evicted: read again
    const aAgain = (await again) as HttpResult & { body: Buffer };
    expect(aAgain).not.toBe(a);
    expect(aAgain.body.equals(Buffer.alloc(FILE_BYTES, 'a.txt'))).toBe(true);
  });

  it('serves a file bigger than the whole budget from memory without caching it', async () => {
    const r = router({ cacheBudgetBytes: 100 });
    await writeFiles(['a.txt']);
    const got = await answer(r.handle, request('/a.txt'));
    expect(got.status).toBe(200);
    expect(got.body?.length).toBe(FILE_BYTES);
    expect(r.files.cache.size).toBe(0);
    expect(r.files.cache.usedBytes).toBe(0);
  });
});

describe('files above cacheMaxFileBytes', () => {
  it.each(['/hello.txt', '/inside-link.txt'])('%s is returned as a FileResult with its real path', async (target) => {
    const r = router({ cacheMaxFileBytes: 8 });
    const got = await answer(r.handle, request(target));
    expect(got.result).toEqual(expect.objectContaining({
      kind: 'file',
      status: 200,
      path: await realpath(join(folder.root, 'hello.txt')),
      size: 20,
      headOnly: false,
      close: false,
    }));
    expect(got.headers.get('content-length')).toBe('20');
    expect(got.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const head = await answer(r.handle, request(target, { method: 'HEAD' }));
    expect(head.result).toEqual(expect.objectContaining({ kind: 'file', headOnly: true, size: 20 }));
    expect(r.files.cache.size).toBe(0);
  });

  it('a zero cacheMaxFileBytes streams everything but empty files', async () => {
    const r = router({ cacheMaxFileBytes: 0 });
    expect((await r.handle(request('/'))).kind).toBe('file');
  });
});

describe('special files', () => {
  it('answers 404 for a FIFO instead of blocking on it', async () => {
    const fifo = join(folder.root, 'pipe.txt');
    try {
      execFileSync('mkfifo', [fifo]);
    } catch {
      return; // no mkfifo here: nothing to check
    }
    const got = await answer(router().handle, request('/pipe.txt'));
    expect(got.status).toBe(404);
  });
});
