// A small seeded pseudo-random generator, so a lossy or jittery run can be repeated exactly.
// Marsaglia's xorshift32 (2003): fast, no allocation, and plenty for simulating a network.

export class Prng {
  private state: number;

  constructor(seed: number) {
    // Spread nearby seeds apart and keep the state away from 0, which xorshift never leaves.
    const mixed = Math.imul((seed >>> 0) ^ 0x9e3779b9, 0x85ebca6b) >>> 0;
    this.state = mixed === 0 ? 0x6d2b79f5 : mixed;
  }

  /** The next value, uniform in [0, 1). */
  next(): number {
    let x = this.state;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.state = x >>> 0;
    return this.state / 0x1_0000_0000;
  }
}
