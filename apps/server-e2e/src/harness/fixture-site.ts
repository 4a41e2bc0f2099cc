// A throw-away site for one server: a temp folder holding `site/` (the root it serves) and
// `outside/` (a secret the traversal rows try to reach), with every shape SPEC §3 names.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makePng } from './png';

export const LARGE_FILE_BYTES = 1536 * 1024;

export interface FixtureSite {
  /** The folder given as --root. */
  readonly root: string;
  /** Where POST /upload writes by default: <root>/uploads. */
  readonly uploads: string;
  /** A folder next to the root, never to be served. */
  readonly outside: string;
  /** Text in outside/secret.txt: no response may ever contain it. */
  readonly secret: string;
  /** Served path (no leading slash) -> exact bytes. */
  readonly files: ReadonlyMap<string, Buffer>;
  /** Files under uploads/, temporaries included. */
  listUploads(): string[];
  /** Adds a file to the root (for rows that need a big one). */
  addFile(path: string, bytes: Buffer): void;
  remove(): void;
}

export function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Text bytes of exactly `size` bytes, varied enough that a shifted or truncated copy shows. */
export function textBytes(size: number, seed = 1): Buffer {
  const out = Buffer.alloc(size);
  let state = seed >>> 0 || 1;
  for (let i = 0; i < size; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    out[i] = i % 64 === 63 ? 0x0a : 0x61 + ((state >>> 16) % 26);
  }
  return out;
}

export function createFixtureSite(): FixtureSite {
  const base = mkdtempSync(join(tmpdir(), 'server-e2e-'));
  const root = join(base, 'site');
  const outside = join(base, 'outside');
  const uploads = join(root, 'uploads');
  const secret = `TOP-SECRET-${randomBytes(8).toString('hex')}`;
  const files = new Map<string, Buffer>();

  const add = (path: string, bytes: Buffer): void => {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, bytes);
    files.set(path, bytes);
  };
  mkdirSync(uploads, { recursive: true });
  mkdirSync(outside, { recursive: true });
  writeFileSync(join(outside, 'secret.txt'), `${secret}\n`);
  writeFileSync(join(outside, 'secret.html'), `<p>${secret}</p>\n`);

  add('index.html', Buffer.from('<!doctype html>\n<html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n'));
  add('about.html', Buffer.from('<!doctype html>\n<html><head><title>About</title></head><body><p>About us.</p></body></html>\n'));
  add('hello.txt', Buffer.from('Hello, world!\nSecond line, with UTF-8: caf\u00e9 \u2713\n'));
  add('logo.png', makePng());
  add('large.txt', textBytes(LARGE_FILE_BYTES));
  add('notes.md', Buffer.from('# Notes\n\nServed only when --allow-ext md is given.\n'));
  add('script.js', Buffer.from('console.log("never served");\n'));
  add('docs/index.html', Buffer.from('<!doctype html>\n<html><body><h1>Docs</h1></body></html>\n'));
  add('docs/guide.txt', Buffer.from('A guide.\n'));
  add('empty-folder/readme.txt', Buffer.from('This folder has no index.html.\n'));

  // A symlink that stays inside the root is fine; ones that leave it must be refused.
  symlinkSync(join(root, 'hello.txt'), join(root, 'link-inside.txt'));
  files.set('link-inside.txt', files.get('hello.txt')!);
  symlinkSync(join(outside, 'secret.txt'), join(root, 'link-outside.txt'));
  symlinkSync(outside, join(root, 'escape-dir'));

  return {
    root,
    uploads,
    outside,
    secret,
    files,
    listUploads: () => readdirSync(uploads).sort(),
    addFile: add,
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}
