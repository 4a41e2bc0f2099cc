import { mkdtemp, rm, writeFile, rename } from 'node:fs/promises';
import { statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponseBuilder } from '@mths/response-builders';
import { LargeFileIndex, type LargeFile } from './large-file-index';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'large-index-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

function entryFor(path: string): LargeFile {
  const s = statSync(path);
  return { realPath: path, fixedHead: HttpResponseBuilder.fixedHead(200), size: s.size, mtimeMs: s.mtimeMs, ctimeMs: s.ctimeMs, ino: s.ino, dev: s.dev };
}

describe('LargeFileIndex', () => {
  it('hands back the same entry while the file is unchanged', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, 'x'.repeat(100_000));
    const index = new LargeFileIndex();
    const entry = entryFor(path);
    index.set('/big.txt', entry);
    expect(index.get('/big.txt')).toBe(entry);
  });

  it('forgets an entry whose file was edited in place', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, 'x'.repeat(100_000));
    const index = new LargeFileIndex();
    index.set('/big.txt', entryFor(path));
    await writeFile(path, 'y'.repeat(100_001));
    expect(index.get('/big.txt')).toBeUndefined();
  });

  it('forgets an entry whose file was replaced by a rename', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, 'x'.repeat(100_000));
    const index = new LargeFileIndex();
    index.set('/big.txt', entryFor(path));
    await writeFile(join(dir, 'new.txt'), 'x'.repeat(100_000));
    await rename(join(dir, 'new.txt'), path);
    expect(index.get('/big.txt')).toBeUndefined();
  });

  it('forgets an entry whose file is gone', async () => {
    const path = join(dir, 'big.txt');
    await writeFile(path, 'x');
    const index = new LargeFileIndex();
    index.set('/big.txt', entryFor(path));
    await rm(path);
    expect(index.get('/big.txt')).toBeUndefined();
    expect(index.size).toBe(0);
  });
});
