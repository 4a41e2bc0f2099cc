// Memory a server spends per idle keep-alive connection: open N sockets from this process,
// each sends one GET and keeps the connection after its response; compare the server's RSS
// before and after, then close them all.

import { connect, type Socket } from 'node:net';
import { BenchError } from './errors';
import { hostHeader } from './load-run';
import { readRssBytes, toMiB } from './rss';

export interface IdleOptions {
  readonly pid: number;
  readonly port: number;
  readonly path: string;
  readonly connections: number;
  /** Connections opened at once; keeps the server's accept backlog from overflowing. */
  readonly batch?: number;
  /**
   * Connections opened (in batches) and closed before the measurement. V8 sizes its young
   * generation to the allocation rate: without this, that growth (~15 MiB in every Node server)
   * would be counted as per-connection memory. Closing each batch before the next keeps the
   * old generation from being pre-grown for the 1000 that are then held.
   */
  readonly warmUpConnections?: number;
  /** Pause after the last response before RSS is read, letting the server finish its writes. */
  readonly settleMs?: number;
  readonly timeoutMs?: number;
}

export interface IdleResult {
  readonly beforeBytes: number;
  readonly afterBytes: number;
  readonly answered: number;
  /** Connections the server closed while they should have stayed idle. */
  readonly closedEarly: number;
  readonly mibPer1000: number;
}

interface IdleConnection {
  readonly socket: Socket;
  closed: boolean;
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Index just past the head's blank line and the Content-Length, once the head is complete. */
function responseLength(bytes: Buffer): number | undefined {
  const end = bytes.indexOf('\r\n\r\n');
  if (end < 0) return undefined;
  const head = bytes.toString('latin1', 0, end).toLowerCase();
  const at = head.indexOf('\r\ncontent-length:');
  if (at < 0) return end + 4;
  return end + 4 + Number.parseInt(head.slice(at + 17), 10);
}

/** Connects, sends one keep-alive GET, resolves once the whole response has arrived. */
function openOne(port: number, target: string, deadline: number): Promise<IdleConnection> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const conn: IdleConnection = { socket, closed: false };
    let received = Buffer.alloc(0);
    let done = false;
    const timer = setTimeout(() => fail(new Error('no full response before the deadline')), Math.max(deadline - Date.now(), 1));
    const fail = (error: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      reject(error);
    };
    socket.once('connect', () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${hostHeader(port)}\r\nConnection: keep-alive\r\n\r\n`);
    });
    socket.on('data', (chunk: Buffer) => {
      if (done) return;
      received = Buffer.concat([received, chunk]);
      const length = responseLength(received);
      if (length === undefined || received.length < length) return;
      done = true;
      clearTimeout(timer);
      resolve(conn);
    });
    socket.on('error', fail);
    socket.once('close', () => {
      conn.closed = true;
      fail(new Error('closed before the response was complete'));
    });
  });
}

function closeAll(connections: readonly IdleConnection[], timeoutMs: number): Promise<void> {
  const closing = connections.map(
    (conn) =>
      new Promise<void>((resolve) => {
        if (conn.closed) return resolve();
        conn.socket.once('close', () => resolve());
        conn.socket.destroy();
      }),
  );
  // The give-up timer is cleared once all have closed, so no 10 s timer outlives the probe.
  let timer: NodeJS.Timeout | undefined;
  const giveUp = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  return Promise.race([Promise.all(closing).then(() => undefined), giveUp]).finally(() => clearTimeout(timer));
}

export async function measureIdleMemory(options: IdleOptions): Promise<IdleResult> {
  const batch = options.batch ?? 100;
  const settleMs = options.settleMs ?? 300;
  const deadline = Date.now() + (options.timeoutMs ?? 30_000);

  const warm = options.warmUpConnections ?? 1000;
  for (let start = 0; start < warm; start += batch) {
    const conns = await Promise.all(Array.from({ length: Math.min(batch, warm - start) }, () => openOne(options.port, options.path, deadline)));
    await closeAll(conns, 1000);
  }
  await pause(settleMs);
  const beforeBytes = readRssBytes(options.pid);

  const open: IdleConnection[] = [];
  let failure: unknown;
  for (let start = 0; start < options.connections && failure === undefined; start += batch) {
    const count = Math.min(batch, options.connections - start);
    const results = await Promise.allSettled(Array.from({ length: count }, () => openOne(options.port, options.path, deadline)));
    for (const result of results) {
      if (result.status === 'fulfilled') open.push(result.value);
      else failure ??= result.reason;
    }
  }
  await pause(settleMs);
  const afterBytes = readRssBytes(options.pid);
  const closedEarly = open.filter((conn) => conn.closed).length;
  await closeAll(open, 10_000);

  if (failure !== undefined || beforeBytes === undefined || afterBytes === undefined) {
    const why = failure instanceof Error ? failure.message : beforeBytes === undefined || afterBytes === undefined ? 'server RSS unreadable' : String(failure);
    throw new BenchError('BENCH_IDLE_FAILED', `${open.length}/${options.connections} connections answered: ${why}`);
  }
  const mibPer1000 = (toMiB(afterBytes - beforeBytes) * 1000) / options.connections;
  return { beforeBytes, afterBytes, answered: open.length, closedEarly, mibPer1000 };
}
