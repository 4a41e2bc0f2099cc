// Hand-written SVG bar chart: throughput per workload per server, normalised so node:http = 1.0.

import { ratio } from './results';
import { NODE_HTTP_TARGETS } from './targets';
import { SERVER_LABELS, type CellResult, type ServerKind } from './types';
import type { Workload } from './workloads';

const COLORS: Readonly<Record<ServerKind, string>> = {
  'http-server': '#2563eb',
  'simple-server': '#16a34a',
  'node-http': '#6b7280',
  nginx: '#d97706',
};

const WIDTH = 760;
const HEIGHT = 360;
const LEFT = 56;
const RIGHT = 16;
const TOP = 64;
const BOTTOM = 56;

const escapeXml = (text: string): string =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

const px = (n: number): string => String(Math.round(n * 10) / 10);

/** The axis top: a multiple of 0.5 above the tallest bar, and never below 2.0. */
function axisMax(ratios: readonly (number | undefined)[]): number {
  const tallest = Math.max(2, ...ratios.filter((r): r is number => r !== undefined));
  return Math.ceil((tallest * 1.08) / 0.5) * 0.5;
}

export function chartSvg(results: readonly CellResult[], workloads: readonly Workload[], servers: readonly ServerKind[]): string {
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const grid = workloads.map((w) => servers.map((s) => ratio(results, w.id, s, 'node-http')));
  const top = axisMax(grid.flat());
  const y = (value: number): number => TOP + plotH - (value / top) * plotH;
  const groupW = plotW / Math.max(workloads.length, 1);
  const barW = Math.min(30, (groupW * 0.8) / Math.max(servers.length, 1));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    `<text x="${LEFT}" y="20" font-size="14" font-weight="bold">Throughput relative to node:http (= 1.0), higher is better</text>`,
  ];
  servers.forEach((server, i) => {
    const x = LEFT + i * 170;
    out.push(`<rect x="${x}" y="34" width="12" height="12" fill="${COLORS[server]}"/>`);
    out.push(`<text x="${x + 18}" y="44">${escapeXml(SERVER_LABELS[server])}</text>`);
  });
  for (let tick = 0; tick <= top + 1e-9; tick += 0.5) {
    out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(tick))}" y2="${px(y(tick))}" stroke="#e5e7eb"/>`);
    out.push(`<text x="${LEFT - 6}" y="${px(y(tick) + 4)}" text-anchor="end">${tick.toFixed(1)}x</text>`);
  }
  workloads.forEach((workload, g) => {
    const row = grid[g] ?? [];
    const start = LEFT + g * groupW + (groupW - barW * servers.length) / 2;
    servers.forEach((server, i) => {
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
      const end = start + barW * servers.length;
      out.push(`<line x1="${px(start - 4)}" x2="${px(end + 4)}" y1="${px(y(target))}" y2="${px(y(target))}" stroke="#dc2626" stroke-width="2" stroke-dasharray="2 3"><title>target ${target.toFixed(1)}x</title></line>`);
    }
    out.push(`<text x="${px(LEFT + g * groupW + groupW / 2)}" y="${HEIGHT - BOTTOM + 18}" text-anchor="middle">${escapeXml(workload.short)}</text>`);
  });
  out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(1))}" y2="${px(y(1))}" stroke="#111827" stroke-dasharray="6 4"/>`);
  out.push(`<line x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${px(y(0))}" y2="${px(y(0))}" stroke="#111827"/>`);
  out.push(`<text x="${LEFT}" y="${HEIGHT - 12}" font-size="10" fill="#6b7280">GET 1 MiB compares MiB/s, the others req/s. Red dots: the issue's target for ours. n/a: not measured.</text>`);
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
