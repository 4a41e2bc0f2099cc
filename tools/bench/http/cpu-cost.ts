// Server CPU per unit of work (µs per request, or per MiB for the 1 MiB row) and how busy the
// server's core was: with one load generator saturating first, req/s ratios flatten towards 1,
// but the CPU each server spends per request still tells them apart.

import type { CpuWindow } from './proc-cpu';
import { findCell } from './results';
import type { CellResult, ServerKind, Unit, WorkloadId } from './types';

/** Below this share of its core a server was waiting for requests: the load generator was the limit. */
export const LOAD_BOUND_UTILISATION = 0.9;

const MIB = 1024 * 1024;

export interface CpuCost {
  /** Server CPU µs per request (per MiB sent when the workload counts MiB/s). */
  readonly usPerUnit: number;
  /** Server CPU seconds per wall second of the window; 1.0 is one saturated core. */
  readonly utilisation: number;
}

export interface LoadCount {
  readonly requests: number;
  /** Response bytes read by the load generator in the window. */
  readonly bytes: number;
}

/** undefined when the window did no work to divide by. */
export function cpuCost(window: CpuWindow, load: LoadCount, unit: Unit): CpuCost | undefined {
  const units = unit === 'MiB/s' ? load.bytes / MIB : load.requests;
  if (!(units > 0) || !(window.wallSeconds > 0) || window.cpuSeconds < 0) return undefined;
  return { usPerUnit: (window.cpuSeconds * 1e6) / units, utilisation: window.cpuSeconds / window.wallSeconds };
}

/** What the CPU figure is per, for a workload's unit. */
export const cpuUnitLabel = (unit: Unit): string => (unit === 'MiB/s' ? 'µs/MiB' : 'µs/req');

function okCell(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): CellResult | undefined {
  const cell = findCell(results, workload, server);
  return cell?.status === 'ok' ? cell : undefined;
}

/** node:http's CPU per request over `server`'s: above 1 means `server` is cheaper. */
export function cpuEfficiency(results: readonly CellResult[], workload: WorkloadId, server: ServerKind): number | undefined {
  const ours = okCell(results, workload, server)?.cpuUsPerUnit;
  const base = okCell(results, workload, 'node-http')?.cpuUsPerUnit;
  if (ours === undefined || base === undefined || ours <= 0) return undefined;
  return base / ours;
}

export const isLoadBound = (utilisation: number): boolean => utilisation < LOAD_BOUND_UTILISATION;

/**
 * True when any of `servers` left its core idle in this workload, so their req/s ratio shows the
 * load generator's limit rather than the servers'; undefined when a utilisation is unknown.
 */
export function anyLoadBound(results: readonly CellResult[], workload: WorkloadId, servers: readonly ServerKind[]): boolean | undefined {
  let unknown = false;
  for (const server of servers) {
    const utilisation = okCell(results, workload, server)?.cpuUtilisation;
    if (utilisation === undefined) unknown = true;
    else if (isLoadBound(utilisation)) return true;
  }
  return unknown ? undefined : false;
}
