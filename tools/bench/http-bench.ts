// HTTP server benchmark (not a test): http-server (1 thread), simple-server, a node:http
// baseline, a node:net floor and nginx, one at a time on CPU 0, loaded by wrk from CPU 1. Prints a table and
// writes docs/benchmarks.md + docs/benchmarks.svg.
// Run: tsx tools/bench/http-bench.ts [--duration S] [--repeat N] [--only small,html,...] [--servers ...] [--no-write]
// (--help lists the flags; a bad flag exits 2 with a one-line reason).

import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { runAutocannon } from './http/autocannon';
import { bundleBaseline, bundleFloor } from './http/baseline-bundle';
import { createWorkspace, removeWorkspace } from './http/bench-workspace';
import { chartSvg } from './http/chart-svg';
import { combineRounds } from './http/combine';
import { cpuUnitLabel } from './http/cpu-cost';
import { BenchError } from './http/errors';
import { formatCpu, formatMs, formatRss, formatUtilisation, formatValue } from './http/format';
import type { LoadContext } from './http/load-run';
import { describeMachine, machineCpuCount, which } from './http/machine';
import { BAD_OPTION_EXIT_CODE, parseOptions } from './http/options';
import { markdownReport } from './http/report';
import { runCell, type CellContext } from './http/run-cell';
import { killStartedServers, type LaunchContext } from './http/servers';
import { textTable } from './http/text-table';
import { SERVER_LABELS, type CellResult } from './http/types';
import { workloadById, type Workload } from './http/workloads';
import { runWrk } from './http/wrk';

const SERVER_CPU = 0;
const LOAD_CPU = 1;

function progress(cell: CellResult, workload: Workload): string {
  const label = `[${workload.id}] ${SERVER_LABELS[cell.server]}`;
  if (cell.status !== 'ok' || cell.value === undefined) return `${label}: ${cell.status}${cell.reason === undefined ? '' : ` (${cell.reason})`}`;
  const parts = [`${formatValue(cell.value, workload.unit)} ${workload.unit}`];
  if (cell.p99Ms !== undefined) parts.push(`p99 ${formatMs(cell.p99Ms)}`);
  if (cell.peakRssBytes !== undefined) parts.push(`RSS ${formatRss(cell.peakRssBytes)}`);
  if (cell.cpuUsPerUnit !== undefined) parts.push(`CPU ${formatCpu(cell.cpuUsPerUnit)} ${cpuUnitLabel(workload.unit)}`);
  if (cell.cpuUtilisation !== undefined) parts.push(`CPU use ${formatUtilisation(cell.cpuUtilisation)}`);
  return `${label}: ${parts.join(', ')}`;
}

/**
 * Pins the bench's own work (RSS sampling, idle sockets) to the load CPU, and says whether the
 * server and load CPUs can be used. Asks the machine, not os.availableParallelism(): a bench
 * started under taskset may still widen its children's affinity unless a cpuset forbids it.
 */
function pinBench(): boolean {
  if (which('taskset') === undefined || machineCpuCount() < 2) return false;
  const serverCpuUsable = spawnSync('taskset', ['-c', String(SERVER_CPU), 'true'], { stdio: 'ignore' }).status === 0;
  return serverCpuUsable && spawnSync('taskset', ['-cp', String(LOAD_CPU), String(process.pid)], { stdio: 'ignore' }).status === 0;
}

async function main(): Promise<void> {
  const parsed = parseOptions(process.argv.slice(2), (text) => process.stdout.write(text));
  if (parsed.kind === 'exit') process.exit(parsed.code);
  const { options } = parsed;
  const repoRoot = path.resolve(__dirname, '..', '..');
  const pinnedNode = path.join(repoRoot, 'node_modules', '.bin', 'node');
  const nodeBin = existsSync(pinnedNode) ? pinnedNode : process.execPath;
  const pin = pinBench();
  const loadTool = which('wrk') !== undefined ? 'wrk' : 'autocannon';
  const nginxBin = which('nginx');
  const workloads = options.workloads.map(workloadById);
  const machine = describeMachine(nodeBin, nginxBin, loadTool);

  const workspace = createWorkspace();
  // An interrupted run leaves no server, nginx or temp folder behind.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      killStartedServers();
      removeWorkspace(workspace);
      process.exit(130);
    });
  }
  try {
    const launch: LaunchContext = {
      repoRoot,
      nodeBin,
      workspace,
      baselineScript: bundleBaseline(workspace.scratch),
      floorScript: bundleFloor(workspace.scratch),
      nginxBin,
      serverCpu: pin ? SERVER_CPU : undefined,
    };
    const load: LoadContext = { loadCpu: pin ? LOAD_CPU : undefined, scratch: workspace.scratch, nodeBin, repoRoot };
    const ctx: CellContext = {
      launch,
      load,
      runLoad: loadTool === 'wrk' ? runWrk : runAutocannon,
      workspace,
      durationS: options.durationS,
      warmUpS: options.warmUpS,
    };
    // Rounds run the whole grid again rather than one cell N times in a row, so a burst of
    // load from a neighbour hurts one round of every server instead of all rounds of one; each
    // round also starts the servers in a rotated order, so none is always first on a cold disk.
    const measured: CellResult[] = [];
    for (let round = 0; round < options.repeat; round++) {
      const order = [...options.servers.slice(round % options.servers.length), ...options.servers.slice(0, round % options.servers.length)];
      for (const workload of workloads) {
        for (const server of order) {
          const cell = await runCell(workload, server, ctx);
          measured.push(cell);
          const prefix = options.repeat > 1 ? `round ${round + 1}/${options.repeat} ` : '';
          process.stderr.write(`${prefix}${progress(cell, workload)}\n`);
        }
      }
    }
    const results = workloads.flatMap((workload) =>
      options.servers.map((server) => combineRounds(measured.filter((c) => c.workload === workload.id && c.server === server))),
    );
    process.stdout.write(`\n${textTable(results, workloads, options.servers)}\n`);

    if (!options.write) return;
    const docs = path.join(repoRoot, 'docs');
    const chartFile = 'benchmarks.svg';
    const loadWorkloads = workloads.filter((w) => w.kind === 'load');
    writeFileSync(path.join(docs, chartFile), chartSvg(results, loadWorkloads, options.servers));
    const report = markdownReport({
      results,
      workloads,
      servers: options.servers,
      machine,
      command: ['tsx tools/bench/http-bench.ts', ...process.argv.slice(2)].join(' '),
      date: `${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      durationS: options.durationS,
      warmUpS: options.warmUpS,
      repeat: options.repeat,
      pinned: pin,
      uploadsOnTmpfs: workspace.uploadsOnTmpfs,
      chartFile,
    });
    writeFileSync(path.join(docs, 'benchmarks.md'), report);
    process.stdout.write(`\nwrote docs/benchmarks.md and docs/${chartFile}\n`);
  } finally {
    removeWorkspace(workspace);
  }
}

main().catch((error: unknown) => {
  killStartedServers();
  if (error instanceof BenchError && error.code === 'BENCH_BAD_OPTION') {
    process.stderr.write(`http-bench: ${error.message} (see --help)\n`);
    process.exit(BAD_OPTION_EXIT_CODE);
  }
  process.stderr.write(`http-bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
