import { join } from 'node:path';
import { once } from 'node:events';
import { WorkerPool, type WorkerExit } from './worker-pool';
import { PoolError } from './errors';

const script = join(__dirname, 'testing/ts-worker.cjs');
const tsFile = join(__dirname, 'testing/counting-worker.ts');

function pool(size: number, extra: Record<string, unknown> = {}, heartbeat?: { intervalMs: number; timeoutMs: number }) {
  return new WorkerPool({
    heartbeat,
    size,
    script,
    workerData: { tsFile, ...extra },
    counterNames: ['requests', 'connections'],
    gaugeNames: ['connections'],
    restart: { initialDelayMs: 10, maxDelayMs: 100, healthyAfterMs: 60_000 },
  });
}

describe('WorkerPool', () => {
  it('starts every worker and hands back their ready infos', async () => {
    const p = pool(3);
    await expect(p.start()).resolves.toEqual([{ index: 0 }, { index: 1 }, { index: 2 }]);
    expect(new Set(p.threadIds()).size).toBe(3);
    await p.stop(1_000);
  });

  it('collects counters from every worker through shared memory', async () => {
    const p = pool(2);
    await p.start();
    p.send(0, { type: 'count', n: 3 });
    p.send(1, { type: 'count', n: 4 });
    // A message round trip after the counts proves both workers processed them.
    const replies = new Promise<void>((resolve) => {
      let seen = 0;
      p.on('message', () => ++seen === 2 && resolve());
    });
    p.broadcast({ type: 'echo' });
    await replies;
    expect(p.counters.snapshot(0).requests).toBe(3);
    expect(p.counters.snapshot(1).requests).toBe(4);
    expect(p.counters.total().requests).toBe(7);
    await p.stop(1_000);
  });

  it('replaces a crashed worker and keeps its slot', async () => {
    const p = pool(2);
    await p.start();
    const before = p.threadIds();
    const exited = once(p, 'worker-exit');
    const restarted = once(p, 'worker-restart');
    p.send(1, { type: 'crash' });
    const [exit] = (await exited) as [WorkerExit];
    expect(exit.index).toBe(1);
    expect(exit.threadId).toBe(before[1]);
    expect(exit.error?.message).toBe('crash on purpose');
    expect(await restarted).toEqual([1]);
    const after = p.threadIds();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    const reply = once(p, 'message');
    p.send(1, { type: 'echo' });
    expect((await reply)[1]).toEqual({ type: 'echo', index: 1 });
    await p.stop(1_000);
  });

  it('backs off when a worker keeps crashing', async () => {
    const p = pool(1);
    await p.start();
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const exited = once(p, 'worker-exit');
      const restarted = once(p, 'worker-restart');
      p.send(0, { type: 'crash' });
      delays.push(((await exited)[0] as WorkerExit).restartInMs);
      await restarted;
    }
    expect(delays).toEqual([10, 20, 40]);
    await p.stop(1_000);
  });

  it('drains every worker on stop and waits for it', async () => {
    const p = pool(2, { drainDelayMs: 50 });
    await p.start();
    const drained: unknown[] = [];
    p.on('message', (_i, m) => drained.push(m));
    await expect(p.stop(2_000)).resolves.toEqual({ forced: 0 });
    expect(drained).toHaveLength(2);
    expect(p.threadIds()).toEqual([undefined, undefined]);
  });

  it('terminates a worker that does not drain in time', async () => {
    const p = pool(1);
    await p.start();
    p.send(0, { type: 'hang' });
    await expect(p.stop(200)).resolves.toEqual({ forced: 1 });
  });

  it('rejects start() with the reason a worker gave', async () => {
    const p = pool(2, { failToStart: true });
    const failure = p.start();
    await expect(failure).rejects.toBeInstanceOf(PoolError);
    await expect(failure).rejects.toMatchObject({ causeCode: 'EADDRINUSE', message: 'port busy' });
  });

  it('replaces a worker whose event loop hangs, and only that one', async () => {
    const p = pool(2, {}, { intervalMs: 25, timeoutMs: 300 });
    await p.start();
    const before = p.threadIds();
    const hung = once(p, 'worker-hung');
    const exited = once(p, 'worker-exit');
    const restarted = once(p, 'worker-restart');
    p.send(1, { type: 'hang' });
    const [index, silentMs] = (await hung) as [number, number];
    expect(index).toBe(1);
    expect(silentMs).toBeGreaterThanOrEqual(300);
    const [exit] = (await exited) as [WorkerExit];
    expect(exit.error).toMatchObject({ code: 'POOL_WORKER_UNRESPONSIVE' });
    expect(await restarted).toEqual([1]);
    const after = p.threadIds();
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
    await p.stop(1_000);
  });
});
