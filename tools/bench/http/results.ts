// Lookups over a run's cells: one figure, and one server's figure relative to another's.

import type { CellResult, ServerKind, WorkloadId } from './types';

export function findCell(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): CellResult | undefined {
  return results.find((cell) => cell.workload === workload && cell.server === server);
}

export function valueOf(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): number | undefined {
  const cell = findCell(results, workload, server);
  return cell?.status === 'ok' ? cell.value : undefined;
}

/**
 * The lowest and highest of server's figure over reference's, round by round (each round runs
 * every server once, so a slow spell of the machine tends to hit both); undefined for one round.
 */
export function roundRatioRange(
  results: readonly CellResult[],
  workload: WorkloadId,
  server: ServerKind,
  reference: ServerKind,
): readonly [number, number] | undefined {
  const ours = findCell(results, workload, server)?.roundValues;
  const base = findCell(results, workload, reference)?.roundValues;
  if (ours === undefined || base === undefined || ours.length < 2 || ours.length !== base.length) return undefined;
  const ratios = ours.map((value, round) => value / base[round]!).filter(Number.isFinite);
  if (ratios.length < 2) return undefined;
  return [Math.min(...ratios), Math.max(...ratios)];
}

/** server's figure divided by reference's, when both were measured and the reference is not 0. */
export function ratio(results: readonly CellResult[], workload: WorkloadId, server: ServerKind, reference: ServerKind): number | undefined {
  const value = valueOf(results, workload, server);
  const base = valueOf(results, workload, reference);
  if (value === undefined || base === undefined || base === 0) return undefined;
  return value / base;
}
