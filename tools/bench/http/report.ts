// docs/benchmarks.md: machine, command and date, then throughput, p99, server CPU per request,
// CPU utilisation and RSS tables (rows = workloads, columns = servers), the chart, and the
// issue's targets marked met, missed or load-bound.

import { cpuEfficiency, cpuUnitLabel, isLoadBound, LOAD_BOUND_UTILISATION } from './cpu-cost';
import { floorNote, fmt, formatCpu, formatMs, formatRatio, formatRss, formatUtilisation, formatValue, hasWarnings, missingWord } from './format';
import type { MachineFacts } from './machine';
import { findCell, ratio } from './results';
import { checkTargets, type Verdict } from './targets';
import { FLOOR_SERVER, OUR_SERVERS, SERVER_LABELS, type CellResult, type ServerKind, type WorkloadId } from './types';
import type { Workload } from './workloads';

export interface ReportInput {
  readonly results: readonly CellResult[];
  readonly workloads: readonly Workload[];
  readonly servers: readonly ServerKind[];
  readonly machine: MachineFacts;
  readonly command: string;
  readonly date: string;
  readonly durationS: number;
  readonly warmUpS: number;
  readonly repeat: number;
  readonly pinned: boolean;
  /** POST /upload wrote to tmpfs rather than to the disk (bench-workspace.ts). */
  readonly uploadsOnTmpfs: boolean;
  /** File name of the SVG beside the markdown, when one was written. */
  readonly chartFile: string | undefined;
}

type CellText = (cell: CellResult, workload: Workload) => string | undefined;

/** A column per server of ours comparing it with node:http. */
interface RatioColumns {
  readonly head: (server: ServerKind) => string;
  readonly value: (results: readonly CellResult[], workload: WorkloadId, server: ServerKind) => number | undefined;
}

const REQS_VS_NODE_HTTP: RatioColumns = {
  head: (server) => `${server} ÷ node:http`,
  value: (results, workload, server) => ratio(results, workload, server, 'node-http'),
};

const CPU_VS_NODE_HTTP: RatioColumns = {
  head: (server) => `${server} CPU efficiency vs node:http`,
  value: cpuEfficiency,
};

const withFloorNote = (cell: CellResult, shown: string | undefined): string | undefined =>
  shown === undefined ? undefined : shown + floorNote(cell);

function table(input: ReportInput, workloads: readonly Workload[], text: CellText, ratios?: RatioColumns): string {
  const ours = ratios === undefined ? [] : OUR_SERVERS.filter((s) => input.servers.includes(s) && input.servers.includes('node-http'));
  const head = ['workload', ...input.servers.map((s) => SERVER_LABELS[s]), ...ours.map((s) => ratios?.head(s) ?? s)];
  const lines = [`| ${head.join(' | ')} |`, `| --- |${' ---: |'.repeat(head.length - 1)}`];
  for (const workload of workloads) {
    const cells = input.servers.map((server) => {
      const cell = findCell(input.results, workload.id, server);
      const shown = cell?.status === 'ok' ? withFloorNote(cell, text(cell, workload)) : undefined;
      return shown ?? missingWord(cell);
    });
    const compared = ours.map((server) => formatRatio(ratios?.value(input.results, workload.id, server)));
    lines.push(`| ${[workload.title, ...cells, ...compared].join(' | ')} |`);
  }
  return lines.join('\n');
}

const throughputText: CellText = (cell, workload) =>
  cell.value === undefined ? undefined : `${formatValue(cell.value, workload.unit)} ${workload.unit}${hasWarnings(cell) ? ' ⚠' : ''}`;
const p99Text: CellText = (cell) => (cell.p99Ms === undefined ? undefined : formatMs(cell.p99Ms));
const rssText: CellText = (cell) => (cell.peakRssBytes === undefined ? undefined : formatRss(cell.peakRssBytes));
const cpuText: CellText = (cell, workload) => {
  if (cell.cpuUsPerUnit === undefined) return undefined;
  return workload.unit === 'req/s' ? `${formatCpu(cell.cpuUsPerUnit)} µs` : `${formatCpu(cell.cpuUsPerUnit)} ${cpuUnitLabel(workload.unit)}`;
};
const utilisationText: CellText = (cell) => {
  if (cell.cpuUtilisation === undefined) return undefined;
  return `${formatUtilisation(cell.cpuUtilisation)}${isLoadBound(cell.cpuUtilisation) ? ' (load-bound)' : ''}`;
};

const VERDICT_TEXT: Readonly<Record<Verdict, string>> = { met: '✅ met', missed: '❌ missed', 'load-bound': '⏳ load-bound' };

/**
 * What the node:net floor, which parses nothing, reached against node:http on a req/s target's
 * workload: the ceiling of any Node server on this machine. Its upload writes no file, so it
 * says nothing there.
 */
function floorCeiling(results: readonly CellResult[], workload: WorkloadId | undefined): string {
  if (workload === undefined) return '–';
  if (workload === 'upload') return 'n/a (no disk write)';
  const figure = ratio(results, workload, FLOOR_SERVER, 'node-http');
  if (figure === undefined) return 'not measured';
  return `${formatRatio(figure)}, CPU efficiency ${formatRatio(cpuEfficiency(results, workload, FLOOR_SERVER))}`;
}

function targetsTable(input: ReportInput): string {
  const ours = OUR_SERVERS.filter((s) => input.servers.includes(s));
  if (ours.length === 0) return '_Neither of our servers was part of this run._';
  const checks = checkTargets(input.results, ours);
  const floor = input.servers.includes(FLOOR_SERVER);
  const columns = [...ours.map((s) => SERVER_LABELS[s]), ...(floor ? [`${SERVER_LABELS[FLOOR_SERVER]} (the ceiling)`] : [])];
  const lines = [`| target | goal | ${columns.join(' | ')} |`, `| --- | --- |${' --- |'.repeat(columns.length)}`];
  for (const target of new Set(checks.map((c) => c.target))) {
    const cells = ours.map((server) => {
      const check = checks.find((c) => c.target === target && c.server === server);
      if (check?.figure === undefined || check.verdict === undefined) return 'not measured';
      const cpu = target.cpuWorkload === undefined ? '' : `, CPU efficiency ${formatRatio(check.cpuEfficiency)}`;
      const spread = check.roundRange === undefined ? '' : `, rounds ${target.format(check.roundRange[0])}–${target.format(check.roundRange[1])}`;
      return `${target.format(check.figure)} ${VERDICT_TEXT[check.verdict]}${cpu}${spread}`;
    });
    if (floor) cells.push(floorCeiling(input.results, target.cpuWorkload));
    lines.push(`| ${target.label} | ${target.goal} | ${cells.join(' | ')} |`);
  }
  return lines.join('\n');
}

function problems(input: ReportInput): string[] {
  const lines: string[] = [];
  for (const cell of input.results) {
    const where = `${cell.workload} / ${SERVER_LABELS[cell.server]}`;
    if (cell.status === 'failed' || cell.status === 'unavailable') lines.push(`- ${where}: ${cell.status === 'failed' ? 'failed' : 'not run'}: ${cell.reason ?? ''}`);
    else if (cell.status === 'ok' && hasWarnings(cell)) {
      lines.push(`- ${where}: ${cell.badResponses ?? 0} responses outside 2xx/3xx, ${cell.socketErrors ?? 0} socket errors${cell.workload === 'idle' ? ' (connections closed early)' : ''}`);
    }
  }
  return lines;
}

export function markdownReport(input: ReportInput): string {
  const load = input.workloads.filter((w) => w.kind === 'load');
  const idle = input.workloads.filter((w) => w.kind === 'idle');
  const m = input.machine;
  const placement = input.pinned
    ? 'Each server runs alone, pinned to CPU 0 (`taskset -c 0`); the load generator runs on CPU 1 (`taskset -c 1`).'
    : 'CPU pinning was not available (taskset missing or a single CPU): server and load share the CPUs.';
  const out = [
    '# HTTP server benchmark',
    '',
    'The parser on its own, against Node\'s llhttp: [benchmarks-parser.md](benchmarks-parser.md) (`npm run bench:parser`).',
    '',
    'Our `http-server` (one worker thread) and `simple-server` against a plain node:http static',
    'server (`tools/bench/baseline/`, files cached in a Map), a node:net floor that answers without',
    'parsing, and nginx, on the same files.',
    `${placement} Every cell starts a fresh server, sends one checked request, warms up for`,
    `${input.warmUpS} s, then measures for ${input.durationS} s; the server is stopped before the next cell.`,
    ...(input.repeat > 1 ? [`The whole grid ran ${input.repeat} times; each figure is the median round (RSS: the highest).`] : []),
    '',
    `- Machine: ${m.cpu}, ${m.cores} logical CPUs, ${m.kernel}; load average ${m.loadAverage} at the start`,
    `- Node: ${m.node}; nginx: ${m.nginx ?? 'not installed'}; load: ${m.loadTool}`,
    `- Date: ${input.date}`,
    '- Command:',
    '',
    '```',
    input.command,
    '```',
    '',
    '## Throughput',
    '',
    ...(input.chartFile === undefined ? [] : [`![Throughput relative to node:http](${input.chartFile})`, '']),
    table(input, input.workloads, throughputText, REQS_VS_NODE_HTTP),
    '',
    'The idle row is server RSS growth per 1000 idle keep-alive connections (lower is better).',
    '',
    '## p99 latency',
    '',
    table(input, load, p99Text),
    '',
    '## Server CPU per request (µs)',
    '',
    'User + system CPU time of the server process (all its threads, `/proc/<pid>/stat` fields 14 and',
    '15) read right before and right after the measured window, divided by the requests wrk counted',
    'in it; the 1 MiB row is per MiB sent. Lower is cheaper. CPU efficiency vs node:http is',
    'node:http\'s µs over ours: above 1 means ours spends less CPU per request. Unlike req/s, this',
    'still tells the servers apart when the load generator is the limit.',
    '',
    table(input, load, cpuText, CPU_VS_NODE_HTTP),
    '',
    '## Server CPU utilisation',
    '',
    'Server CPU seconds per wall second of the measured window: 1.00 is its core saturated. Below',
    `${LOAD_BOUND_UTILISATION.toFixed(2)} (load-bound) the server waited for requests: wrk on the other CPU set the pace, so`,
    'req/s ratios in that row show the load generator\'s limit, not the servers\'. Another busy process',
    'on the server\'s CPU lowers it too: the load average above says how quiet the machine was.',
    '',
    table(input, load, utilisationText),
    '',
    '## Server memory (RSS)',
    '',
    'Peak VmRSS of the server process while the load ran; for the idle row, RSS with the 1000 connections open.',
    '',
    table(input, [...load, ...idle], rssText),
    '',
    '## Targets from the issue',
    '',
    targetsTable(input),
    '',
    'The req/s targets also show the CPU efficiency vs node:http. ⏳ load-bound: node:http or ours',
    `used under ${LOAD_BOUND_UTILISATION.toFixed(2)} of its core, so the req/s ratio cannot show the difference; the CPU`,
    'efficiency is then the better guide to the ratio a faster load generator would measure.',
    '"rounds" gives the lowest and highest ratio of the single rounds: each round runs every server once,',
    'so it shows how far the machine moved during the run; the verdict is on the medians.',
    'The ceiling column is the node:net floor against node:http on the same workload: a server that',
    'answers without parsing, routing or checking anything. A target near or above it asks a server that',
    'parses and checks every request to be as fast as one that does neither.',
    '',
    '## How to read it',
    '',
    '- Ours run with their defaults plus `--quiet`: a keep-alive connection is closed after 100 requests',
    '  (`--max-requests-per-connection`) and wrk reconnects; node:http and nginx (1000) keep it longer.',
    '- node:http: `http.createServer`, headers prebuilt per file, `res.end(buffer)`; no Host check.',
    '  POST /upload parses the JSON and writes it to a temp file, then renames it, like ours.',
    '- node:net floor (`tools/bench/baseline/net-raw.ts`): a `net.createServer` that reads into one',
    '  shared buffer as ours do and answers every read with one response prebuilt at start for the',
    '  cell\'s workload (the file read into memory once), with no parsing, routing, file checks, Date',
    '  header or logging; for Connection: close',
    '  it sends `Connection: close` and ends the socket. It is the floor any Node server pays: the kernel,',
    '  libuv and one write per request. `ours µs - floor µs` in the CPU table is what our parsing,',
    '  routing, file checks and logging cost per request. Its POST /upload is a fixed 201 that neither',
    '  reads nor writes the body: marked "floor, no disk write", a floor for the request cost, not for',
    '  storing a file.',
    '- nginx: one process (`master_process off`), `sendfile`, `open_file_cache`, access log off; it has',
    '  no upload endpoint (n/a).',
    '- Idle memory: the bench opens 1000 sockets (100 at a time), each sends one GET and keeps the',
    '  connection; RSS is read before and after, once every response has arrived. Before that it',
    '  opens and closes 1000 connections, 100 at a time, so V8 has sized its young generation for',
    '  this traffic: otherwise that one-off growth (about 15 MiB in each Node server here) would be',
    '  counted as per-connection memory. Servers get `--keep-alive-timeout 60 --max-connections 2000`',
    '  (node:http and nginx: 60 s keep-alive). nginx allocates its connection slots at start-up.',
    ...(input.uploadsOnTmpfs
      ? [
          '- Uploads go to tmpfs (`/dev/shm`), not to the disk, and no server fsyncs: the row measures what',
          '  the servers do per upload (parse, check, open, write, close, rename). On this machine\'s ext4,',
          '  creating a file right after the bench had deleted a cell\'s thousands of uploads took ~600 µs in',
          '  the inode allocator (`find_inode_bit`, `recently_deleted` in perf) for minutes, for every',
          '  server alike, and the disk\'s recent past decided the ratio.',
        ]
      : [
          '- Uploads go to the bench root on the real disk (no tmpfs here; no fsync by any server); the bench',
          '  runs `sync` between cells so no cell pays for the writeback of the one before.',
        ]),
    '- http-server is one process: its RSS and CPU count the supervising main thread and the one worker.',
    '- Server CPU is what the kernel charges to the server process: its code, its syscalls and the',
    '  TCP work done inside them. Loopback delivery of wrk\'s requests runs largely on wrk\'s CPU and',
    `  is not counted, for every server alike. /proc counts in ${fmt(1000 / m.clockTicksPerSecond)} ms clock ticks, ${fmt(100 / (m.clockTicksPerSecond * input.durationS), 1)}% of one`,
    `  core over a ${input.durationS} s window.`,
    `- Figures on a shared ${m.cores}-CPU machine move by 10% or more between runs: compare ratios, not digits.`,
  ];
  const issues = problems(input);
  if (issues.length > 0) out.push('', '## Problems in this run', '', ...issues);
  return `${out.join('\n')}\n`;
}
