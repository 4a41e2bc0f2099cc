// Bounded waits for a started server: its `listening on` line on stdout, or an open port
// (nginx prints nothing). Both give up at a deadline and when the process exits.

import type { ChildProcess } from 'node:child_process';
import { connect, createServer } from 'node:net';
import { BenchError } from './errors';

/**
 * Resolves with the first stdout line containing `marker`. Rejects when the process exits or
 * `timeoutMs` passes. Afterwards stdout keeps flowing (and is dropped) so the pipe never fills.
 */
export function waitForLine(child: ChildProcess, marker: string, timeoutMs: number): Promise<string> {
  const stdout = child.stdout;
  if (stdout === null) return Promise.reject(new Error('the child has no stdout pipe'));
  return new Promise((resolve, reject) => {
    let seen = '';
    const finish = (error: Error | undefined, line?: string): void => {
      clearTimeout(timer);
      stdout.off('data', onData);
      child.off('exit', onExit);
      stdout.resume();
      if (error !== undefined) reject(error);
      else resolve(line ?? '');
    };
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      const lines = seen.split('\n');
      seen = lines.pop() ?? '';
      const hit = lines.find((line) => line.includes(marker));
      if (hit !== undefined) finish(undefined, hit.trim());
      // A server that prints a lot before listening must not grow this buffer forever.
      if (seen.length > 64 * 1024) seen = seen.slice(-1024);
    };
    const onExit = (code: number | null, signal: string | null): void =>
      finish(new BenchError('BENCH_SERVER_EXITED', `exited (${signal ?? code}) before printing "${marker}"`));
    const timer = setTimeout(
      () => finish(new BenchError('BENCH_SERVER_TIMEOUT', `no "${marker}" line within ${timeoutMs} ms`)),
      timeoutMs,
    );
    stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

function tryConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Probes 127.0.0.1:port every 25 ms until it accepts, the process exits, or the deadline passes. */
export async function waitForPort(child: ChildProcess, port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new BenchError('BENCH_SERVER_EXITED', `exited (${child.signalCode ?? child.exitCode}) before port ${port} opened`);
    }
    if (await tryConnect(port)) return;
    await pause(25);
  }
  throw new BenchError('BENCH_SERVER_TIMEOUT', `port ${port} did not open within ${timeoutMs} ms`);
}

/** A port that was free a moment ago: listen on 0, read it, close. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
