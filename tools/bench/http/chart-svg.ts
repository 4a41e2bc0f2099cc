// Hand-written SVG bar chart: throughput per workload per server, normalised so node:http = 1.0;
// the node:net floor is a thin marker across each group rather than a bar, so it stays readable.

import { ratio } from './results';
import { NODE_HTTP_TARGETS } from './targets';
import { FLOOR_SERVER, SERVER_LABELS, type CellResult, type ServerKind } from './types';
import type { Workload } from './workloads';

const COLORS: Readonly<Record<ServerKind, string>> = {
  'http-server': '#2563eb',
  'simple-server': '#16a34a',
  'node-http': '#6b7280',
  'node-net-raw': '#7c3aed',
  nginx: '#d97706',
};

const WIDTH = 760;
const HEIGHT = 372;
const LEFT = 56;
const RIGHT = 16;
const TOP = 64;
const BOTTOM = 64;

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const px = (n: number): string => String(Math.round(n * 10) / 10);

/**
 * Floors above this ratio do not stretch the axis (the upload floor writes nothing and runs tens of
 * times faster than any real server): their marker sits at the top with its figure beside it.
 */
const FLOOR_AXIS_LIMIT = 4;

/** The axis top: a multiple of 0.5 above the tallest bar, and never below 2.0. */
function axisMax(ratios: readonly (number | undefined)[]): number {
  const tallest = Math.max(2, ...ratios.filter((r): r is number => r !== undefined));
  return Math.ceil((tallest * 1.08) / 0.5) * 0.5;
}

/** The floor as a thin line across its group, its figure under the group's name (off scale: at the top). */
function floorMarker(x1: number, x2: number, shown: number, value: number, title: string, y: (v: number) => number): string[] {
  const label = `floor ${value.toFixed(2)}x${shown < value ? ' (off scale)' : ''}`;
  return [
    `<line x1="${px(x1)}" x2="${px(x2)}" y1="${px(y(shown))}" y2="${px(y(shown))}" stroke="${COLORS[FLOOR_SERVER]}" stroke-width="2"><title>${escapeXml(`${SERVER_LABELS[FLOOR_SERVER]}, ${title}: ${value.toFixed(2)}x`)}</title></line>`,
    `<text x="${px((x1 + x2) / 2)}" y="${HEIGHT - BOTTOM + 32}" text-anchor="middle" font-size="10" fill="${COLORS[FLOOR_SERVER]}">${escapeXml(label)}</text>`,
  ];
}

/** Legend entries spaced by their label's length, so long names do not run into the next. */
function legendX(servers: readonly ServerKind[]): number[] {
  let x = LEFT;
  return servers.map((server) => {
    const at = x;
    x += 30 + SERVER_LABELS[server].length * 7;
    return at;
  });
}

export function chartSvg(results: readonly CellResult[], workloads: readonly Workload[], servers: readonly ServerKind[]): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const bars = servers.filter((s) => s !== FLOOR_SERVER);
  const floorShown = servers.includes(FLOOR_SERVER);
  const grid = workloads.map((w) => bars.map((s) => ratio(results, w.id, s, 'node-http')));
  const floors = workloads.map((w) => (floorShown ? ratio(results, w.id, FLOOR_SERVER, 'node-http') : undefined));
  const top = axisMax([...grid.flat(), ...floors.filter((r) => r !== undefined && r <= FLOOR_AXIS_LIMIT)]);
  const y = (value: number): number => TOP + plotH - (value / top) * plotH;
  const groupW = plotW / Math.max(workloads.length, 1);
  const barW = Math.min(30, (groupW * 0.8) / Math.max(bars.length, 1));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold">Throughput relative to node:http (= 1.0), higher is better</text>`,
  ];
  const legend = legendX(servers);
  servers.forEach((server, i) => {
    const x = legend[i] ?? LEFT;
    if (server === FLOOR_SERVER) out.push(`<rect x="${x}" y="39" width="12" height="2" fill="${COLORS[server]}"/>`);
    else out.push(`<rect x="${x}" y="34" width="12" height="12" fill="${COLORS[server]}"/>`);
    out.push(`<text x="${x + 18}" y="44">${escapeXml(SERVER_LABELS[server])}</text>`);
  });
  for (let tick = 0; tick <= top + 1e-9; tick += 0.5) {
    out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${LEFT - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${tick.toFixed(1)}x</text>`);
  }
  workloads.forEach((workload, g) => {
    const row = grid[g] ?? [];
    const start = LEFT + g * groupW + (groupW - barW * bars.length) / 2;
    bars.forEach((server, i) => {
      const x = start + i * barW;
      const value = row[i];
      if (value === undefined) {
        out.push(`<text x="${px(x + barW / 2)}" y="${px(y(0) - 4)}" text-anchor="middle" font-size="10" fill="#6b7280">n/a</text>`);
        return;
      }
      out.push(`<rect x="${px(x + 1)}" y="${px(y(value))}" width="${px(barW - 2)}" height="${px(y(0) - y(value))}" fill="${COLORS[server]}"><title>${escapeXml(`${SERVER_LABELS[server]}, ${workload.title}: ${value.toFixed(2)}x`)}</title></rect>`);
      out.push(`<text x="${px(x + barW / 2)}" y="${px(y(value) - 4)}" text-anchor="middle" font-size="10">${value.toFixed(2)}</text>`);
    });
    const target = NODE_HTTP_TARGETS[workload.id];
    if (target !== undefined) {
      const end = start + barW * bars.length;
      out.push(`<line x1="${px(start - 4)}" x2="${px(end + 4)}" y1="${px(y(target))}" y2="${px(y(target))}" stroke="#dc2626" stroke-width="2" stroke-dasharray="2 3"><title>target ${target.toFixed(1)}x</title></line>`);
    }
    const floor = floors[g];
    if (floor !== undefined) out.push(...floorMarker(start - 6, start + barW * bars.length + 6, Math.min(floor, top), floor, workload.title, y));
    out.push(`<text x="${px(LEFT + g * groupW + groupW / 2)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle">${escapeXml(workload.short)}</text>`);
  });
  out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(1))}" y2="${px(y(1))}" stroke="#111827" stroke-dasharray="6 4"/>`);
  out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#111827"/>`);
  out.push(`<text x="${LEFT}" y="${HEIGHT - 12}" font-size="10" fill="#6b7280">GET 1 MiB compares MiB/s, the others req/s. Red dots: the issue's target for ours. Purple line: the node:net floor. n/a: not measured.</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
