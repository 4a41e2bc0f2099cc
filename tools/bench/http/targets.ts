// The performance targets of the issue and whether a run meets them, for each of our servers;
// a req/s target where either server's core sat partly idle is load-bound rather than met or missed.

import { anyLoadBound, cpuEfficiency } from './cpu-cost';
import { ratio, roundRatioRange, valueOf } from './results';
import type { CellResult, ServerKind, WorkloadId } from './types';

export interface Target {
  readonly label: string;
  readonly goal: string;
  /** The measured figure that is compared, and the comparison. */
  readonly measure: (results: readonly CellResult[], server: ServerKind) => number | undefined;
  readonly met: (figure: number) => boolean;
  readonly format: (figure: number) => string;
  /** For req/s targets: the workload whose CPU efficiency and utilisation are judged beside it. */
  readonly cpuWorkload?: WorkloadId;
  /** For ratio targets: the lowest and highest ratio of the single rounds. */
  readonly roundRange?: (results: readonly CellResult[], server: ServerKind) => readonly [number, number] | undefined;
}

/** load-bound: node:http or ours left its core idle, so the req/s ratio cannot decide. */
export type Verdict = 'met' | 'missed' | 'load-bound';

export interface TargetCheck {
  readonly target: Target;
  readonly server: ServerKind;
  readonly figure: number | undefined;
  /** undefined when the figure could not be measured. */
  readonly met: boolean | undefined;
  /** node:http CPU per request over ours, for req/s targets. */
  readonly cpuEfficiency: number | undefined;
  /** undefined when the figure could not be measured. */
  readonly verdict: Verdict | undefined;
  /** How far the single rounds spread (ratio targets of a run with several rounds). */
  readonly roundRange: readonly [number, number] | undefined;
}

const times = (n: number): string => `${n.toFixed(2)}x`;

function vsNodeHttp(workload: WorkloadId, label: string, min: number): Target {
  return {
    label,
    goal: `>= ${min.toFixed(1)}x node:http req/s`,
    measure: (results, server) => ratio(results, workload, server, 'node-http'),
    met: (figure) => figure >= min,
    format: times,
    cpuWorkload: workload,
    roundRange: (results, server) => roundRatioRange(results, workload, server, 'node-http'),
  };
}

/** "As fast as nginx": within 5%, the run-to-run noise of this bench on a shared machine. */
export const NGINX_TOLERANCE = 0.95;

/** The minimum ratio to node:http per workload (the chart marks them too). */
export const NODE_HTTP_TARGETS: Readonly<Partial<Record<WorkloadId, number>>> = { small: 1.5, html: 1.5, close: 1.2, upload: 1.0 };

export const TARGETS: readonly Target[] = [
  vsNodeHttp('small', 'GET 20 B, keep-alive', NODE_HTTP_TARGETS.small ?? 1),
  vsNodeHttp('html', 'GET 2 KB html, keep-alive', NODE_HTTP_TARGETS.html ?? 1),
  vsNodeHttp('close', 'GET with Connection: close', NODE_HTTP_TARGETS.close ?? 1),
  vsNodeHttp('upload', 'POST /upload 200 B JSON', NODE_HTTP_TARGETS.upload ?? 1),
  {
    label: 'GET 1 MiB',
    goal: `as fast as nginx (>= ${NGINX_TOLERANCE}x its MiB/s)`,
    measure: (results, server) => ratio(results, 'large', server, 'nginx'),
    met: (figure) => figure >= NGINX_TOLERANCE,
    format: times,
    roundRange: (results, server) => roundRatioRange(results, 'large', server, 'nginx'),
  },
  {
    label: '1000 idle keep-alive connections',
    goal: '<= 3 MiB RSS per 1000',
    measure: (results, server) => valueOf(results, 'idle', server),
    met: (figure) => figure <= 3,
    format: (figure) => `${figure.toFixed(2)} MiB`,
  },
];

export function checkTargets(results: readonly CellResult[], servers: readonly ServerKind[]): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const target of TARGETS) {
    for (const server of servers) {
      const figure = target.measure(results, server);
      const met = figure === undefined ? undefined : target.met(figure);
      const cpu = target.cpuWorkload;
      const loadBound = cpu !== undefined && anyLoadBound(results, cpu, [server, 'node-http']) === true;
      const verdict: Verdict | undefined = met === undefined ? undefined : loadBound ? 'load-bound' : met ? 'met' : 'missed';
      checks.push({
        target,
        server,
        figure,
        met,
        cpuEfficiency: cpu === undefined ? undefined : cpuEfficiency(results, cpu, server),
        verdict,
        roundRange: target.roundRange?.(results, server),
      });
    }
  }
  return checks;
}
