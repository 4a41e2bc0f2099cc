// An upload's temp file is named for its writer (process id and thread id), so the temp files
// that a crashed writer left behind can be told apart from those a live one is still writing:
// the supervisor removes a crashed worker's, and a server starting up removes those of any
// process that is gone. Without this, every crash mid-write would leave a hidden file for ever.
import type { Dir } from 'node:fs';
import { opendir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';

/** Who writes a temp file: the process and the thread (0 is the main thread). */
export interface TempWriter {
  readonly pid: number;
  readonly threadId: number;
}

export const THIS_WRITER: TempWriter = Object.freeze({ pid: process.pid, threadId });

/** `.upload_….json.<pid>-<threadId>.tmp`, beside the final name so rename(2) stays in one folder. */
export function tempNameFor(finalName: string, writer: TempWriter = THIS_WRITER): string {
  return `.${finalName}.${writer.pid}-${writer.threadId}.tmp`;
}

// The writer tag is optional: temp files from before it was added (`.upload_….json.tmp`) have no
// live writer to wait for.
const TEMP_PATTERN = /^\.upload_\d{8}T\d{9}Z_[0-9a-f]+\.json\.(?:(\d+)-(\d+)\.)?tmp$/;

/** The writer named in a temp file's name; null for an untagged temp; undefined for any other file. */
export function tempWriterOf(fileName: string): TempWriter | null | undefined {
  const match = TEMP_PATTERN.exec(fileName);
  if (match === null) return undefined;
  if (match[1] === undefined || match[2] === undefined) return null;
  return { pid: Number(match[1]), threadId: Number(match[2]) };
}

/** Whether a process with this id exists (EPERM: it does, but belongs to someone else). */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Deletes the temp files in `dir` whose writer `isGone` says will never finish them (untagged
 * ones always); returns their names. A missing folder has none.
 */
export async function removeAbandonedTemps(dir: string, isGone: (writer: TempWriter) => boolean): Promise<string[]> {
  let entries: Dir;
  try {
    // Streamed: a folder of a million uploads is never listed into memory at once.
    entries = await opendir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const removed: string[] = [];
  for await (const entry of entries) {
    const writer = tempWriterOf(entry.name);
    if (writer === undefined || (writer !== null && !isGone(writer))) continue;
    try {
      await unlink(join(dir, entry.name));
      removed.push(entry.name);
    } catch (error) {
      // Another server sweeping the same folder got there first: the goal is met.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return removed;
}

/** At start-up: the temp files of processes that no longer run (never this process's own). */
export function removeTempsOfGoneProcesses(dir: string): Promise<string[]> {
  return removeAbandonedTemps(dir, (writer) => writer.pid !== process.pid && !processIsAlive(writer.pid));
}

/** After a worker thread of this process died: the temp files it was writing. */
export function removeTempsOfThread(dir: string, deadThreadId: number): Promise<string[]> {
  return removeAbandonedTemps(dir, (writer) => writer.pid === process.pid && writer.threadId === deadThreadId);
}
