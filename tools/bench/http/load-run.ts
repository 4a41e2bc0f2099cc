// What a load generator is asked to do and what it reports, whichever tool runs it.

export interface LoadRun {
  readonly port: number;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly connections: number;
  readonly durationS: number;
  /** Request headers besides Host (the runner sets Host to 127.0.0.1:PORT). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export interface LoadResult {
  /** Requests completed in the window. */
  readonly requests: number;
  /** Response bytes (heads and bodies) read in the window. */
  readonly bytes: number;
  readonly requestsPerSecond: number;
  /** Response bytes (heads and bodies) per second. */
  readonly bytesPerSecond: number;
  readonly p99Ms: number;
  /** Responses with a status outside 2xx/3xx. */
  readonly badResponses: number;
  /** connect + read + write + timeout errors. */
  readonly socketErrors: number;
}

export interface LoadContext {
  /** CPU for the load generator (`taskset -c N`); undefined runs it unpinned. */
  readonly loadCpu: number | undefined;
  /** Where scripts may be written. */
  readonly scratch: string;
  readonly nodeBin: string;
  readonly repoRoot: string;
}

export const hostHeader = (port: number): string => `127.0.0.1:${port}`;

export function pinned(cpu: number | undefined, command: string, args: string[]): [string, string[]] {
  return cpu === undefined ? [command, args] : ['taskset', ['-c', String(cpu), command, ...args]];
}
