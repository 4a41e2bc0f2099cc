// Streams a large file after its head, chunk by chunk, waiting for 'drain' whenever the socket's
// buffer is full: memory per download stays at one chunk, however slow the client.
import { open } from 'node:fs/promises';
import type { Socket } from 'node:net';

const CHUNK_BYTES = 256 * 1024;

function drained(socket: Socket): Promise<boolean> {
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      socket.off('drain', onDrain);
      socket.off('close', onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    socket.on('drain', onDrain);
    socket.on('close', onClose);
  });
}

/**
 * Writes `head`, then `size` bytes of the file. Resolves with the body bytes written; fewer than
 * `size` means the client went away or the file shrank, and the connection must not be reused.
 */
export async function sendFile(socket: Socket, head: Buffer, path: string, size: number): Promise<number> {
  const file = await open(path, 'r');
  let sent = 0;
  try {
    let pendingHead: Buffer | null = head;
    while (sent < size && !socket.destroyed) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, size - sent));
      const { bytesRead } = await file.read(chunk, 0, chunk.length, sent);
      if (bytesRead === 0) break;
      const piece = bytesRead === chunk.length ? chunk : chunk.subarray(0, bytesRead);
      let flowing: boolean;
      if (pendingHead !== null) {
        socket.cork();
        socket.write(pendingHead);
        flowing = socket.write(piece);
        socket.uncork();
        pendingHead = null;
      } else {
        flowing = socket.write(piece);
      }
      sent += bytesRead;
      if (!flowing && !(await drained(socket))) break;
    }
    if (pendingHead !== null && !socket.destroyed) socket.write(pendingHead);
  } finally {
    await file.close();
  }
  return sent;
}
