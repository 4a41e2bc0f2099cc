// GET and HEAD of files under the root: cached small files answered synchronously with shared
// result objects, misses resolved and read asynchronously, large files handed back for streaming.
import { constants, type Stats } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename } from 'node:path';
import { HttpResponseBuilder } from '@mths/response-builders';
import { contentHeadersFor, extensionOf } from './content-type';
import { errnoCode, HandlerError } from './errors';
import { FileCache, type CachedFile } from './file-cache';
import { LargeFileIndex, type LargeFile } from './large-file-index';
import { pathOf } from './request-target';
import { decodeRequestPath, resolveSafePath } from './resolve-safe-path';
import type { BufferResult, FileResult, HttpResult } from './types';

type Loaded = CachedFile | LargeFile;

// Bookkeeping per cached file beyond its bytes (Map slots, result objects, strings).
const ENTRY_OVERHEAD_BYTES = 256;
// Resolve-then-open is retried when the file is swapped in between (an atomic deploy, say).
const OPEN_ATTEMPTS = 3;
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

function isCached(loaded: Loaded): loaded is CachedFile {
  return 'get' in loaded;
}

function streamed(file: LargeFile, head: boolean): FileResult {
  return { kind: 'file', status: 200, fixedHead: file.fixedHead, path: file.realPath, size: file.size, headOnly: head, close: false };
}

function frozenResult(fixedHead: BufferResult['fixedHead'], body: Buffer | null): BufferResult {
  return Object.freeze({ kind: 'buffer', status: 200, fixedHead, body, close: false });
}

export interface StaticFilesOptions {
  readonly allowedExtensions: ReadonlySet<string>;
  readonly cacheMaxFileBytes: number;
  readonly cacheBudgetBytes: number;
}

export class StaticFiles {
  readonly cache: FileCache;
  readonly large = new LargeFileIndex();
  // Concurrent misses on one path share one read.
  private readonly loading = new Map<string, Promise<Loaded>>();

  /** `realRoot` must already be a realpath. */
  constructor(private readonly realRoot: string, private readonly options: StaticFilesOptions) {
    this.cache = new FileCache(options.cacheBudgetBytes);
  }

  /**
   * The response for an origin-form target: synchronous on a cache hit (the same objects each
   * time), else a promise. Refusals are thrown (synchronously for bad paths) as HandlerError.
   */
  serve(originForm: string, head: boolean): HttpResult | Promise<HttpResult> {
    const hit = this.cache.byTarget(originForm);
    if (hit !== undefined) return head ? hit.head : hit.get;
    const decoded = decodeRequestPath(pathOf(originForm));
    this.checkRequestedExtension(decoded);
    const cached = this.cache.get(decoded);
    if (cached !== undefined) {
      this.cache.alias(originForm, decoded);
      return head ? cached.head : cached.get;
    }
    const large = this.large.get(decoded);
    if (large !== undefined) return streamed(large, head);
    return this.serveMiss(originForm, decoded, head);
  }

  // A name whose extension is not served is refused before the disk is touched; names without
  // one may be folders, so they are decided once resolved.
  private checkRequestedExtension(decoded: string): void {
    const name = decoded.slice(decoded.lastIndexOf('/') + 1);
    const ext = extensionOf(name);
    if (ext !== '' && !this.options.allowedExtensions.has(ext)) {
      throw new HandlerError('HND_EXTENSION_NOT_ALLOWED', { detail: decoded });
    }
  }

  private async serveMiss(originForm: string, decoded: string, head: boolean): Promise<HttpResult> {
    let pending = this.loading.get(decoded);
    if (pending === undefined) {
      pending = this.load(decoded);
      this.loading.set(decoded, pending);
    }
    let loaded: Loaded;
    try {
      loaded = await pending;
    } finally {
      if (this.loading.get(decoded) === pending) this.loading.delete(decoded);
    }
    if (isCached(loaded)) {
      this.cache.alias(originForm, decoded);
      return head ? loaded.head : loaded.get;
    }
    return streamed(loaded, head);
  }

  private async load(decoded: string): Promise<Loaded> {
    for (let attempt = 1; attempt <= OPEN_ATTEMPTS; attempt++) {
      const { realPath, stats } = await resolveSafePath(this.realRoot, decoded);
      // The real name decides: a symlink `x.html -> secret.key` must not serve the key.
      const name = basename(realPath);
      if (!this.options.allowedExtensions.has(extensionOf(name))) {
        throw new HandlerError('HND_EXTENSION_NOT_ALLOWED', { detail: realPath });
      }
      const headers: Array<readonly [string, string | number]> = contentHeadersFor(name);
      if (stats.size > this.options.cacheMaxFileBytes) {
        headers.push(['Content-Length', stats.size]);
        const large: LargeFile = {
          realPath,
          fixedHead: HttpResponseBuilder.fixedHead(200, headers),
          size: stats.size,
          mtimeMs: stats.mtimeMs,
          ctimeMs: stats.ctimeMs,
          ino: stats.ino,
          dev: stats.dev,
        };
        this.large.set(decoded, large);
        return large;
      }
      const read = await readIfSame(realPath, stats);
      if (read === null) continue;
      headers.push(['Content-Length', read.bytes.length]);
      const fixedHead = HttpResponseBuilder.fixedHead(200, headers);
      const file: CachedFile = {
        key: decoded,
        realPath,
        get: frozenResult(fixedHead, read.bytes),
        head: frozenResult(fixedHead, null),
        cost: read.bytes.length + fixedHead.length + decoded.length + realPath.length + ENTRY_OVERHEAD_BYTES,
        size: read.stats.size,
        mtimeMs: read.stats.mtimeMs,
        ctimeMs: read.stats.ctimeMs,
        ino: read.stats.ino,
        dev: read.stats.dev,
      };
      this.cache.set(file);
      return file;
    }
    throw new HandlerError('HND_INTERNAL', { detail: `${decoded} kept changing while it was opened` });
  }
}

/**
 * Reads the file if what opens is the file that was checked (same device and inode), so a
 * path swapped for a symlink after realpath is not followed; null when it changed in between.
 */
async function readIfSame(realPath: string, checked: Stats): Promise<{ bytes: Buffer; stats: Stats } | null> {
  let handle;
  try {
    handle = await open(realPath, READ_FLAGS);
  } catch (error) {
    // ELOOP: the last component became a symlink; ENOENT: it went away. Resolve again.
    const code = errnoCode(error);
    if (code === 'ELOOP' || code === 'ENOENT') return null;
    if (code === 'EACCES' || code === 'EPERM') throw new HandlerError('HND_ACCESS_DENIED', { detail: realPath, cause: error });
    throw error;
  }
  try {
    const stats = await handle.stat();
    if (stats.ino !== checked.ino || stats.dev !== checked.dev || !stats.isFile()) return null;
    return { bytes: await handle.readFile(), stats };
  } finally {
    await handle.close();
  }
}
