// The bench's own temp folder: the served root with its fixture files, the uploads folder,
// and a scratch folder (nginx prefix, wrk scripts, the bundled baseline) that is never served.
// Uploads go to tmpfs where the machine has one: on ext4, right after a cell's thousands of
// uploads were deleted, creating a file spent ~600 µs in the inode allocator (perf:
// find_inode_bit, recently_deleted) for minutes, for every server alike, and decided the row.

import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { FIXTURES } from './workloads';

export interface BenchWorkspace {
  readonly dir: string;
  /** Served by every server (`--root`). */
  readonly root: string;
  /** Where POST /upload writes (`--uploads`). */
  readonly uploads: string;
  /** The uploads folder is on tmpfs (memory), not on the disk. */
  readonly uploadsOnTmpfs: boolean;
  /** Never served: nginx prefix, wrk scripts, bundles. */
  readonly scratch: string;
}

const HELLO = 'Hello, benchmark!!!\n';

/** An html page of exactly `size` bytes. */
function htmlPage(size: number): string {
  const head = '<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>bench</title></head>\n<body>\n';
  const tail = '</body></html>\n';
  const line = '<p>The quick brown fox jumps over the lazy dog.</p>\n';
  let body = '';
  while (head.length + body.length + line.length + tail.length <= size) body += line;
  const filler = size - head.length - body.length - tail.length;
  return head + body + ' '.repeat(filler) + tail;
}

/** 1 MiB of random bytes behind a PNG signature: incompressible, like a real image. */
function largeFile(size: number): Buffer {
  const bytes = randomBytes(size);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  return bytes;
}

const TMPFS = '/dev/shm';

/** A fresh folder on tmpfs, or undefined when the machine has none we may write to. */
function tmpfsFolder(): string | undefined {
  try {
    return mkdtempSync(path.join(TMPFS, 'mths-http-bench-uploads-'));
  } catch {
    return undefined;
  }
}

export function createWorkspace(): BenchWorkspace {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'mths-http-bench-'));
  const root = path.join(dir, 'root');
  const onTmpfs = tmpfsFolder();
  const uploads = onTmpfs ?? path.join(root, 'uploads');
  const scratch = path.join(dir, 'scratch');
  mkdirSync(root, { recursive: true });
  mkdirSync(uploads, { recursive: true });
  mkdirSync(scratch);
  if (Buffer.byteLength(HELLO) !== FIXTURES.small.size) throw new Error('hello fixture has the wrong size');
  writeFileSync(path.join(root, FIXTURES.small.name), HELLO);
  writeFileSync(path.join(root, FIXTURES.html.name), htmlPage(FIXTURES.html.size));
  writeFileSync(path.join(root, FIXTURES.large.name), largeFile(FIXTURES.large.size));
  // `GET /` works on every server, which makes a hand check with curl easy.
  writeFileSync(path.join(root, 'index.html'), htmlPage(512));
  return { dir, root, uploads, uploadsOnTmpfs: onTmpfs !== undefined, scratch };
}

/**
 * Empties the uploads folder between cells, so no run pays for the files of the one before.
 * Entries are removed one by one and the folder itself stays: a server that is still finishing
 * in-flight uploads may add files meanwhile, which a recursive remove of the folder trips on.
 */
export function cleanUploads(workspace: BenchWorkspace): number {
  mkdirSync(workspace.uploads, { recursive: true });
  const names = readdirSync(workspace.uploads);
  for (const name of names) rmSync(path.join(workspace.uploads, name), { recursive: true, force: true });
  return names.length;
}

/**
 * Flushes dirty pages (the last cell's uploads) to disk, so the next cell does not pay for the
 * writeback of the one before. Bounded: a stuck disk costs at most a minute.
 */
export function settleDisk(): void {
  spawnSync('sync', [], { stdio: 'ignore', timeout: 60_000 });
}

export function removeWorkspace(workspace: BenchWorkspace): void {
  rmSync(workspace.dir, { recursive: true, force: true });
  rmSync(workspace.uploads, { recursive: true, force: true });
}
