// Small files held in memory with their prebuilt GET and HEAD results, under a byte budget, plus
// an index from raw request targets to entries so a repeated target skips decoding entirely.
// An entry is checked with stat() on its first hit in each event-loop turn, and that check
// answers for the rest of the turn: an edited, replaced or deleted file is seen by the next turn,
// at most one loop iteration (well under a millisecond under load) after the change. Under
// load this saves a system call on almost every hit, which was a quarter of a hit's cost.
import { statSync, type Stats } from 'node:fs';
import { LoopTurn } from './loop-turn';
import type { BufferResult } from './types';

export interface CachedFile {
  /** The decoded request path it is stored under (`/`, `/a/b.txt`). */
  readonly key: string;
  readonly realPath: string;
  readonly get: BufferResult;
  readonly head: BufferResult;
  /** Bytes charged to the budget. */
  readonly cost: number;
  // What the file looked like when read; any change means the bytes may differ.
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

interface Slot {
  readonly file: CachedFile;
  /** Raw targets pointing at this slot, dropped with it. */
  readonly aliases: string[];
  live: boolean;
  /** The loop turn of the last stat() that found the file unchanged. */
  checkedTurn: number;
}

// A target index bound: query-string cache busters must not grow memory without limit.
const MAX_TARGETS = 4096;
const MAX_ALIASES_PER_FILE = 16;
export const NO_THROW = Object.freeze({ throwIfNoEntry: false as const });

/** What a cached entry remembers of its file, to notice an edit or a replacement. */
export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ctimeMs: number;
  readonly ino: number;
  readonly dev: number;
}

export function sameFile(file: FileIdentity, stats: Stats): boolean {
  return stats.size === file.size && stats.mtimeMs === file.mtimeMs && stats.ctimeMs === file.ctimeMs
    && stats.ino === file.ino && stats.dev === file.dev;
}

export class FileCache {
  private readonly slots = new Map<string, Slot>();
  private readonly targets = new Map<string, Slot>();
  private bytes = 0;
  private readonly turns = new LoopTurn();

  constructor(private readonly budgetBytes: number) {}

  /** Bytes currently held (bodies and heads). */
  get usedBytes(): number {
    return this.bytes;
  }

  get size(): number {
    return this.slots.size;
  }

  /** The fresh entry a raw target was last resolved to, or undefined (then decode and try `get`). */
  byTarget(target: string): CachedFile | undefined {
    const slot = this.targets.get(target);
    if (slot === undefined) return undefined;
    if (slot.live && this.fresh(slot)) return slot.file;
    this.targets.delete(target);
    return undefined;
  }

  /** The fresh entry stored under a decoded path, or undefined. */
  get(key: string): CachedFile | undefined {
    const slot = this.slots.get(key);
    return slot !== undefined && this.fresh(slot) ? slot.file : undefined;
  }

  /** Lets `target` find the entry under `key` directly next time (bounded). */
  alias(target: string, key: string): void {
    const slot = this.slots.get(key);
    if (slot === undefined || slot.aliases.length >= MAX_ALIASES_PER_FILE || this.targets.has(target)) return;
    if (this.targets.size >= MAX_TARGETS) this.forgetOldestTarget();
    this.targets.set(target, slot);
    slot.aliases.push(target);
  }

  /** Stores an entry (replacing one under the same key); false when it alone exceeds the budget. */
  set(file: CachedFile): boolean {
    const previous = this.slots.get(file.key);
    if (previous !== undefined) this.drop(previous);
    if (file.cost > this.budgetBytes) return false;
    this.slots.set(file.key, { file, aliases: [], live: true, checkedTurn: -1 });
    this.bytes += file.cost;
    // Map iteration follows insertion, so the first slot is the oldest.
    for (const slot of this.slots.values()) {
      if (this.bytes <= this.budgetBytes) break;
      this.drop(slot);
    }
    return true;
  }

  clear(): void {
    for (const slot of this.slots.values()) slot.live = false;
    this.slots.clear();
    this.targets.clear();
    this.bytes = 0;
  }

  private fresh(slot: Slot): boolean {
    const turn = this.turns.current();
    if (slot.checkedTurn === turn) return true;
    const stats = statSync(slot.file.realPath, NO_THROW);
    if (stats !== undefined && sameFile(slot.file, stats)) {
      slot.checkedTurn = turn;
      return true;
    }
    this.drop(slot);
    return false;
  }

  private drop(slot: Slot): void {
    if (!slot.live) return;
    slot.live = false;
    this.slots.delete(slot.file.key);
    this.bytes -= slot.file.cost;
    for (const target of slot.aliases) this.targets.delete(target);
  }

  private forgetOldestTarget(): void {
    for (const [target, slot] of this.targets) {
      this.targets.delete(target);
      const at = slot.aliases.indexOf(target);
      if (at !== -1) slot.aliases.splice(at, 1);
      return;
    }
  }
}
