// One cell of the table: a fresh server of one kind, a preflight request, a warm-up, the timed
// load with the server's CPU time read around it (or the idle-memory probe), then the server
// stopped and the uploads folder emptied.

import { cleanUploads, settleDisk, type BenchWorkspace } from './bench-workspace';
import { cpuCost } from './cpu-cost';
import { describeFailure } from './errors';
import { measureIdleMemory } from './idle-memory';
import type { LoadContext, LoadResult, LoadRun } from './load-run';
import { preflight } from './preflight';
import { startCpuWindow, type CpuWindow } from './proc-cpu';
import { samplePeakRss } from './rss';
import { startServer, unavailableReason, type LaunchContext, type RunningServer } from './servers';
import type { CellResult, ServerKind } from './types';
import { findFreePort } from './wait-for';
import type { IdleWorkload, LoadWorkload, Workload } from './workloads';

export type LoadRunner = (run: LoadRun, ctx: LoadContext) => Promise<LoadResult>;

export interface CellContext {
  readonly launch: LaunchContext;
  readonly load: LoadContext;
  readonly runLoad: LoadRunner;
  readonly workspace: BenchWorkspace;
  readonly durationS: number;
  readonly warmUpS: number;
}

async function measureLoad(server: RunningServer, workload: LoadWorkload, ctx: CellContext): Promise<CellResult> {
  const base = { port: server.port, method: workload.method, path: workload.path, headers: workload.headers, body: workload.body };
  await preflight(base, workload.expectStatus, workload.expectBytes);
  await ctx.runLoad({ ...base, connections: workload.connections, durationS: ctx.warmUpS }, ctx.load);
  if (cleanUploads(ctx.workspace) > 0) settleDisk();
  const sampler = samplePeakRss(server.pid);
  // Read last before the load starts and first after it ends, so the window holds the load only.
  const cpuWindow = startCpuWindow(server.pid);
  let result: LoadResult;
  let spent: CpuWindow | undefined;
  let peakRssBytes = 0;
  try {
    result = await ctx.runLoad({ ...base, connections: workload.connections, durationS: ctx.durationS }, ctx.load);
  } finally {
    spent = cpuWindow.stop();
    peakRssBytes = sampler.stop();
  }
  const value = workload.unit === 'MiB/s' ? result.bytesPerSecond / (1024 * 1024) : result.requestsPerSecond;
  const cpu = spent === undefined ? undefined : cpuCost(spent, result, workload.unit);
  return {
    workload: workload.id,
    server: server.kind,
    status: 'ok',
    value,
    p99Ms: result.p99Ms,
    peakRssBytes,
    cpuUsPerUnit: cpu?.usPerUnit,
    cpuUtilisation: cpu?.utilisation,
    badResponses: result.badResponses,
    socketErrors: result.socketErrors,
  };
}

async function measureIdle(server: RunningServer, workload: IdleWorkload): Promise<CellResult> {
  const idle = await measureIdleMemory({ pid: server.pid, port: server.port, path: workload.path, connections: workload.connections });
  return {
    workload: workload.id,
    server: server.kind,
    status: 'ok',
    value: idle.mibPer1000,
    peakRssBytes: idle.afterBytes,
    badResponses: 0,
    socketErrors: idle.closedEarly,
  };
}

export async function runCell(workload: Workload, kind: ServerKind, ctx: CellContext): Promise<CellResult> {
  // What nginx cannot do at all is n/a whether or not it is installed.
  if (kind === 'nginx' && !workload.nginx) return { workload: workload.id, server: kind, status: 'n/a', reason: 'nginx has no POST /upload' };
  const unavailable = unavailableReason(kind, ctx.launch);
  if (unavailable !== undefined) return { workload: workload.id, server: kind, status: 'unavailable', reason: unavailable };
  cleanUploads(ctx.workspace);
  let server: RunningServer | undefined;
  try {
    server = await startServer(kind, ctx.launch, { port: await findFreePort(), idle: workload.kind === 'idle', workload: workload.id });
    return workload.kind === 'idle' ? await measureIdle(server, workload) : await measureLoad(server, workload, ctx);
  } catch (error) {
    return { workload: workload.id, server: kind, status: 'failed', reason: describeFailure(error) };
  } finally {
    await server?.stop();
    if (cleanUploads(ctx.workspace) > 0) settleDisk();
  }
}
