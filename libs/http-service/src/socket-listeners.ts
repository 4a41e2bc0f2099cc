import type { Socket } from 'node:net';

/** What a socket's listeners call on the connection that owns it. */
export interface SocketOwner {
  onData(chunk: Buffer): void;
  onEnd(): void;
  onClose(): void;
}

// Socket listeners shared by every connection (no closures per socket): each finds its
// Connection through a symbol on the socket. A 'data' chunk may be a view of the transport's
// shared read buffer, valid during the call only: the connection copies what it keeps.
const CONNECTION = Symbol('connection');
type OwnedSocket = Socket & { [CONNECTION]: SocketOwner };

function onSocketData(this: OwnedSocket, chunk: Buffer): void {
  this[CONNECTION].onData(chunk);
}
function onSocketEnd(this: OwnedSocket): void {
  this[CONNECTION].onEnd();
}
function onSocketClose(this: OwnedSocket): void {
  this[CONNECTION].onClose();
}
// Resets and timeouts end in 'close', which cleans up.
function ignoreSocketError(): void {}

/** Routes the socket's events to `owner` through the shared listeners above. */
export function listenTo(socket: Socket, owner: SocketOwner): void {
  (socket as OwnedSocket)[CONNECTION] = owner;
  socket.on('data', onSocketData);
  socket.on('end', onSocketEnd);
  socket.on('error', ignoreSocketError);
  socket.on('close', onSocketClose);
}
