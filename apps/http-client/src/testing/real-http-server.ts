// The built apps/http-server (dist/apps/http-server/main.js, made by `nx build http-server`,
// which `nx test http-client` runs first) as a child process on 127.0.0.1 port 0, serving a
// temporary site: start it, read its `stats` line (SIGUSR1), stop it with SIGTERM.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { NODE, REPO_ROOT } from './run-cli';
import { waitFor, within } from '@mths/test-kit';

export const SERVER_MAIN = join(REPO_ROOT, 'dist/apps/http-server/main.js');
const START_TIMEOUT_MS = 10_000;
const STOP_TIMEOUT_MS = 10_000;

export interface ServerTotals {
  /** Open sockets now (a gauge). */
  readonly connections: number;
  /** Requests answered since the start (a counter). */
  readonly requests: number;
}

export interface ServerStats {
  readonly workers: readonly (ServerTotals & { readonly worker: number })[];
  readonly total: ServerTotals;
}

export interface Site {
  /** The folder given as --root; uploads land in `<root>/uploads`. */
  readonly root: string;
  /** Served name -> exact bytes on disk. */
  readonly files: ReadonlyMap<string, Buffer>;
}

/** index.html, hello.txt, the repo's real logo.png and an empty uploads/ in a fresh temp folder. */
export function createSite(): Site {
  const root = mkdtempSync(join(tmpdir(), 'http-client-real-site-'));
  mkdirSync(join(root, 'uploads'));
  writeFileSync(join(root, 'index.html'), '<!doctype html>\n<html><head><title>Home</title></head><body><h1>Home</h1></body></html>\n');
  writeFileSync(join(root, 'hello.txt'), 'Hello, world!\nSecond line, with UTF-8: caf\u00e9 \u2713\n');
  copyFileSync(join(REPO_ROOT, 'resources/logo.png'), join(root, 'logo.png'));
  const names = ['index.html', 'hello.txt', 'logo.png'];
  return { root, files: new Map(names.map((name) => [name, readFileSync(join(root, name))])) };
}

export class RealHttpServer {
  readonly lines: string[] = [];
  readonly stderr: string[] = [];
  readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;
  private partial = '';
  private chosenPort = 0;

  private constructor(private readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    this.exited = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
    child.stdout.on('data', (chunk: Buffer) => {
      const parts = (this.partial + chunk.toString('utf8')).split('\n');
      this.partial = parts.pop() ?? '';
      this.lines.push(...parts);
    });
    child.stderr.on('data', (chunk: Buffer) => this.stderr.push(chunk.toString('utf8')));
    child.once('exit', (code) => (this.exitCode = code));
  }

  /** The port the kernel chose (the server was asked for port 0). */
  get port(): number {
    return this.chosenPort;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the server with 2 workers and waits (bounded) for its `listening on` line. */
  static async start(root: string, flags: readonly string[] = []): Promise<RealHttpServer> {
    if (!existsSync(SERVER_MAIN)) throw new Error(`${SERVER_MAIN} is missing: run \`npx nx build http-server\` first`);
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env['FORCE_COLOR'];
    const child = spawn(NODE, [SERVER_MAIN, '0', '127.0.0.1', '2', '--root', root, '--quiet', ...flags], {
      cwd: REPO_ROOT,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new RealHttpServer(child);
    try {
      const line = await server.waitForLine((text) => text.includes('listening on'), START_TIMEOUT_MS);
      const port = Number(/listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(line)?.[1]);
      if (!(port > 0)) throw new Error(`no port in ${JSON.stringify(line)}`);
      server.chosenPort = port;
      return server;
    } catch (error) {
      child.kill('SIGKILL');
      throw new Error(`http-server did not start: ${(error as Error).message}\nstderr: ${server.stderr.join('')}`);
    }
  }

  /** Sends SIGUSR1 and parses the `stats {json}` line it prints. */
  async stats(): Promise<ServerStats> {
    const from = this.lines.length;
    this.child.kill('SIGUSR1');
    const line = await this.waitForLine((text) => text.startsWith('stats '), 5000, from);
    return JSON.parse(line.slice('stats '.length)) as ServerStats;
  }

  /** Asks for stats until `done` holds, bounded; returns the stats that satisfied it. */
  async statsWhen(done: (stats: ServerStats) => boolean, timeoutMs: number): Promise<ServerStats> {
    const deadline = Date.now() + timeoutMs;
    let last = await this.stats();
    while (!done(last) && Date.now() < deadline) last = await this.stats();
    return last;
  }

  /** SIGTERM, then the exit code (bounded); SIGKILL if it does not come. */
  async stop(): Promise<number | null> {
    if (this.exitCode !== undefined) return this.exitCode;
    this.child.kill('SIGTERM');
    try {
      return await within(this.exited, STOP_TIMEOUT_MS, 'http-server to exit after SIGTERM');
    } finally {
      if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGKILL');
    }
  }

  private waitForLine(match: (line: string) => boolean, timeoutMs: number, from = 0): Promise<string> {
    return waitFor(
      () => {
        const line = this.lines.slice(from).find(match);
        if (line !== undefined) return line;
        if (this.exitCode !== undefined) throw new Error(`http-server exited (${this.exitCode}) before the line came`);
        return undefined;
      },
      timeoutMs,
      () => `a matching line from http-server; stdout so far: ${JSON.stringify(this.lines.slice(-5))}`,
    );
  }
}
