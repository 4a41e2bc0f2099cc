// Every limit and timeout of the HTTP service in one frozen object: the CLI, the servers and
// the tests all start from these defaults.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';

export interface ServerConfig {
  readonly port: number;
  readonly host: string;
  /** Worker threads (http-server only; simple-server runs one event loop). */
  readonly threads: number;
  /** Folder served. */
  readonly root: string;
  /** Where POST /upload writes; `<root>/uploads` unless set. */
  readonly uploadsDir: string;
  /** Extra names accepted in Host, besides the bound address. */
  readonly allowedHostNames: readonly string[];
  /** Extensions served (lower-case, no dot). */
  readonly allowedExtensions: readonly string[];
  readonly maxBodyBytes: number;
  readonly maxStartLineBytes: number;
  readonly maxHeaderBytes: number;
  readonly maxHeaderCount: number;
  /** Open sockets per worker; past it a new connection gets 503. */
  readonly maxConnections: number;
  readonly maxRequestsPerConnection: number;
  /** A request's head (or a stalled body) must arrive within this. */
  readonly headerTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  readonly keepAliveTimeoutMs: number;
  /** On SIGTERM, in-flight work gets this long before it is cut. */
  readonly drainTimeoutMs: number;
  /** A worker thread whose event loop is stuck this long is replaced (http-server); 0: never. */
  readonly watchdogMs: number;
  /** Seconds a 503 asks the client to wait (Retry-After). */
  readonly retryAfterSeconds: number;
  /** Files up to this size are served from memory. */
  readonly cacheMaxFileBytes: number;
  readonly cacheBudgetBytes: number;
  /** No access lines. */
  readonly quiet: boolean;
}

/**
 * The repo's resources/ folder. This code lives three levels below the repo root both as
 * source (libs/http-service/src) and bundled (dist/apps/<app>/main.js).
 */
export function defaultRoot(): string {
  return join(__dirname, '..', '..', '..', 'resources');
}

export const DEFAULT_SERVER_CONFIG: ServerConfig = Object.freeze({
  port: 8080,
  host: '127.0.0.1',
  threads: availableParallelism(),
  root: defaultRoot(),
  uploadsDir: join(defaultRoot(), 'uploads'),
  allowedHostNames: Object.freeze([]) as readonly string[],
  allowedExtensions: Object.freeze(['html', 'txt', 'png', 'jpg', 'jpeg']) as readonly string[],
  maxBodyBytes: 10 * 1024 * 1024,
  maxStartLineBytes: 8 * 1024,
  maxHeaderBytes: 16 * 1024,
  maxHeaderCount: 100,
  maxConnections: 1024,
  maxRequestsPerConnection: 100,
  headerTimeoutMs: 10_000,
  keepAliveTimeoutMs: 5_000,
  drainTimeoutMs: 10_000,
  watchdogMs: 10_000,
  retryAfterSeconds: 1,
  cacheMaxFileBytes: 64 * 1024,
  cacheBudgetBytes: 32 * 1024 * 1024,
  quiet: false,
});

/** A full config from defaults plus overrides, frozen. */
export function serverConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  const merged = { ...DEFAULT_SERVER_CONFIG, ...overrides };
  if (overrides.root !== undefined && overrides.uploadsDir === undefined) {
    merged.uploadsDir = join(overrides.root, 'uploads');
  }
  return Object.freeze(merged);
}
