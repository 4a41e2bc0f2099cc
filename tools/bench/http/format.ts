// How figures read in the tables: thousands separators, fixed decimals, units, and the short
// words for cells that have no figure.

import { toMiB } from './rss';
import { FLOOR_SERVER, type CellResult, type Unit } from './types';

export const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'req/s') return fmt(value);
  if (unit === 'MiB/s') return fmt(value, 1);
  return fmt(value, 2);
}

export const formatMs = (ms: number): string => (ms >= 100 ? `${fmt(ms)} ms` : `${fmt(ms, 2)} ms`);

export const formatRss = (bytes: number): string => `${fmt(toMiB(bytes), 1)} MiB`;

/** CPU µs: one decimal below 100 µs (the keep-alive rows), whole µs above (the 1 MiB row). */
export const formatCpu = (us: number): string => (us >= 100 ? fmt(us) : fmt(us, 1));

/** Share of one core: 0.97 means the server's CPU was saturated. */
export const formatUtilisation = (share: number): string => share.toFixed(2);

export const formatRatio = (ratio: number | undefined): string => (ratio === undefined ? '–' : `${ratio.toFixed(2)}x`);

/** True when the load saw error responses or socket errors: the figure needs a caveat. */
export function hasWarnings(cell: CellResult): boolean {
  return (cell.badResponses ?? 0) > 0 || (cell.socketErrors ?? 0) > 0;
}

/** The word shown instead of a figure. */
export function missingWord(cell: CellResult | undefined): string {
  if (cell === undefined) return '–';
  if (cell.status === 'n/a') return 'n/a';
  if (cell.status === 'unavailable') return 'not run';
  if (cell.status === 'failed') return 'failed';
  return '–';
}

/** The floor's upload answers a fixed 201 without reading or storing the body: say so beside its figures. */
export const floorNote = (cell: CellResult): string =>
  cell.server === FLOOR_SERVER && cell.workload === 'upload' ? ' (floor, no disk write)' : '';
