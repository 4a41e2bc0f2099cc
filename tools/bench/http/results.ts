// Lookups over a run's cells: one figure, and one server's figure relative to another's.

import type { CellResult, ServerKind, WorkloadId } from './types';

export function findCell(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): CellResult | undefined {
  return results.find((cell) => cell.workload === workload && cell.server === server);
}

export function valueOf(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): number | undefined {
  const cell = findCell(results, workload, server);
  return cell?.status === 'ok' ? cell.value : undefined;
}

/** server's figure divided by reference's, when both were measured and the reference is not 0. */
export function ratio(results: readonly CellResult[], workload: WorkloadId, server: ServerKind, reference: ServerKind): number | undefined {
  const value = valueOf(results, workload, server);
  const base = valueOf(results, workload, reference);
  if (value === undefined || base === undefined || base === 0) return undefined;
  return value / base;
}
