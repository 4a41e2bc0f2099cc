// Per-worker counters in one SharedArrayBuffer: each worker adds to its own slot with Atomics,
// the main thread reads every slot without messages or locks.

export interface CounterLayout {
  readonly names: readonly string[];
  readonly slots: number;
  readonly buffer: SharedArrayBuffer;
}

export class SharedCounters {
  private readonly cells: BigInt64Array;
  private readonly indexOf: ReadonlyMap<string, number>;

  constructor(readonly layout: CounterLayout) {
    this.cells = new BigInt64Array(layout.buffer);
    this.indexOf = new Map(layout.names.map((name, i) => [name, i]));
  }

  static create(names: readonly string[], slots: number): SharedCounters {
    const buffer = new SharedArrayBuffer(names.length * slots * BigInt64Array.BYTES_PER_ELEMENT);
    return new SharedCounters({ names: [...names], slots, buffer });
  }

  /** The cell index of `name` in `slot`, resolved once so hot paths add by number. */
  cell(slot: number, name: string): number {
    const i = this.indexOf.get(name);
    if (i === undefined) throw new RangeError(`unknown counter "${name}"`);
    if (slot < 0 || slot >= this.layout.slots) throw new RangeError(`no counter slot ${slot}`);
    return slot * this.layout.names.length + i;
  }

  add(cell: number, amount: number): void {
    Atomics.add(this.cells, cell, BigInt(amount));
  }

  set(cell: number, value: number): void {
    Atomics.store(this.cells, cell, BigInt(value));
  }

  read(cell: number): number {
    return Number(Atomics.load(this.cells, cell));
  }

  /** Every counter of one slot, by name. */
  snapshot(slot: number): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of this.layout.names) out[name] = this.read(this.cell(slot, name));
    return out;
  }

  /** Every counter summed over all slots, by name. */
  total(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const name of this.layout.names) {
      let sum = 0;
      for (let slot = 0; slot < this.layout.slots; slot++) sum += this.read(this.cell(slot, name));
      out[name] = sum;
    }
    return out;
  }

  /** Zeroes the named counters of one slot (gauges of a worker that died). */
  reset(slot: number, names: readonly string[]): void {
    for (const name of names) this.set(this.cell(slot, name), 0);
  }
}
