import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BenchError } from './errors';
import { measureIdleMemory } from './idle-memory';

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
}

/** Connections the server still holds, polled a bounded number of times until none are left. */
async function drained(server: Server): Promise<number> {
  let open = -1;
  for (let i = 0; i < 200 && open !== 0; i++) {
    open = await new Promise<number>((resolve) => server.getConnections((_, count) => resolve(count)));
    if (open !== 0) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return open;
}

describe('measureIdleMemory', () => {
  it('keeps every connection open after its response, reads RSS, then closes them all', async () => {
    const server = createServer({ keepAliveTimeout: 60_000 }, (_, res) => res.end('hello'));
    const port = await listen(server);
    try {
      const result = await measureIdleMemory({ pid: process.pid, port, path: '/x', connections: 60, batch: 25, warmUpConnections: 3, settleMs: 20 });
      expect(result.answered).toBe(60);
      expect(result.closedEarly).toBe(0);
      expect(result.beforeBytes).toBeGreaterThan(0);
      expect(result.afterBytes).toBeGreaterThan(0);
      expect(Number.isFinite(result.mibPer1000)).toBe(true);
      expect(await drained(server)).toBe(0);
    } finally {
      await close(server);
    }
  });

  it('counts connections the server closed instead of keeping them idle', async () => {
    const server = createServer((_, res) => {
      res.setHeader('Connection', 'close');
      res.end('bye');
    });
    const port = await listen(server);
    try {
      const result = await measureIdleMemory({ pid: process.pid, port, path: '/x', connections: 10, warmUpConnections: 0, settleMs: 100 });
      expect(result.answered).toBe(10);
      expect(result.closedEarly).toBe(10);
    } finally {
      await close(server);
    }
  });

  it('fails with BENCH_IDLE_FAILED when responses never come, within its deadline', async () => {
    const server = createServer(() => undefined);
    const port = await listen(server);
    try {
      const attempt = measureIdleMemory({ pid: process.pid, port, path: '/x', connections: 5, warmUpConnections: 0, settleMs: 1, timeoutMs: 300 });
      await expect(attempt).rejects.toBeInstanceOf(BenchError);
      await expect(attempt).rejects.toMatchObject({ code: 'BENCH_IDLE_FAILED' });
    } finally {
      await close(server);
    }
  });
});
