// Starts and stops each kind of server for one bench cell: ours (built bundles), the node:http
// baseline, the node:net floor and nginx, each pinned to one CPU with taskset, and waits until it accepts.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { BenchWorkspace } from './bench-workspace';
import { BenchError } from './errors';
import { writeNginxSetup } from './nginx-config';
import type { ServerKind, WorkloadId } from './types';
import { waitForLine, waitForPort } from './wait-for';
import { workloadById } from './workloads';

export interface LaunchContext {
  readonly repoRoot: string;
  readonly nodeBin: string;
  readonly workspace: BenchWorkspace;
  /** The bundled node:http baseline (baseline-bundle.ts). */
  readonly baselineScript: string;
  /** The bundled node:net floor (baseline-bundle.ts). */
  readonly floorScript: string;
  readonly nginxBin: string | undefined;
  /** CPU for the server (`taskset -c N`); undefined runs it unpinned. */
  readonly serverCpu: number | undefined;
}

export interface LaunchOptions {
  readonly port: number;
  /** The idle-memory cell: long keep-alive and room for 1000+ connections. */
  readonly idle: boolean;
  /** The cell's workload: the floor is started with that workload's one answer. */
  readonly workload: WorkloadId;
}

export interface RunningServer {
  readonly kind: ServerKind;
  readonly pid: number;
  readonly port: number;
  /** SIGTERM, then SIGKILL if it has not exited within the grace period; resolves on exit. */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 15_000;
const STOP_GRACE_MS = 15_000;
const IDLE_KEEP_ALIVE_S = 60;

/** Every process this module started and that has not exited yet, for an interrupted run. */
const live = new Set<ChildProcess>();

export function appBundle(repoRoot: string, kind: 'http-server' | 'simple-server'): string {
  return path.join(repoRoot, 'dist', 'apps', kind, 'main.js');
}

/** Why `kind` cannot run here, or undefined when it can. */
export function unavailableReason(kind: ServerKind, ctx: LaunchContext): string | undefined {
  if (kind === 'http-server' || kind === 'simple-server') {
    return existsSync(appBundle(ctx.repoRoot, kind)) ? undefined : `not built (npx nx build ${kind})`;
  }
  if (kind === 'nginx') return ctx.nginxBin === undefined ? 'not installed (apt-get install nginx-light)' : undefined;
  return undefined;
}

function ourFlags(ctx: LaunchContext, options: LaunchOptions): string[] {
  const flags = ['--root', ctx.workspace.root, '--uploads', ctx.workspace.uploads, '--quiet'];
  if (options.idle) flags.push('--keep-alive-timeout', String(IDLE_KEEP_ALIVE_S), '--max-connections', '2000');
  return flags;
}

/** The floor's flags: which prebuilt answer it sends, and whether it closes after it. */
function floorFlags(ctx: LaunchContext, id: WorkloadId): string[] {
  const workload = workloadById(id);
  if (workload.kind === 'load' && workload.method === 'POST') return ['--upload'];
  const flags = ['--file', path.join(ctx.workspace.root, workload.path.slice(1))];
  if (workload.kind === 'load' && workload.headers.Connection === 'close') flags.push('--close');
  return flags;
}

function commandLine(kind: ServerKind, ctx: LaunchContext, options: LaunchOptions): [string, string[]] {
  const port = String(options.port);
  switch (kind) {
    case 'http-server':
      return [ctx.nodeBin, [appBundle(ctx.repoRoot, kind), port, '127.0.0.1', '1', ...ourFlags(ctx, options)]];
    case 'simple-server':
      return [ctx.nodeBin, [appBundle(ctx.repoRoot, kind), port, '127.0.0.1', ...ourFlags(ctx, options)]];
    case 'node-http':
      return [
        ctx.nodeBin,
        [
          ctx.baselineScript, '--port', port, '--root', ctx.workspace.root, '--uploads', ctx.workspace.uploads,
          '--keep-alive-timeout', options.idle ? String(IDLE_KEEP_ALIVE_S) : '5',
        ],
      ];
    case 'node-net-raw':
      return [ctx.nodeBin, [ctx.floorScript, '--port', port, ...floorFlags(ctx, options.workload)]];
    case 'nginx': {
      const setup = writeNginxSetup(ctx.workspace.scratch, {
        root: ctx.workspace.root,
        port: options.port,
        keepAliveTimeoutS: options.idle ? IDLE_KEEP_ALIVE_S : 5,
      });
      return [ctx.nginxBin ?? 'nginx', ['-p', setup.prefix, '-c', setup.config, '-e', setup.errorLog]];
    }
  }
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      child.off('exit', onExit);
      resolve(false);
    }, timeoutMs);
    const onExit = (): void => {
      clearTimeout(timer);
      resolve(true);
    };
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (!exited(child)) {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, STOP_GRACE_MS))) {
      child.kill('SIGKILL');
      await waitForExit(child, STOP_GRACE_MS);
    }
  }
  live.delete(child);
}

/** Keeps the last few KiB of stderr: the reason when a server fails to start. */
function collectStderr(child: ChildProcess): () => string {
  let tail = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-4096);
  });
  return () => tail.trim().split('\n').slice(-3).join(' | ');
}

export async function startServer(kind: ServerKind, ctx: LaunchContext, options: LaunchOptions): Promise<RunningServer> {
  const [command, args] = commandLine(kind, ctx, options);
  const pinned: [string, string[]] =
    ctx.serverCpu === undefined ? [command, args] : ['taskset', ['-c', String(ctx.serverCpu), command, ...args]];
  // taskset execs the server, so the pid we get is the server's own (for /proc/<pid>/status).
  const child = spawn(pinned[0], pinned[1], { cwd: ctx.workspace.scratch, stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const stderr = collectStderr(child);
  child.stdout?.resume();
  try {
    if (child.pid === undefined) throw new BenchError('BENCH_SERVER_EXITED', `could not start ${command}`);
    if (kind === 'nginx') await waitForPort(child, options.port, START_TIMEOUT_MS);
    else await waitForLine(child, 'listening on', START_TIMEOUT_MS);
  } catch (error) {
    await stopChild(child);
    const detail = stderr();
    if (error instanceof BenchError && detail !== '') throw new BenchError(error.code, `${error.message}: ${detail}`);
    throw error;
  }
  const pid = child.pid;
  return { kind, pid, port: options.port, stop: () => stopChild(child) };
}

/** For an interrupted run: kills whatever is still running, without waiting. */
export function killStartedServers(): void {
  for (const child of live) child.kill('SIGKILL');
  live.clear();
}
