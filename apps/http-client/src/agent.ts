// Keeps one connection per origin open between requests and reuses it. When the server has
// closed the kept connection, the agent opens a new one once, transparently, and says so in
// the response's `connection.reconnected`.
import { CLIENT_DEFAULTS, isIdempotent } from './config';
import type { ClientResponse } from './client-response';
import { Connection, type ConnectionOptions, type RawResponse } from './connection';
import { ConnectionClosedEarlyError } from './errors';
import type { SocketOptions } from './open-socket';
import type { PreparedRequest } from './prepare-request';
import { PhaseClock } from './timing';

export class Agent {
  private readonly kept = new Map<string, Connection>();
  private readonly options: ConnectionOptions;
  private opened = 0;

  constructor(options: SocketOptions & { readonly maxBodyBytes?: number }) {
    this.options = { maxBodyBytes: CLIENT_DEFAULTS.maxResponseBodyBytes, ...options };
  }

  /** Connections opened so far (tests and the REPL's status use it). */
  get connectionsOpened(): number {
    return this.opened;
  }

  /** True while an open, idle connection to `origin` (`http://host:port`) is kept. */
  isKept(origin: string): boolean {
    return this.kept.get(origin)?.usable === true;
  }

  async send(request: PreparedRequest): Promise<ClientResponse> {
    const clock = new PhaseClock();
    const key = request.target.originKey;
    let reconnected: string | null = null;
    let connection = this.kept.get(key);
    this.kept.delete(key);
    if (connection !== undefined && !connection.usable) {
      // Seen closing while idle (keep-alive timeout, restart): nothing was sent, any method may go.
      reconnected = connection.closeReason ?? 'the server had closed the idle connection';
      connection.destroy();
      connection = undefined;
    }
    if (connection !== undefined) {
      try {
        const raw = await connection.send(request.method, request.head, request.body, clock);
        return this.settle(request, connection, raw, clock, true, null);
      } catch (error) {
        connection.destroy();
        // The server closed as the request went out: it never answered, so sending again once is
        // safe for idempotent methods (RFC 9110 section 9.2.2); a POST might have been acted on.
        if (!(error instanceof ConnectionClosedEarlyError) || !isIdempotent(request.method)) throw error;
        reconnected = `${error.message}; sent again on a new connection`;
        clock.resetConnection();
      }
    }
    const fresh = await Connection.open(request.target, ++this.opened, this.options, clock);
    try {
      const raw = await fresh.send(request.method, request.head, request.body, clock);
      return this.settle(request, fresh, raw, clock, false, reconnected);
    } catch (error) {
      fresh.destroy();
      throw error;
    }
  }

  /** Closes every kept connection. */
  close(): void {
    for (const connection of this.kept.values()) connection.close();
    this.kept.clear();
  }

  private settle(
    request: PreparedRequest,
    connection: Connection,
    raw: RawResponse,
    clock: PhaseClock,
    reused: boolean,
    reconnected: string | null,
  ): ClientResponse {
    const keptAlive = connection.usable;
    if (keptAlive) this.kept.set(request.target.originKey, connection);
    return {
      method: request.method,
      url: request.target.url.href,
      head: raw.head,
      informational: raw.informational,
      body: raw.body,
      trailers: raw.trailers,
      timing: clock.finish(),
      connection: { id: connection.id, reused, reconnected, keptAlive },
    };
  }
}
