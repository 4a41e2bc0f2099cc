// Streams a large file after its head. The next chunk is read (on libuv's thread pool) while
// the current one is written, and we wait for 'drain' whenever the socket's buffer is full:
// memory per download stays at two chunks, however slow the client.
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { Socket } from 'node:net';

const CHUNK_BYTES = 512 * 1024;
// The path was resolved and checked already; a last component swapped for a symlink since is refused.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);

// Chunk buffers go back to this free list once the kernel has them (the write callback), so a
// busy download server does not allocate and collect half a megabyte per chunk.
const freeChunks: Buffer[] = [];
const MAX_FREE_CHUNKS = 8;

function takeChunk(): Buffer {
  return freeChunks.pop() ?? Buffer.allocUnsafeSlow(CHUNK_BYTES);
}

function releaseChunk(chunk: Buffer): void {
  if (freeChunks.length < MAX_FREE_CHUNKS) freeChunks.push(chunk);
}

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

interface Chunk {
  readonly buffer: Buffer;
  readonly bytes: number;
}

async function readChunk(file: FileHandle, position: number, length: number): Promise<Chunk> {
  const buffer = takeChunk();
  try {
    const { bytesRead } = await file.read(buffer, 0, length, position);
    return { buffer, bytes: bytesRead };
  } catch (error) {
    releaseChunk(buffer);
    throw error;
  }
}

/**
 * Writes `head`, then `size` bytes of the file. Resolves with the body bytes written; fewer than
 * `size` means the client went away or the file shrank, and the connection must not be reused.
 */
export async function sendFile(socket: Socket, head: Buffer, path: string, size: number): Promise<number> {
  const file = await open(path, READ_FLAGS);
  let sent = 0;
  try {
    let next: Promise<Chunk> | null = size > 0 ? readChunk(file, 0, Math.min(CHUNK_BYTES, size)) : null;
    let pendingHead: Buffer | null = head;
    while (next !== null) {
      const chunk = await next;
      next = null;
      if (chunk.bytes === 0 || socket.destroyed) {
        releaseChunk(chunk.buffer);
        break;
      }
      const position = sent + chunk.bytes;
      if (position < size) next = readChunk(file, position, Math.min(CHUNK_BYTES, size - position));
      const piece = chunk.bytes === chunk.buffer.length ? chunk.buffer : chunk.buffer.subarray(0, chunk.bytes);
      const release = () => releaseChunk(chunk.buffer);
      let flowing: boolean;
      if (pendingHead !== null) {
        socket.cork();
        socket.write(pendingHead);
        flowing = socket.write(piece, release);
        socket.uncork();
        pendingHead = null;
      } else {
        flowing = socket.write(piece, release);
      }
      sent = position;
      if (!flowing && !(await drained(socket))) break;
    }
    // Let a read still in flight finish before the handle closes.
    if (next !== null) await next.then((chunk) => releaseChunk(chunk.buffer), () => undefined);
    if (pendingHead !== null && !socket.destroyed) socket.write(pendingHead);
  } finally {
    await file.close();
  }
  return sent;
}
