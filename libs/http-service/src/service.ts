// An HTTP service on one event loop: a listener, the router, the connections, admission control
// (503 past --max-connections), the timeout sweep and graceful drain. A worker thread of
// http-server runs one of these; simple-server runs exactly one.
import type { Socket } from 'node:net';
import { allowedHostsFor, createRouter, errorResult, serviceUnavailable } from '@mths/handlers';
import { CLOSE_HEADERS, finishHead } from '@mths/response-builders';
import type { SharedCounters } from '@mths/thread-pool';
import type { Listener, ListenerAddress, ListenerFactory } from '@mths/transport';
import type { ServerConfig } from './config';
import type { AccessLog } from './access-log';
import { Connection, type ConnectionEnv } from './connection';
import { ConnectionList } from './connection-list';
import { TurnFlush } from './turn-flush';
import { ResponseArena } from './response-arena';
import { ServiceStats } from './service-stats';
import { headerValue } from './pending-request';

export interface HttpServiceOptions {
  readonly config: ServerConfig;
  readonly listenerFactory: ListenerFactory;
  /** Share the port with the other workers' listeners. */
  readonly reusePort: boolean;
  readonly counters: SharedCounters;
  /** This service's slot in `counters`. */
  readonly slot: number;
  readonly log: AccessLog;
}

export interface HttpService {
  readonly address: ListenerAddress;
  readonly stats: ServiceStats;
  /** Stops accepting, lets in-flight requests finish, resolves when every socket is closed. */
  drain(): Promise<void>;
}

/** How often timeouts are checked: the precision of --header-timeout and --keep-alive-timeout. */
const SWEEP_MS = 250;
const REJECT_LINGER_MS = 1_000;

function rejectOverloaded(socket: Socket, response: Buffer): void {
  socket.on('error', () => undefined);
  socket.end(response);
  // Keep reading (and dropping) what the client sends, so the 503 is not lost to a reset.
  socket.resume();
  socket.setTimeout(REJECT_LINGER_MS, () => socket.destroy());
}

export async function startHttpService(options: HttpServiceOptions): Promise<HttpService> {
  const { config, log } = options;
  const turnFlush = new TurnFlush();
  const stats = new ServiceStats(options.counters, options.slot, turnFlush);
  const connections = new ConnectionList<Connection>();
  const forget = (connection: Connection) => {
    if (connections.delete(connection)) stats.closed();
    if (draining && connections.size === 0) drained();
  };
  let env: ConnectionEnv | undefined;
  let draining = false;
  let drained: () => void = () => undefined;
  let lastRejectWarning = 0;
  const overloaded = serviceUnavailable(config.retryAfterSeconds);

  const onConnection = (socket: Socket) => {
    if (env === undefined || draining) {
      socket.destroy();
      return;
    }
    if (connections.size >= config.maxConnections) {
      stats.rejected();
      const now = Date.now();
      if (now - lastRejectWarning > 1_000) {
        lastRejectWarning = now;
        log.warn(`503 to ${socket.remoteAddress ?? '-'}: ${connections.size} connections open (--max-connections ${config.maxConnections})`);
      }
      // Finished per rejection, so its Date is today's.
      rejectOverloaded(socket, finishHead(overloaded.fixedHead, CLOSE_HEADERS, overloaded.body ?? undefined));
      return;
    }
    stats.opened();
    connections.add(new Connection(socket, env, forget));
  };

  const listener: Listener = await options.listenerFactory.listen(
    {
      host: config.host,
      port: config.port,
      reusePort: options.reusePort,
      onAcceptError: (error) => log.warn(`could not accept a connection: ${error.message}`),
    },
    onConnection,
  );
  const router = createRouter({
    root: config.root,
    uploadsDir: config.uploadsDir,
    allowedExtensions: config.allowedExtensions,
    allowedHosts: allowedHostsFor(config.host, listener.address.port, config.allowedHostNames),
    cacheMaxFileBytes: config.cacheMaxFileBytes,
    cacheBudgetBytes: config.cacheBudgetBytes,
    // Warnings are for rejected hosts and server faults; a 404 is not news.
    onError: (error, request) => {
      if (error.status >= 500) {
        const cause = error.cause instanceof Error ? (error.cause.stack ?? error.cause.message) : error.message;
        log.warn(`${error.status} for ${request.head.method} ${request.head.target} from ${request.remoteAddress}: ${cause}`);
      } else if (error.code === 'HND_HOST_NOT_ALLOWED') {
        const host = headerValue(request.head, 'host') ?? request.head.target;
        log.warn(`403 for ${request.remoteAddress}: Host "${host}" is not in the allow-list`);
      }
    },
  });
  env = {
    config,
    handler: router,
    errorResult: (status) => errorResult(status, { close: true }),
    stats,
    log,
    parserLimits: Object.freeze({
      maxStartLineBytes: config.maxStartLineBytes,
      maxHeaderBytes: config.maxHeaderBytes,
      maxHeaderCount: config.maxHeaderCount,
      maxBodyBytes: config.maxBodyBytes,
    }),
    turnFlush,
    arena: new ResponseArena(),
  };

  const sweep = setInterval(() => {
    const now = performance.now();
    connections.forEach((connection) => connection.checkTimers(now));
  }, SWEEP_MS);
  sweep.unref();

  return {
    address: listener.address,
    stats,
    async drain() {
      if (draining) return;
      draining = true;
      const allClosed = new Promise<void>((resolve) => {
        drained = resolve;
      });
      // server.close() resolves only once every socket is gone, so drain them meanwhile.
      const stopped = listener.close();
      connections.forEach((connection) => connection.drain());
      if (connections.size > 0) await allClosed;
      await stopped;
      clearInterval(sweep);
      stats.flushHeld();
      log.flush();
    },
  };
}
