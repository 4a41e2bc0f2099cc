// Reads of accepted sockets land in one buffer per thread instead of a fresh one per read.
//
// Node gives each read of a plain socket its own ArrayBuffer (64 KiB allocated, then shrunk) and
// pushes it through the Readable stream; V8 frees them all in its young-generation pauses. Under
// keep-alive load that is one buffer per request: it made scavenges 1.7 ms instead of 0.9 and
// cost 7-8% of the CPU per request (alternating runs, GET 20 B and 2 KB). Node's documented
// `onread` option (net.Socket, Node >= 12) reads into a buffer of ours and skips the stream, but
// net.Server offers it to no accepted socket. So the accepted socket's handle is moved, before
// its first read (pauseOnConnect), into a socket built with that option, and the original,
// handle-less, is destroyed so the server's connection count stays right. This leans on one
// undocumented field, `socket._handle`; without it the socket is used as it came.
//
// Every read is emitted as 'data' with a view of the shared buffer, valid only during the
// listener call: a listener keeps nothing of it without copying.
import { Socket, type SocketConstructorOpts } from 'node:net';

/** Largest single read, as Node's own reads. */
const READ_BYTES = 64 * 1024;
const shared = Buffer.allocUnsafeSlow(READ_BYTES);

interface HandleCarrier {
  _handle: object | null;
}

/** The socket to use for `accepted` (taken before it read anything), reading into this thread's shared buffer. */
export function withSharedReadBuffer(accepted: Socket, allowHalfOpen: boolean): Socket {
  const carrier = accepted as unknown as HandleCarrier;
  const handle = carrier._handle;
  if (handle === null || typeof handle !== 'object' || !('readStart' in handle)) return accepted.resume();
  carrier._handle = null;
  accepted.destroy();
  const socket: Socket = new Socket({
    handle,
    allowHalfOpen,
    onread: {
      buffer: shared,
      callback: (bytes: number) => {
        socket.emit('data', shared.subarray(0, bytes));
      },
    },
    // @types/node lists neither option for the constructor; Node reads both (lib/net.js).
  } as unknown as SocketConstructorOpts);
  return socket;
}
