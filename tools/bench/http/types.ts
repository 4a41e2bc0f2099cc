// Names shared by every part of the HTTP bench: the servers, the workloads and one cell's result.

export const SERVER_KINDS = ['http-server', 'simple-server', 'node-http', 'node-net-raw', 'nginx'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

/** Ours, in the order the report compares them with node:http. */
export const OUR_SERVERS: readonly ServerKind[] = ['http-server', 'simple-server'];

export const SERVER_LABELS: Readonly<Record<ServerKind, string>> = {
  'http-server': 'http-server (1 thread)',
  'simple-server': 'simple-server',
  'node-http': 'node:http',
  'node-net-raw': 'node:net floor',
  nginx: 'nginx',
};

/** The floor: node:net answering every data event with one prebuilt response, no parsing. */
export const FLOOR_SERVER: ServerKind = 'node-net-raw';

export const WORKLOAD_IDS = ['small', 'html', 'large', 'close', 'upload', 'idle'] as const;
export type WorkloadId = (typeof WORKLOAD_IDS)[number];

/** What one measured figure means; `mib-per-1000` is lower-is-better. */
export type Unit = 'req/s' | 'MiB/s' | 'MiB/1000 conns';

export type CellStatus = 'ok' | 'n/a' | 'failed' | 'unavailable';

export interface CellResult {
  readonly workload: WorkloadId;
  readonly server: ServerKind;
  readonly status: CellStatus;
  /** Why the cell has no figure (n/a, failed, unavailable). */
  readonly reason?: string;
  /** req/s, MiB/s or MiB per 1000 idle connections, as the workload's unit says. */
  readonly value?: number;
  readonly p99Ms?: number;
  readonly peakRssBytes?: number;
  /** Server CPU µs (user + system) per request, or per MiB for MiB/s; load workloads only. */
  readonly cpuUsPerUnit?: number;
  /** Server CPU seconds per wall second of the measured window (1.0 = its core was saturated). */
  readonly cpuUtilisation?: number;
  /** Responses that were not 2xx/3xx, and connect/read/write/timeout errors: both should be 0. */
  readonly badResponses?: number;
  readonly socketErrors?: number;
  /** A cell combined from rounds: each round's value, in round order. */
  readonly roundValues?: readonly number[];
}
