import { RttStats } from './rtt-stats';

function statsOf(samples: number[]): RttStats {
  const stats = new RttStats();
  for (const sample of samples) stats.add(sample);
  return stats;
}

describe('RttStats', () => {
  it('has no summary before the first sample', () => {
    expect(new RttStats().summary()).toBeUndefined();
  });

  it('computes min/avg/max and mdev as ping does (population standard deviation)', () => {
    // mean 2.5, mean of squares 7.5, mdev = sqrt(7.5 - 2.5²) = sqrt(1.25)
    const summary = statsOf([1, 2, 3, 4]).summary();
    expect(summary).toMatchObject({ count: 4, minMs: 1, avgMs: 2.5, maxMs: 4 });
    expect(summary?.mdevMs).toBeCloseTo(Math.sqrt(1.25), 12);
  });

  it('gives mdev 0 and jitter 0 for one sample or constant RTTs', () => {
    expect(statsOf([5]).summary()).toMatchObject({ minMs: 5, avgMs: 5, maxMs: 5, mdevMs: 0, jitterMs: 0 });
    expect(statsOf([3, 3, 3, 3]).summary()).toMatchObject({ mdevMs: 0, jitterMs: 0 });
  });

  it('smooths jitter with gain 1/16 over consecutive differences (RFC 3550 section 6.4.1)', () => {
    // D = 2: J = 2/16 = 0.125; D = 1: J = 0.125 + (1 - 0.125)/16 = 0.1796875
    expect(statsOf([10, 12, 11]).summary()?.jitterMs).toBeCloseTo(0.1796875, 12);
  });

  it('converges to |D| when every difference is the same', () => {
    const alternating = Array.from({ length: 400 }, (_, i) => (i % 2 === 0 ? 10 : 14));
    expect(statsOf(alternating).summary()?.jitterMs).toBeCloseTo(4, 6);
  });

  it('stays accurate for large RTTs with tiny spread (no cancellation)', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1e6 + (i % 2) * 0.002);
    const summary = statsOf(samples).summary();
    expect(summary?.avgMs).toBeCloseTo(1e6 + 0.001, 6);
    expect(summary?.mdevMs).toBeCloseTo(0.001, 6);
  });
});
