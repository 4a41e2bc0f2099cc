// Folds repeated measurements of one cell into one: the median throughput, p99, CPU per request
// and CPU utilisation (robust to a noisy neighbour on a shared machine), the highest RSS,
// every warning counted, and each round's value (the report shows how far rounds disagree).

import type { CellResult } from './types';

function median(values: readonly number[]): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid];
  const lower = sorted[sorted.length % 2 === 0 ? mid - 1 : mid];
  return upper === undefined || lower === undefined ? undefined : (upper + lower) / 2;
}

const defined = (values: readonly (number | undefined)[]): number[] => values.filter((v): v is number => v !== undefined);

/** One cell from the rounds of the same workload and server; a failed round makes no figure. */
export function combineRounds(rounds: readonly CellResult[]): CellResult {
  const first = rounds[0];
  if (first === undefined) throw new RangeError('combineRounds needs at least one round');
  const notOk = rounds.find((cell) => cell.status !== 'ok');
  if (notOk !== undefined || rounds.length === 1) return notOk ?? first;
  const sum = (values: readonly (number | undefined)[]): number => defined(values).reduce((a, b) => a + b, 0);
  const peak = defined(rounds.map((cell) => cell.peakRssBytes));
  return {
    workload: first.workload,
    server: first.server,
    status: 'ok',
    value: median(defined(rounds.map((cell) => cell.value))),
    p99Ms: median(defined(rounds.map((cell) => cell.p99Ms))),
    peakRssBytes: peak.length === 0 ? undefined : Math.max(...peak),
    cpuUsPerUnit: median(defined(rounds.map((cell) => cell.cpuUsPerUnit))),
    cpuUtilisation: median(defined(rounds.map((cell) => cell.cpuUtilisation))),
    badResponses: sum(rounds.map((cell) => cell.badResponses)),
    socketErrors: sum(rounds.map((cell) => cell.socketErrors)),
    roundValues: rounds.map((cell) => cell.value ?? Number.NaN),
  };
}
