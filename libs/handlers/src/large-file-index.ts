// Where large (streamed) files were found: their real path, size and prebuilt head, so a
// repeated download skips realpath and the head is built once. Revalidated with stat() on every
// hit (one call is nothing beside streaming the file), so an edited or replaced file is resolved again.
import { statSync } from 'node:fs';
import type { FixedHead } from '@mths/response-builders';
import { NO_THROW, sameFile, type FileIdentity } from './file-cache';

export interface LargeFile extends FileIdentity {
  readonly realPath: string;
  readonly fixedHead: FixedHead;
}

/** Enough for any real site's large files; past it the oldest is forgotten. */
const MAX_ENTRIES = 1024;

export class LargeFileIndex {
  private readonly entries = new Map<string, LargeFile>();

  /** The entry for a decoded path, if its file has not changed since. */
  get(key: string): LargeFile | undefined {
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const stats = statSync(entry.realPath, NO_THROW);
    if (stats !== undefined && sameFile(entry, stats)) return entry;
    this.entries.delete(key);
    return undefined;
  }

  set(key: string, entry: LargeFile): void {
    if (this.entries.size >= MAX_ENTRIES && !this.entries.has(key)) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, entry);
  }

  get size(): number {
    return this.entries.size;
  }
}
