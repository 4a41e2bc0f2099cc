// Reads of accepted sockets land in one buffer per thread instead of a fresh one per read.
//
// Node gives each read of a plain socket its own ArrayBuffer (64 KiB allocated, then shrunk) and
// pushes it through the Readable stream; V8 frees them all in its young-generation pauses. Under
// keep-alive load that is one buffer per request: it made scavenges 1.7 ms instead of 0.9 and
// cost 7-8% of the CPU per request (alternating runs, GET 20 B and 2 KB). Node's documented
// `onread` option (net.Socket, Node >= 12) reads into a buffer of ours and skips the stream, but
// net.Server offers it to no accepted socket.
//
// So an accepted socket, before its first read (pauseOnConnect), is given the state that option
// would have given it: the two fields the constructor fills from `onread` (found once, by value,
// on a probe socket built with the option) and the handle's user buffer, as Node's own
// initSocketHandle does. Moving the handle into a new socket instead also worked, but left the
// accepted socket behind as garbage that an idle server never collects (+0.7 MiB per 1000 idle
// connections). This leans on Node internals (the Node version is pinned, and the transport tests
// cover it); where they are not found, the socket reads as it came.
//
// Every read is emitted as 'data' with a view of the shared buffer, valid only during the
// listener call: a listener keeps nothing of it without copying.
import { Socket, type SocketConstructorOpts } from 'node:net';

/** Largest single read, as Node's own reads. */
const READ_BYTES = 64 * 1024;
const shared = Buffer.allocUnsafeSlow(READ_BYTES);

/**
 * Node calls the callback as a method of the socket that read (`stream[kBufferCb](nread, buf)`
 * in lib/internal/stream_base_commons.js), so one function serves every socket.
 */
function deliver(this: Socket, bytes: number): void {
  this.emit('data', shared.subarray(0, bytes));
}

interface OnreadFields {
  readonly buffer: symbol;
  readonly callback: symbol;
}

/** The symbols under which a socket keeps its onread buffer and callback, or null when not found. */
function findOnreadFields(): OnreadFields | null {
  // @types/node does not list onread for the constructor; Node reads it there (lib/net.js).
  const probe = new Socket({ onread: { buffer: shared, callback: deliver } } as unknown as SocketConstructorOpts);
  const fields = probe as unknown as Record<symbol, unknown>;
  const symbols = Object.getOwnPropertySymbols(probe);
  const buffer = symbols.find((key) => fields[key] === shared);
  const callback = symbols.find((key) => fields[key] === deliver);
  probe.destroy();
  return buffer === undefined || callback === undefined ? null : { buffer, callback };
}

const ONREAD_FIELDS = findOnreadFields();

interface UserBufferHandle {
  readonly reading?: boolean;
  useUserBuffer(buffer: Buffer): void;
}

function userBufferHandle(socket: Socket): UserBufferHandle | null {
  const handle = (socket as unknown as { _handle?: unknown })._handle;
  if (typeof handle !== 'object' || handle === null) return null;
  return typeof (handle as Partial<UserBufferHandle>).useUserBuffer === 'function' ? (handle as UserBufferHandle) : null;
}

/**
 * Makes `socket` (accepted with pauseOnConnect, nothing read yet) read into this thread's shared
 * buffer, and starts reading. Returns the same socket.
 */
export function readIntoSharedBuffer(socket: Socket): Socket {
  const handle = userBufferHandle(socket);
  if (ONREAD_FIELDS !== null && handle !== null && handle.reading !== true) {
    const fields = socket as unknown as Record<symbol, unknown>;
    fields[ONREAD_FIELDS.buffer] = shared;
    fields[ONREAD_FIELDS.callback] = deliver;
    handle.useUserBuffer(shared);
  }
  return socket.resume();
}
