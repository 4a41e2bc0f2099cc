// The run's results as an aligned plain-text table for the terminal: one line per cell, with
// server CPU per request, CPU utilisation and both ratios to node:http.

import { cpuEfficiency, cpuUnitLabel } from './cpu-cost';
import { floorNote, formatCpu, formatMs, formatRatio, formatRss, formatUtilisation, formatValue, hasWarnings, missingWord } from './format';
import { findCell, ratio } from './results';
import { SERVER_LABELS, type CellResult, type ServerKind } from './types';
import type { Workload } from './workloads';

function align(rows: readonly string[][]): string {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  // Text columns (the first two) align left, figures align right.
  return rows.map((row) => row.map((cell, i) => (i < 2 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd()).join('\n');
}

export function textTable(results: readonly CellResult[], workloads: readonly Workload[], servers: readonly ServerKind[]): string {
  const rows: string[][] = [['workload', 'server', 'throughput', 'p99', 'peak RSS', 'vs node:http', 'server CPU', 'CPU use', 'CPU eff. vs node:http']];
  const notes: string[] = [];
  for (const workload of workloads) {
    for (const server of servers) {
      const cell = findCell(results, workload.id, server);
      if (cell?.status !== 'ok' || cell.value === undefined) {
        rows.push([workload.title, SERVER_LABELS[server], missingWord(cell), '', '', '', '', '', '']);
        if (cell?.status === 'failed') notes.push(`${workload.id}/${server}: ${cell.reason ?? 'failed'}`);
        continue;
      }
      const mark = hasWarnings(cell) ? ' !' : '';
      if (mark !== '') notes.push(`${workload.id}/${server}: ${cell.badResponses ?? 0} bad responses, ${cell.socketErrors ?? 0} socket errors`);
      rows.push([
        workload.title,
        SERVER_LABELS[server],
        `${formatValue(cell.value, workload.unit)} ${workload.unit}${mark}${floorNote(cell)}`,
        cell.p99Ms === undefined ? '' : formatMs(cell.p99Ms),
        cell.peakRssBytes === undefined ? '' : formatRss(cell.peakRssBytes),
        server === 'node-http' ? '' : formatRatio(ratio(results, workload.id, server, 'node-http')),
        cell.cpuUsPerUnit === undefined ? '' : `${formatCpu(cell.cpuUsPerUnit)} ${cpuUnitLabel(workload.unit)}`,
        cell.cpuUtilisation === undefined ? '' : formatUtilisation(cell.cpuUtilisation),
        server === 'node-http' || cell.cpuUsPerUnit === undefined ? '' : formatRatio(cpuEfficiency(results, workload.id, server)),
      ]);
    }
  }
  return notes.length === 0 ? align(rows) : `${align(rows)}\n\n${notes.map((note) => `! ${note}`).join('\n')}`;
}
