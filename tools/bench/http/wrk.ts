// Runs wrk (one thread, pinned to the load CPU) and reads its text report: req/s, transfer/s,
// the 99th percentile from `--latency`, requests and bytes in the window, non-2xx responses and
// socket errors.

import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BenchError } from './errors';
import { hostHeader, pinned, type LoadContext, type LoadResult, type LoadRun } from './load-run';
import { runProcess } from './run-process';

const TIME_UNITS_MS: Readonly<Record<string, number>> = { us: 0.001, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const BYTE_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1024,
  MB: 1024 ** 2,
  GB: 1024 ** 3,
  TB: 1024 ** 4,
};

/** "1.23ms" -> 1.23; wrk prints us, ms, s (and m, h for very long ones). */
export function parseWrkTime(text: string): number {
  const match = /^([\d.]+)(us|ms|s|m|h)$/.exec(text.trim());
  const scale = match?.[2] === undefined ? undefined : TIME_UNITS_MS[match[2]];
  if (match?.[1] === undefined || scale === undefined) throw new BenchError('BENCH_LOAD_FAILED', `wrk time "${text}" not understood`);
  return Number(match[1]) * scale;
}

/** "2.50MB" -> bytes; wrk's units are binary (1 KB = 1024 B). */
export function parseWrkBytes(text: string): number {
  const match = /^([\d.]+)([KMGT]?B)$/.exec(text.trim());
  const scale = match?.[2] === undefined ? undefined : BYTE_UNITS[match[2]];
  if (match?.[1] === undefined || scale === undefined) throw new BenchError('BENCH_LOAD_FAILED', `wrk size "${text}" not understood`);
  return Number(match[1]) * scale;
}

function field(output: string, pattern: RegExp, what: string): string {
  const value = pattern.exec(output)?.[1];
  if (value === undefined) throw new BenchError('BENCH_LOAD_FAILED', `wrk printed no ${what}: ${output.trim().slice(0, 300)}`);
  return value;
}

export function parseWrkOutput(output: string): LoadResult {
  const requestsPerSecond = Number(field(output, /^Requests\/sec:\s+([\d.]+)/m, 'Requests/sec'));
  const bytesPerSecond = parseWrkBytes(field(output, /^Transfer\/sec:\s+(\S+)/m, 'Transfer/sec'));
  const p99Ms = parseWrkTime(field(output, /^\s+99%\s+(\S+)/m, '99% latency (was --latency given?)'));
  const requests = Number(field(output, /^\s+(\d+) requests in /m, 'request count'));
  const bytes = parseWrkBytes(field(output, /^\s+\d+ requests in \S+, (\S+) read/m, 'bytes read'));
  const bad = /^\s+Non-2xx or 3xx responses:\s+(\d+)/m.exec(output)?.[1];
  const errors = /^\s+Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/m.exec(output);
  const socketErrors = errors === null ? 0 : errors.slice(1).reduce((sum, n) => sum + Number(n), 0);
  return { requests, bytes, requestsPerSecond, bytesPerSecond, p99Ms, badResponses: bad === undefined ? 0 : Number(bad), socketErrors };
}

/** Lua that turns wrk's GET into the run's method and body (headers come in as -H). */
export function wrkScript(run: LoadRun): string {
  const body = run.body ?? '';
  // A long bracket quotes the body verbatim; pick a level the body does not contain.
  let level = '=';
  while (body.includes(`]${level}]`)) level += '=';
  return `-- written by tools/bench/http/wrk.ts\nwrk.method = "${run.method}"\nwrk.body = [${level}[${body}]${level}]\n`;
}

export function wrkArgs(run: LoadRun, scriptFile: string | undefined): string[] {
  const args = ['-t1', `-c${run.connections}`, `-d${run.durationS}s`, '--timeout', '5s', '--latency'];
  args.push('-H', `Host: ${hostHeader(run.port)}`);
  for (const [name, value] of Object.entries(run.headers)) args.push('-H', `${name}: ${value}`);
  if (scriptFile !== undefined) args.push('-s', scriptFile);
  args.push(`http://127.0.0.1:${run.port}${run.path}`);
  return args;
}

export async function runWrk(run: LoadRun, ctx: LoadContext): Promise<LoadResult> {
  let scriptFile: string | undefined;
  if (run.method !== 'GET' || run.body !== undefined) {
    scriptFile = path.join(ctx.scratch, `wrk-${run.method.toLowerCase()}.lua`);
    writeFileSync(scriptFile, wrkScript(run));
  }
  const [command, args] = pinned(ctx.loadCpu, 'wrk', wrkArgs(run, scriptFile));
  const output = await runProcess(command, args, (run.durationS + 20) * 1000);
  if (output.code !== 0) throw new BenchError('BENCH_LOAD_FAILED', `wrk exited ${output.code}: ${output.stderr.trim().slice(0, 300)}`);
  return parseWrkOutput(output.stdout);
}
