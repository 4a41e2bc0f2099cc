// A first-in first-out list that keeps its memory: a connection queues and answers one request
// after another, and an Array emptied by shift() drops its backing store, so the next push
// allocated a new one (19 slots, ~150 bytes) for every request.

export class Fifo<T> {
  /** A ring: `count` items from `head`, wrapping; it doubles when full and never shrinks. */
  private slots: Array<T | undefined> = [];
  private head = 0;
  private count = 0;

  get length(): number {
    return this.count;
  }

  push(item: T): void {
    if (this.count === this.slots.length) this.grow();
    this.slots[(this.head + this.count) % this.slots.length] = item;
    this.count++;
  }

  /** The oldest item, removed; undefined when empty. */
  shift(): T | undefined {
    if (this.count === 0) return undefined;
    const item = this.slots[this.head];
    this.slots[this.head] = undefined;
    this.head = (this.head + 1) % this.slots.length;
    this.count--;
    return item;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.count = 0;
  }

  private grow(): void {
    const next: Array<T | undefined> = new Array(Math.max(2, this.slots.length * 2)).fill(undefined);
    for (let i = 0; i < this.count; i++) next[i] = this.slots[(this.head + i) % this.slots.length];
    this.slots = next;
    this.head = 0;
  }
}
