// One built server as a child process in its own fixture site: start it, wait for its
// `listening on` line, read its log lines and stats, signal it, stop it and check the exit.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { createFixtureSite, type FixtureSite } from './fixture-site';
import { mainOf, NODE, positionalArgs, REPO_ROOT, type Implementation } from './implementations';
import { RawClient, type ClientOptions } from './raw-client';
import { pause, waitFor, within } from '@mths/test-kit';

export const START_TIMEOUT_MS = 10_000;
export const STOP_TIMEOUT_MS = 15_000;

export interface WorkerStats {
  readonly worker: number;
  readonly connections: number;
  readonly requests: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

export interface ServerStats {
  readonly workers: readonly WorkerStats[];
  readonly total: Omit<WorkerStats, 'worker'>;
}

export interface StartOptions {
  /** Extra flags after the positionals and --root. */
  readonly flags?: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** An existing site (kept on stop); by default a fresh one, removed on stop. */
  readonly site?: FixtureSite;
  readonly host?: string;
  /** Sent from the very callback that sees the `listening on` line (signal-readiness rows). */
  readonly signalOnListening?: NodeJS.Signals;
}

export interface Exit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

const running = new Set<ServerProcess>();

/** SIGKILLs every server still running (the jest setup calls it after each file). */
export function killAllServers(): void {
  for (const server of running) server.kill();
}
process.once('exit', killAllServers);

class LineReader {
  readonly lines: string[] = [];
  private partial = '';

  push(chunk: Buffer): void {
    const text = this.partial + chunk.toString('utf8');
    const parts = text.split('\n');
    this.partial = parts.pop() ?? '';
    this.lines.push(...parts);
  }
}

export class ServerProcess {
  readonly exited: Promise<Exit>;
  exit: Exit | null = null;
  private readonly out = new LineReader();
  private readonly err = new LineReader();
  private readonly clients = new Set<RawClient>();
  port = 0;

  private constructor(
    readonly impl: Implementation,
    readonly site: FixtureSite,
    private readonly ownsSite: boolean,
    readonly child: ChildProcessByStdio<null, Readable, Readable>,
  ) {
    child.stdout.on('data', (chunk: Buffer) => this.out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => this.err.push(chunk));
    this.exited = new Promise((resolve) => {
      child.once('exit', (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        resolve(this.exit);
      });
    });
  }

  static async start(impl: Implementation, options: StartOptions = {}): Promise<ServerProcess> {
    const site = options.site ?? createFixtureSite();
    const host = options.host ?? '127.0.0.1';
    const args = [mainOf(impl), ...positionalArgs(impl, host), '--root', site.root, ...(options.flags ?? [])];
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    delete env['FORCE_COLOR'];
    const child = spawn(NODE, args, { cwd: REPO_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const server = new ServerProcess(impl, site, options.site === undefined, child);
    running.add(server);
    const early = options.signalOnListening;
    if (early !== undefined) {
      const onData = (chunk: Buffer): void => {
        if (!chunk.toString('utf8').includes('listening on')) return;
        child.stdout.off('data', onData);
        child.kill(early);
      };
      child.stdout.on('data', onData);
    }
    try {
      const line = await server.waitForLine('stdout', (text) => text.includes('listening on'), START_TIMEOUT_MS);
      const match = /listening on https?:\/\/\S+:(\d+)/.exec(line);
      if (match === null) throw new Error(`no port in ${JSON.stringify(line)}`);
      server.port = Number(match[1]);
    } catch (error) {
      server.kill();
      if (server.ownsSite) site.remove();
      throw new Error(`${impl.name} did not start (${args.slice(1).join(' ')}): ${(error as Error).message}\n${server.diagnostics()}`);
    }
    return server;
  }

  get stdout(): readonly string[] {
    return this.out.lines;
  }

  get stderr(): readonly string[] {
    return this.err.lines;
  }

  /** `127.0.0.1:<port>`: the Host a loopback bind accepts. */
  get hostHeader(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** The first line from index `from` on that satisfies `match`, bounded; fails early if the process exits. */
  waitForLine(stream: 'stdout' | 'stderr', match: (line: string) => boolean, timeoutMs: number, from = 0): Promise<string> {
    const lines = stream === 'stdout' ? this.out.lines : this.err.lines;
    return waitFor(
      () => {
        for (let i = from; i < lines.length; i++) if (match(lines[i]!)) return lines[i]!;
        if (this.exit !== null) throw new Error(`the process exited (${JSON.stringify(this.exit)}) before the line came`);
        return undefined;
      },
      timeoutMs,
      () => `a matching ${stream} line from ${this.impl.name} (pid ${this.child.pid})\n${this.diagnostics()}`,
    );
  }

  /** A raw client on this server, destroyed by stop() if still open. */
  async connect(options: ClientOptions = {}): Promise<RawClient> {
    const client = await RawClient.open(this.port, '127.0.0.1', options);
    this.clients.add(client);
    return client;
  }

  signal(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }

  /** Asks for the `stats {json}` line with SIGUSR1 and parses it. */
  async stats(timeoutMs = 10_000): Promise<ServerStats> {
    const from = this.out.lines.length;
    this.signal('SIGUSR1');
    return parseStats(await this.waitForLine('stdout', (line) => line.startsWith('stats '), timeoutMs, from));
  }

  /** Polls stats (SIGUSR1) until `done` holds, bounded; returns the stats that satisfied it. */
  async waitForStats(done: (stats: ServerStats) => boolean, timeoutMs: number, what: string): Promise<ServerStats> {
    const deadline = Date.now() + timeoutMs;
    let last: ServerStats | undefined;
    while (Date.now() < deadline) {
      last = await this.stats(Math.max(1, deadline - Date.now()));
      if (done(last)) return last;
      await pause(20);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for stats showing ${what}; last: ${JSON.stringify(last?.total)}`);
  }

  /** The stats line printed at exit, if any. */
  finalStats(): ServerStats | undefined {
    const line = [...this.out.lines].reverse().find((text) => text.startsWith('stats '));
    return line === undefined ? undefined : parseStats(line);
  }

  /** SIGTERM, then waits for the exit (bounded). Open test clients are destroyed first unless `keepClients`. */
  async stop(options: { keepClients?: boolean; timeoutMs?: number } = {}): Promise<Exit> {
    if (options.keepClients !== true) for (const client of this.clients) client.destroy();
    this.clients.clear();
    if (this.exit === null) this.signal('SIGTERM');
    try {
      return await within(this.exited, options.timeoutMs ?? STOP_TIMEOUT_MS, `${this.impl.name} to exit after SIGTERM`);
    } finally {
      this.kill();
      if (this.ownsSite) this.site.remove();
    }
  }

  /** SIGKILL if still running (cleanup path only). */
  kill(): void {
    if (this.exit === null && this.child.exitCode === null) this.child.kill('SIGKILL');
  }

  /** The last log lines, for failure messages. */
  diagnostics(): string {
    const tail = (lines: readonly string[]): string => lines.slice(-15).join('\n  ');
    return `stdout:\n  ${tail(this.out.lines)}\nstderr:\n  ${tail(this.err.lines)}`;
  }
}

export function parseStats(line: string): ServerStats {
  return JSON.parse(line.slice('stats '.length)) as ServerStats;
}
