import { chartSvg } from './chart-svg';
import type { MachineFacts } from './machine';
import { markdownReport, type ReportInput } from './report';
import { checkTargets } from './targets';
import type { CellResult, ServerKind, WorkloadId } from './types';
import { WORKLOADS } from './workloads';

type Cpu = Pick<CellResult, 'cpuUsPerUnit' | 'cpuUtilisation'>;

const ok = (workload: WorkloadId, server: ServerKind, value: number, cpu: Cpu = {}): CellResult => ({
  workload, server, status: 'ok', value, p99Ms: 2.5, peakRssBytes: 64 * 1024 * 1024, badResponses: 0, socketErrors: 0, ...cpu,
});

// http-server beats node:http by 1.6x on small GETs but misses the 2 KB, close and idle targets;
// on 2 KB node:http's core sat 30% idle (load-bound), and per request http-server costs more CPU.
const RESULTS: CellResult[] = [
  ok('small', 'http-server', 160_000, { cpuUsPerUnit: 6, cpuUtilisation: 0.96 }),
  ok('small', 'node-http', 100_000, { cpuUsPerUnit: 9.75, cpuUtilisation: 0.98 }),
  ok('small', 'nginx', 200_000, { cpuUsPerUnit: 4.2, cpuUtilisation: 0.84 }),
  ok('html', 'http-server', 120_000, { cpuUsPerUnit: 8, cpuUtilisation: 0.96 }),
  ok('html', 'node-http', 100_000, { cpuUsPerUnit: 7, cpuUtilisation: 0.7 }),
  ok('html', 'nginx', 150_000),
  ok('large', 'http-server', 2_000, { cpuUsPerUnit: 480, cpuUtilisation: 0.96 }),
  ok('large', 'node-http', 1_500, { cpuUsPerUnit: 640, cpuUtilisation: 0.96 }),
  ok('large', 'nginx', 2_050),
  ok('close', 'http-server', 10_000), ok('close', 'node-http', 10_000), ok('close', 'nginx', 12_000),
  ok('upload', 'http-server', 1_000), ok('upload', 'node-http', 900),
  { workload: 'upload', server: 'nginx', status: 'n/a', reason: 'nginx has no POST /upload' },
  ok('idle', 'http-server', 3.5), ok('idle', 'node-http', 20), ok('idle', 'nginx', 0.5),
  ...WORKLOADS.map((w): CellResult => ({ workload: w.id, server: 'simple-server', status: 'unavailable', reason: 'not built' })),
];
const SERVERS: ServerKind[] = ['http-server', 'simple-server', 'node-http', 'nginx'];
const MACHINE: MachineFacts = {
  cpu: 'Test CPU', cores: 2, kernel: 'Linux 6.0', loadAverage: '0.50', node: 'v24.0.0', nginx: 'nginx/1.22.1', loadTool: 'wrk 4.1.0', clockTicksPerSecond: 100,
};

describe('checkTargets', () => {
  it('marks each target of the issue met or missed for each of our servers', () => {
    const checks = checkTargets(RESULTS, ['http-server', 'simple-server']);
    const verdict = (label: string, server: ServerKind) => checks.find((c) => c.target.label.startsWith(label) && c.server === server)?.met;
    expect(verdict('GET 20 B', 'http-server')).toBe(true);
    expect(verdict('GET 2 KB', 'http-server')).toBe(false);
    expect(verdict('GET with Connection: close', 'http-server')).toBe(false);
    expect(verdict('POST /upload', 'http-server')).toBe(true);
    expect(verdict('GET 1 MiB', 'http-server')).toBe(true); // 2000 vs 2050: within 5%
    expect(verdict('1000 idle', 'http-server')).toBe(false); // 3.5 MiB > 3
    expect(verdict('GET 20 B', 'simple-server')).toBeUndefined();
  });

  it('calls a req/s target load-bound when node:http or ours left its core idle, and shows the CPU ratio', () => {
    const checks = checkTargets(RESULTS, ['http-server']);
    const check = (label: string) => checks.find((c) => c.target.label.startsWith(label));
    expect(check('GET 20 B')).toMatchObject({ verdict: 'met', cpuEfficiency: 1.625 });
    expect(check('GET 2 KB')).toMatchObject({ verdict: 'load-bound', cpuEfficiency: 0.875 });
    // No CPU figures for close: the req/s verdict stands.
    expect(check('GET with Connection: close')).toMatchObject({ verdict: 'missed', cpuEfficiency: undefined });
    expect(check('GET 1 MiB')).toMatchObject({ verdict: 'met', cpuEfficiency: undefined });
  });
});

describe('round spread of a ratio target', () => {
  const rounds = (workload: WorkloadId, server: ServerKind, ...values: number[]): CellResult => ({
    ...ok(workload, server, [...values].sort((a, b) => a - b)[1]!),
    roundValues: values,
  });
  // Round by round: 150/100, 130/80, 120/90 -> 1.50x, 1.63x, 1.33x.
  const results = [rounds('small', 'http-server', 150, 130, 120), rounds('small', 'node-http', 100, 80, 90)];

  it('pairs each round of ours with the same round of the reference', () => {
    const check = checkTargets(results, ['http-server']).find((c) => c.target.label.startsWith('GET 20 B'));
    expect(check?.roundRange?.[0]).toBeCloseTo(4 / 3);
    expect(check?.roundRange?.[1]).toBeCloseTo(1.625);
  });

  it('has no spread for a single round, and shows it in the targets table otherwise', () => {
    expect(checkTargets(RESULTS, ['http-server']).every((c) => c.roundRange === undefined)).toBe(true);
    const md = markdownReport({
      results, workloads: WORKLOADS, servers: ['http-server', 'node-http'], machine: MACHINE, command: 'x', date: 'd',
      durationS: 5, warmUpS: 1, repeat: 3, pinned: true, uploadsOnTmpfs: true, chartFile: 'c.svg',
    });
    expect(md).toContain('| GET 20 B, keep-alive | >= 1.5x node:http req/s | 1.44x ❌ missed, CPU efficiency –, rounds 1.33x–1.63x |');
  });
});

describe('markdownReport', () => {
  const input: ReportInput = {
    results: RESULTS, workloads: WORKLOADS, servers: SERVERS, machine: MACHINE, command: 'tsx tools/bench/http-bench.ts --duration 5',
    date: '2026-11-27 20:00 UTC', durationS: 5, warmUpS: 1, repeat: 1, pinned: true, uploadsOnTmpfs: true, chartFile: 'benchmarks.svg',
  };
  const md = markdownReport(input);

  it('names the machine, the tools, the date and the exact command', () => {
    expect(md).toContain('Test CPU, 2 logical CPUs, Linux 6.0; load average 0.50 at the start');
    expect(md).toContain('Node: v24.0.0; nginx: nginx/1.22.1; load: wrk 4.1.0');
    expect(md).toContain('2026-11-27 20:00 UTC');
    expect(md).toContain('```\ntsx tools/bench/http-bench.ts --duration 5\n```');
    expect(md).toContain('![Throughput relative to node:http](benchmarks.svg)');
  });

  it('says where the uploads went: tmpfs, or the disk when the machine has no tmpfs', () => {
    expect(md).toContain('- Uploads go to tmpfs (`/dev/shm`), not to the disk');
    const onDisk = markdownReport({ ...input, uploadsOnTmpfs: false });
    expect(onDisk).toContain('- Uploads go to the bench root on the real disk');
    expect(onDisk).not.toContain('/dev/shm');
  });

  it('has one row per workload with every server and the ratio to node:http', () => {
    expect(md).toContain('| workload | http-server (1 thread) | simple-server | node:http | nginx | http-server ÷ node:http | simple-server ÷ node:http |');
    expect(md).toContain('| GET 20 B file, keep-alive, 64 conns | 160,000 req/s | not run | 100,000 req/s | 200,000 req/s | 1.60x | – |');
    expect(md).toContain('| POST 200 B JSON /upload, 16 conns | 1,000 req/s | not run | 900 req/s | n/a | 1.11x | – |');
    expect(md).toContain('2,000.0 MiB/s');
  });

  it('has a CPU-per-request table with the efficiency vs node:http, per MiB for the 1 MiB row', () => {
    const cpu = md.slice(md.indexOf('## Server CPU per request (µs)'), md.indexOf('## Server CPU utilisation'));
    expect(cpu).toContain('| workload | http-server (1 thread) | simple-server | node:http | nginx | http-server CPU efficiency vs node:http | simple-server CPU efficiency vs node:http |');
    expect(cpu).toContain('| GET 20 B file, keep-alive, 64 conns | 6.0 µs | not run | 9.8 µs | 4.2 µs | 1.63x | – |');
    expect(cpu).toContain('| GET 1 MiB file, keep-alive, 8 conns | 480 µs/MiB | not run | 640 µs/MiB | – | 1.33x | – |');
    expect(cpu).not.toContain('idle');
  });

  it('has a utilisation table marking the load-bound cells', () => {
    const use = md.slice(md.indexOf('## Server CPU utilisation'), md.indexOf('## Server memory'));
    expect(use).toContain('| GET 20 B file, keep-alive, 64 conns | 0.96 | not run | 0.98 | 0.84 (load-bound) |');
    expect(use).toContain('| GET 2 KB html, keep-alive, 64 conns | 0.96 | not run | 0.70 (load-bound) | – |');
  });

  it('lists the targets with met or missed, and what was not run', () => {
    expect(md).toContain('| GET 20 B, keep-alive | >= 1.5x node:http req/s | 1.60x ✅ met, CPU efficiency 1.63x | not measured |');
    expect(md).toContain('| GET 2 KB html, keep-alive | >= 1.5x node:http req/s | 1.20x ⏳ load-bound, CPU efficiency 0.88x | not measured |');
    expect(md).toContain('| GET with Connection: close | >= 1.2x node:http req/s | 1.00x ❌ missed, CPU efficiency – | not measured |');
    expect(md).toContain('| 1000 idle keep-alive connections | <= 3 MiB RSS per 1000 | 3.50 MiB ❌ missed | not measured |');
    expect(md).toContain('- small / simple-server: not run: not built');
  });

  it('shows the node:net floor against node:http beside each req/s target when the floor ran', () => {
    const floor: CellResult[] = [
      ok('small', 'node-net-raw', 180_000, { cpuUsPerUnit: 5, cpuUtilisation: 0.99 }),
      ok('html', 'node-net-raw', 170_000, { cpuUsPerUnit: 5.6, cpuUtilisation: 0.99 }),
      ok('upload', 'node-net-raw', 150_000),
    ];
    const withFloor = markdownReport({ ...input, results: [...RESULTS, ...floor], servers: [...SERVERS, 'node-net-raw'] });
    const targets = withFloor.slice(withFloor.indexOf('## Targets from the issue'), withFloor.indexOf('## How to read it'));
    expect(targets).toContain('| target | goal | http-server (1 thread) | simple-server | node:net floor (the ceiling) |');
    expect(targets).toContain('| GET 20 B, keep-alive | >= 1.5x node:http req/s | 1.60x ✅ met, CPU efficiency 1.63x | not measured | 1.80x, CPU efficiency 1.95x |');
    expect(targets).toContain('| GET 2 KB html, keep-alive | >= 1.5x node:http req/s | 1.20x ⏳ load-bound, CPU efficiency 0.88x | not measured | 1.70x, CPU efficiency 1.25x |');
    expect(targets).toContain('| GET with Connection: close | >= 1.2x node:http req/s | 1.00x ❌ missed, CPU efficiency – | not measured | not measured |');
    expect(targets).toContain('| POST /upload 200 B JSON | >= 1.0x node:http req/s | 1.11x ✅ met, CPU efficiency – | not measured | n/a (no disk write) |');
    expect(targets).toContain('| 1000 idle keep-alive connections | <= 3 MiB RSS per 1000 | 3.50 MiB ❌ missed | not measured | – |');
  });
});

describe('chartSvg', () => {
  const svg = chartSvg(RESULTS, WORKLOADS.filter((w) => w.kind === 'load'), SERVERS);

  it('draws one bar per measured ratio, normalised to node:http = 1.0', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    // 5 workloads: http-server, node:http and nginx measured (nginx upload is n/a): 14 bars.
    expect(svg.match(/<rect [^>]*><title>/g)).toHaveLength(14);
    expect(svg).toContain('>1.60</text>');
    expect(svg).toContain('>1.00</text>');
    expect(svg.match(/>n\/a</g)).toHaveLength(6);
  });
});

describe('the node:net floor in the report', () => {
  const results: CellResult[] = [
    ...RESULTS,
    ok('small', 'node-net-raw', 300_000, { cpuUsPerUnit: 3, cpuUtilisation: 0.99 }),
    ok('upload', 'node-net-raw', 250_000, { cpuUsPerUnit: 3.5, cpuUtilisation: 0.99 }),
  ];
  const servers: ServerKind[] = ['http-server', 'node-http', 'node-net-raw', 'nginx'];
  const md = markdownReport({
    results, workloads: WORKLOADS, servers, machine: MACHINE, command: 'x', date: 'd', durationS: 5, warmUpS: 1, repeat: 1, pinned: true, uploadsOnTmpfs: false, chartFile: undefined,
  });

  it('is a column of every table, its upload cell marked as a floor with no disk write', () => {
    expect(md).toContain('| workload | http-server (1 thread) | node:http | node:net floor | nginx | http-server ÷ node:http |');
    expect(md).toContain('| GET 20 B file, keep-alive, 64 conns | 160,000 req/s | 100,000 req/s | 300,000 req/s | 200,000 req/s | 1.60x |');
    expect(md).toContain('| 250,000 req/s (floor, no disk write) |');
    expect(md).toContain('| 3.5 µs (floor, no disk write) |');
    expect(md).toContain('`ours µs - floor µs`');
  });

  it('is drawn as a thin marker, not a bar, and a floor far above the rest does not stretch the axis', () => {
    const svg = chartSvg(results, WORKLOADS.filter((w) => w.kind === 'load'), servers);
    expect(svg).toContain('>node:net floor</text>');
    expect(svg.match(/<line [^>]*><title>node:net floor/g)).toHaveLength(2);
    expect(svg.match(/<rect [^>]*><title>node:net floor/g)).toBeNull();
    expect(svg).toContain('>floor 3.00x</text>');
    expect(svg).toContain('>floor 277.78x (off scale)</text>');
    expect(svg).toContain('>3.0x</text>');
    expect(svg).not.toContain('>4.0x</text>');
  });
});
