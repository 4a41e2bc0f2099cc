export type { Listener, ListenerAddress, ListenerFactory, ListenOptions, ConnectionCallback } from './listener';
export { tcpListenerFactory, formatHostPort } from './tcp-listener';
export { readIntoSharedBuffer } from './shared-read-buffer';
export { claimSharedPort } from './shared-port';
export { TransportError, listenError } from './errors';
export type { TransportErrorCode } from './errors';
