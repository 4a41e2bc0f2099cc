// Streams a large file after its head. The next chunk is read (on libuv's thread pool) while
// the current one is written, and we wait for 'drain' whenever the socket's buffer is full:
// memory per download stays at two chunks, however slow the client.
import { open, type FileHandle } from 'node:fs/promises';
import type { Socket } from 'node:net';

const CHUNK_BYTES = 512 * 1024;

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

async function readChunk(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const chunk = Buffer.allocUnsafe(length);
  const { bytesRead } = await file.read(chunk, 0, length, position);
  return bytesRead === length ? chunk : chunk.subarray(0, bytesRead);
}

/**
 * Writes `head`, then `size` bytes of the file. Resolves with the body bytes written; fewer than
 * `size` means the client went away or the file shrank, and the connection must not be reused.
 */
export async function sendFile(socket: Socket, head: Buffer, path: string, size: number): Promise<number> {
  const file = await open(path, 'r');
  let sent = 0;
  try {
    let next: Promise<Buffer> | null = size > 0 ? readChunk(file, 0, Math.min(CHUNK_BYTES, size)) : null;
    let pendingHead: Buffer | null = head;
    while (next !== null) {
      const piece = await next;
      if (piece.length === 0 || socket.destroyed) break;
      const position = sent + piece.length;
      next = position < size ? readChunk(file, position, Math.min(CHUNK_BYTES, size - position)) : null;
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
      sent = position;
      if (!flowing && !(await drained(socket))) break;
    }
    // Let a read still in flight finish before the handle closes.
    if (next !== null) await next.catch(() => undefined);
    if (pendingHead !== null && !socket.destroyed) socket.write(pendingHead);
  } finally {
    await file.close();
  }
  return sent;
}
