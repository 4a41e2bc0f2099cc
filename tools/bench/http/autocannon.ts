// Fallback load generator when wrk is not installed: the autocannon CLI (an npm dev dependency)
// run as its own pinned process with --json, so it never shares the bench's event loop.

import * as path from 'node:path';
import { BenchError } from './errors';
import { hostHeader, pinned, type LoadContext, type LoadResult, type LoadRun } from './load-run';
import { runProcess } from './run-process';

interface AutocannonJson {
  requests?: { average?: number; total?: number };
  throughput?: { average?: number; total?: number };
  latency?: { p99?: number };
  non2xx?: number;
  errors?: number;
  timeouts?: number;
}

export function parseAutocannonJson(text: string): LoadResult {
  let report: AutocannonJson;
  try {
    report = JSON.parse(text) as AutocannonJson;
  } catch {
    throw new BenchError('BENCH_LOAD_FAILED', `autocannon printed no JSON: ${text.trim().slice(0, 300)}`);
  }
  const requestsPerSecond = report.requests?.average;
  const p99Ms = report.latency?.p99;
  if (requestsPerSecond === undefined || p99Ms === undefined) throw new BenchError('BENCH_LOAD_FAILED', 'autocannon JSON lacks requests or latency');
  return {
    requests: report.requests?.total ?? 0,
    bytes: report.throughput?.total ?? 0,
    requestsPerSecond,
    bytesPerSecond: report.throughput?.average ?? 0,
    p99Ms,
    badResponses: report.non2xx ?? 0,
    socketErrors: (report.errors ?? 0) + (report.timeouts ?? 0),
  };
}

export async function runAutocannon(run: LoadRun, ctx: LoadContext): Promise<LoadResult> {
  const cli = path.join(ctx.repoRoot, 'node_modules', 'autocannon', 'autocannon.js');
  const args = [cli, '-j', '-n', '-c', String(run.connections), '-d', String(run.durationS), '-m', run.method, '-t', '5'];
  args.push('-H', `Host=${hostHeader(run.port)}`);
  for (const [name, value] of Object.entries(run.headers)) args.push('-H', `${name}=${value}`);
  if (run.body !== undefined) args.push('-b', run.body);
  args.push(`http://127.0.0.1:${run.port}${run.path}`);
  const [command, argv] = pinned(ctx.loadCpu, ctx.nodeBin, args);
  const output = await runProcess(command, argv, (run.durationS + 20) * 1000);
  if (output.code !== 0) throw new BenchError('BENCH_LOAD_FAILED', `autocannon exited ${output.code}: ${output.stderr.trim().slice(0, 300)}`);
  return parseAutocannonJson(output.stdout);
}
