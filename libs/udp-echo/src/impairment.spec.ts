import { isUdpEchoError } from './errors';
import { DROP, Impairment } from './impairment';
import { Prng } from './prng';

const decisions = (impairment: Impairment, n: number): number[] => Array.from({ length: n }, () => impairment.decide());

describe('Prng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const c = new Prng(43);
    const seqA = Array.from({ length: 50 }, () => a.next());
    expect(Array.from({ length: 50 }, () => b.next())).toEqual(seqA);
    expect(Array.from({ length: 50 }, () => c.next())).not.toEqual(seqA);
  });

  it('stays in [0, 1) and is roughly uniform, seed 0 included', () => {
    const prng = new Prng(0);
    let low = 0;
    for (let i = 0; i < 10_000; i++) {
      const x = prng.next();
      expect(x >= 0 && x < 1).toBe(true);
      if (x < 0.5) low++;
    }
    expect(low).toBeGreaterThan(4_700);
    expect(low).toBeLessThan(5_300);
  });
});

describe('Impairment', () => {
  it('does nothing by default', () => {
    const none = new Impairment({ dropRate: 0, delayMs: 0, jitterMs: 0, seed: 1 });
    expect(none.isNone).toBe(true);
    expect(decisions(none, 10)).toEqual(Array(10).fill(0));
  });

  it('drops about the given fraction, the same datagrams for the same seed', () => {
    const options = { dropRate: 0.5, delayMs: 0, jitterMs: 0, seed: 7 };
    const first = decisions(new Impairment(options), 1000);
    expect(decisions(new Impairment(options), 1000)).toEqual(first);
    const dropped = first.filter((fate) => fate === DROP).length;
    expect(dropped).toBeGreaterThan(430);
    expect(dropped).toBeLessThan(570);
  });

  it('drops all at rate 1 and none at rate 0', () => {
    expect(decisions(new Impairment({ dropRate: 1, delayMs: 0, jitterMs: 0, seed: 1 }), 20)).toEqual(Array(20).fill(DROP));
    expect(decisions(new Impairment({ dropRate: 0, delayMs: 5, jitterMs: 0, seed: 1 }), 20)).toEqual(Array(20).fill(5));
  });

  it('keeps delays within mean ± jitter, clamped at 0', () => {
    const delays = decisions(new Impairment({ dropRate: 0, delayMs: 20, jitterMs: 5, seed: 3 }), 500);
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(15);
    expect(Math.max(...delays)).toBeLessThanOrEqual(25);
    expect(new Set(delays).size).toBeGreaterThan(5);
    const clamped = decisions(new Impairment({ dropRate: 0, delayMs: 1, jitterMs: 10, seed: 3 }), 200);
    expect(Math.min(...clamped)).toBe(0);
  });

  it('refuses rates outside [0, 1] and negative delays with a typed error', () => {
    for (const bad of [{ dropRate: 1.5 }, { dropRate: Number.NaN }, { delayMs: -1 }, { jitterMs: -1 }]) {
      let caught: unknown;
      try {
        new Impairment({ dropRate: 0, delayMs: 0, jitterMs: 0, seed: 1, ...bad });
      } catch (error) {
        caught = error;
      }
      expect(isUdpEchoError(caught, 'UDP_ECHO_BAD_ARGUMENT')).toBe(true);
    }
  });
});
