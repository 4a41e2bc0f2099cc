// Plain TCP listener: a node:net server with the options our connection loop relies on.
import { createServer } from 'node:net';
import { listenError } from './errors';
import { readIntoSharedBuffer } from './shared-read-buffer';
import type { ConnectionCallback, Listener, ListenerFactory, ListenOptions } from './listener';

/** Formats host:port, bracketing IPv6. */
export function formatHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

export const tcpListenerFactory: ListenerFactory = {
  listen(options: ListenOptions, onConnection: ConnectionCallback): Promise<Listener> {
    // allowHalfOpen: a client that shuts down its sending side still gets its responses.
    // noDelay: responses are written whole, so Nagle would only add latency.
    // pauseOnConnect: nothing is read before the socket reads into the shared buffer.
    const server = createServer({ allowHalfOpen: true, noDelay: true, pauseOnConnect: true }, (accepted) =>
      onConnection(readIntoSharedBuffer(accepted)),
    );
    return new Promise((resolve, reject) => {
      const onListenError = (error: NodeJS.ErrnoException) => {
        reject(listenError(error, formatHostPort(options.host, options.port)));
      };
      server.once('error', onListenError);
      server.listen(
        { host: options.host, port: options.port, reusePort: options.reusePort, backlog: options.backlog ?? 511 },
        () => {
          // From now on an 'error' is a failed accept: reported, and the server goes on.
          server.off('error', onListenError);
          server.on('error', options.onAcceptError);
          const bound = server.address();
          const port = typeof bound === 'object' && bound ? bound.port : options.port;
          resolve({
            address: { host: options.host, port },
            close: () => new Promise((done) => server.close(() => done())),
          });
        },
      );
    });
  },
};
