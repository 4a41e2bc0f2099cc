// One fuzz case on the wire: a fresh connection, the writes one after another, a half-close,
// then every byte the server sends until it closes, bounded in time.
import { connect } from 'node:net';
import { pause, within } from '@mths/test-kit';

export interface Exchange {
  /** Every byte the server sent. */
  readonly received: Buffer;
  /** The server closed the connection within the bound. */
  readonly closed: boolean;
  /** A socket error (ECONNRESET, EPIPE...), or null. */
  readonly errorCode: string | null;
  /** From the half-close to the close (or to the bound). */
  readonly closeMs: number;
}

const CONNECT_TIMEOUT_MS = 5000;

/** Sends `writes` to 127.0.0.1:`port`, half-closes, and reads until the server closes or `boundMs` passes. */
export async function sendCase(port: number, writes: readonly Buffer[], boundMs: number): Promise<Exchange> {
  const socket = connect({ port, host: '127.0.0.1' });
  socket.setNoDelay(true);
  const chunks: Buffer[] = [];
  let errorCode: string | null = null;
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.on('error', (error: NodeJS.ErrnoException) => {
    errorCode ??= error.code ?? error.message;
  });
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  try {
    await within(
      new Promise<void>((resolve, reject) => {
        socket.once('connect', resolve);
        socket.once('error', reject);
      }),
      CONNECT_TIMEOUT_MS,
      `a connection to 127.0.0.1:${port}`,
    );
    for (let i = 0; i < writes.length && !socket.destroyed; i++) {
      // A short pause between writes so they tend to reach the server as separate reads.
      if (i > 0) await pause(1);
      await new Promise<void>((resolve) => socket.write(writes[i]!, () => resolve()));
    }
    if (!socket.destroyed) socket.end();
    const endedAt = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const inTime = await Promise.race([
      closed.then(() => true),
      new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), boundMs);
      }),
    ]);
    clearTimeout(timer);
    return { received: Buffer.concat(chunks), closed: inTime, errorCode, closeMs: performance.now() - endedAt };
  } finally {
    socket.destroy();
  }
}
