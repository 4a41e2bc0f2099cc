// What the connection loop needs from a transport: a listening endpoint that hands over sockets.
// Plain TCP today; TLS or a Unix socket is another factory with the same shape.
import type { Socket } from 'node:net';

export interface ListenOptions {
  readonly host: string;
  readonly port: number;
  /** Share the port with other listeners (SO_REUSEPORT): one per worker thread. */
  readonly reusePort: boolean;
  readonly backlog?: number;
  /**
   * A connection the kernel had but could not hand over (accept failed); the listener keeps
   * listening. Running out of descriptors never gets here: libuv closes such connections itself.
   */
  readonly onAcceptError: (error: Error) => void;
}

export interface ListenerAddress {
  readonly host: string;
  readonly port: number;
}

export interface Listener {
  readonly address: ListenerAddress;
  /** Stops accepting; open sockets are the caller's to finish. */
  close(): Promise<void>;
}

export type ConnectionCallback = (socket: Socket) => void;

export interface ListenerFactory {
  listen(options: ListenOptions, onConnection: ConnectionCallback): Promise<Listener>;
}
