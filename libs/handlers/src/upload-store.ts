// Stores an upload under a name no other upload (any thread, any process) can take, all or
// nothing: the bytes go to a private temp file, which is hard-linked to its final name only
// once complete. link(2) fails with EEXIST rather than overwriting, unlike rename(2).
import { randomBytes } from 'node:crypto';
import { link, mkdir, open, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoCode, HandlerError } from './errors';

export interface UploadStoreHooks {
  /** Random hex of `bytes` bytes (tests pin it to force name collisions). */
  readonly randomHex?: (bytes: number) => string;
  readonly now?: () => Date;
}

// A 48-bit random part makes a collision within one millisecond all but impossible; the
// retries cover the rest without ever overwriting.
const NAME_RANDOM_BYTES = 6;
const NAME_ATTEMPTS = 5;

function defaultRandomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex');
}

/** `upload_20261127T203015123Z_0123456789ab.json` for that instant (UTC) and random part. */
export function uploadName(now: Date, random: string): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `upload_${stamp}_${random}.json`;
}

/** Matches the names uploadName makes (for tests and cleanup tools). */
export const UPLOAD_NAME_PATTERN = /^upload_\d{8}T\d{9}Z_[0-9a-f]{12}\.json$/;

async function removeIfThere(path: string): Promise<void> {
  try {
    await unlink(path);
  } catch {
    // Cleanup after a failure: the error that caused it is the one reported (and ENOENT is the goal).
  }
}

export class UploadStore {
  private ready: Promise<unknown> | null = null;
  private readonly randomHex: (bytes: number) => string;
  private readonly now: () => Date;

  constructor(readonly dir: string, hooks: UploadStoreHooks = {}) {
    this.randomHex = hooks.randomHex ?? defaultRandomHex;
    this.now = hooks.now ?? (() => new Date());
  }

  /** Writes `bytes` as a new upload and returns its file name; HND_UPLOAD_WRITE_FAILED on any failure. */
  async save(bytes: Buffer): Promise<string> {
    await this.ensureDir();
    const temp = join(this.dir, `.upload-${this.randomHex(8)}.tmp`);
    let final: string | null = null;
    try {
      // 'wx': never reuse or follow anything already at the temp name.
      const handle = await open(temp, 'wx');
      try {
        await handle.writeFile(bytes);
      } finally {
        await handle.close();
      }
      const name = await this.linkUnique(temp);
      final = join(this.dir, name);
      await unlink(temp);
      return name;
    } catch (error) {
      await removeIfThere(temp);
      if (final !== null) await removeIfThere(final);
      throw error instanceof HandlerError ? error : new HandlerError('HND_UPLOAD_WRITE_FAILED', { detail: this.dir, cause: error });
    }
  }

  private async linkUnique(temp: string): Promise<string> {
    for (let attempt = 0; attempt < NAME_ATTEMPTS; attempt++) {
      const name = uploadName(this.now(), this.randomHex(NAME_RANDOM_BYTES));
      try {
        await link(temp, join(this.dir, name));
        return name;
      } catch (error) {
        if (errnoCode(error) !== 'EEXIST') throw error;
      }
    }
    throw new HandlerError('HND_UPLOAD_WRITE_FAILED', { detail: `no free name after ${NAME_ATTEMPTS} attempts` });
  }

  // Once per store; a failure is forgotten so a later upload tries again (someone may fix the disk).
  private async ensureDir(): Promise<void> {
    this.ready ??= mkdir(this.dir, { recursive: true });
    try {
      await this.ready;
    } catch (error) {
      this.ready = null;
      throw new HandlerError('HND_UPLOAD_WRITE_FAILED', { detail: this.dir, cause: error });
    }
  }
}
