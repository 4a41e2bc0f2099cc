import { Fifo } from './fifo';

describe('Fifo', () => {
  it('gives items back in the order they came, across growth and wrap-around', () => {
    const fifo = new Fifo<number>();
    const out: number[] = [];
    let next = 0;
    // Uneven pushes and shifts make the ring wrap at several sizes.
    for (let round = 0; round < 50; round++) {
      for (let i = 0; i < (round % 7) + 1; i++) fifo.push(next++);
      for (let i = 0; i < (round % 5) + 1 && fifo.length > 0; i++) out.push(fifo.shift()!);
    }
    while (fifo.length > 0) out.push(fifo.shift()!);
    expect(out).toEqual(Array.from({ length: next }, (_, i) => i));
  });

  it('is empty after clear, and says so', () => {
    const fifo = new Fifo<string>();
    fifo.push('a');
    fifo.push('b');
    fifo.clear();
    expect(fifo.length).toBe(0);
    expect(fifo.shift()).toBeUndefined();
    fifo.push('c');
    expect(fifo.shift()).toBe('c');
  });
});
