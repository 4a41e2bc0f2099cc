import { nextTurn, waitFor, within } from './wait-for';

describe('waitFor', () => {
  it('resolves with the first truthy value of the condition', async () => {
    let calls = 0;
    await expect(waitFor(() => (++calls === 3 ? 'ready' : undefined), 1_000, 'three calls')).resolves.toBe('ready');
    expect(calls).toBe(3);
  });

  it('fails with what it waited for once the time is up', async () => {
    await expect(waitFor(() => false, 30, () => 'a condition that never holds')).rejects.toThrow(
      'timed out after 30 ms waiting for a condition that never holds',
    );
  });
});

describe('within', () => {
  it('passes a value through when the promise settles in time', async () => {
    await expect(within(Promise.resolve(7), 100, 'a number')).resolves.toBe(7);
  });

  it('rejects with a clear message when the promise is late', async () => {
    await expect(within(new Promise(() => undefined), 20, 'the listening line')).rejects.toThrow(
      'timed out after 20 ms waiting for the listening line',
    );
  });
});

describe('nextTurn', () => {
  it('resolves after the immediates already queued, not within the current stretch', async () => {
    const seen: string[] = [];
    setImmediate(() => seen.push('queued before'));
    const turn = nextTurn().then(() => seen.push('next turn'));
    await Promise.resolve();
    expect(seen).toEqual([]);
    await turn;
    expect(seen).toEqual(['queued before', 'next turn']);
  });
});
