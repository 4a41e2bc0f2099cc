import { LoopTurn } from './loop-turn';
import { nextTurn } from '@mths/test-kit';

describe('LoopTurn', () => {
  it('is the same within one synchronous stretch and its microtasks', async () => {
    const turns = new LoopTurn();
    const first = turns.current();
    expect(turns.current()).toBe(first);
    await Promise.resolve();
    expect(turns.current()).toBe(first);
  });

  it('moves on once the loop has turned', async () => {
    const turns = new LoopTurn();
    const first = turns.current();
    await nextTurn();
    const second = turns.current();
    expect(second).toBeGreaterThan(first);
    await nextTurn();
    expect(turns.current()).toBeGreaterThan(second);
  });

  it('differs between timer callbacks of different turns', async () => {
    const turns = new LoopTurn();
    const seen: number[] = [];
    for (let i = 0; i < 3; i++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      seen.push(turns.current());
    }
    expect(new Set(seen).size).toBe(3);
  });
});
