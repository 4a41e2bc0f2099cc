// The six workloads of the issue, as data: path, connections, method and what a good answer is.

import type { Unit, WorkloadId } from './types';

/** Fixture files the bench root holds (see bench-workspace.ts). */
export const FIXTURES = {
  small: { name: 'hello.txt', size: 20 },
  html: { name: 'page.html', size: 2048 },
  large: { name: 'large.png', size: 1024 * 1024 },
} as const;

export interface LoadWorkload {
  readonly kind: 'load';
  readonly id: Exclude<WorkloadId, 'idle'>;
  readonly title: string;
  /** Short label for the chart's x axis. */
  readonly short: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly connections: number;
  /** Extra request headers (Host is always added by the runner). */
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly unit: Unit;
  readonly expectStatus: number;
  /** Body size a GET must return; undefined for uploads. */
  readonly expectBytes?: number;
  /** nginx serves files only: it has no POST /upload. */
  readonly nginx: boolean;
}

export interface IdleWorkload {
  readonly kind: 'idle';
  readonly id: 'idle';
  readonly title: string;
  readonly short: string;
  readonly path: string;
  readonly connections: number;
  readonly unit: Unit;
  readonly expectBytes: number;
  readonly nginx: boolean;
}

export type Workload = LoadWorkload | IdleWorkload;

/** A JSON document of exactly `size` bytes, so every server parses and writes the same thing. */
export function uploadBody(size: number): string {
  const head = '{"source":"mths-bench","kind":"upload","values":[1,2,3,4,5],"pad":"';
  const tail = '"}';
  const pad = size - head.length - tail.length;
  if (pad < 0) throw new RangeError(`upload body cannot be ${size} bytes`);
  return head + 'x'.repeat(pad) + tail;
}

export const WORKLOADS: readonly Workload[] = [
  {
    kind: 'load', id: 'small', title: 'GET 20 B file, keep-alive, 64 conns', short: 'GET 20 B',
    method: 'GET', path: `/${FIXTURES.small.name}`, connections: 64, headers: {},
    unit: 'req/s', expectStatus: 200, expectBytes: FIXTURES.small.size, nginx: true,
  },
  {
    kind: 'load', id: 'html', title: 'GET 2 KB html, keep-alive, 64 conns', short: 'GET 2 KB html',
    method: 'GET', path: `/${FIXTURES.html.name}`, connections: 64, headers: {},
    unit: 'req/s', expectStatus: 200, expectBytes: FIXTURES.html.size, nginx: true,
  },
  {
    kind: 'load', id: 'large', title: 'GET 1 MiB file, keep-alive, 8 conns', short: 'GET 1 MiB',
    method: 'GET', path: `/${FIXTURES.large.name}`, connections: 8, headers: {},
    unit: 'MiB/s', expectStatus: 200, expectBytes: FIXTURES.large.size, nginx: true,
  },
  {
    kind: 'load', id: 'close', title: 'GET 20 B, Connection: close, 16 conns', short: 'Connection: close',
    method: 'GET', path: `/${FIXTURES.small.name}`, connections: 16, headers: { Connection: 'close' },
    unit: 'req/s', expectStatus: 200, expectBytes: FIXTURES.small.size, nginx: true,
  },
  {
    kind: 'load', id: 'upload', title: 'POST 200 B JSON /upload, 16 conns', short: 'POST /upload',
    method: 'POST', path: '/upload', connections: 16, headers: { 'Content-Type': 'application/json' },
    body: uploadBody(200), unit: 'req/s', expectStatus: 201, nginx: false,
  },
  {
    kind: 'idle', id: 'idle', title: 'Memory per 1000 idle keep-alive conns', short: 'idle memory',
    path: `/${FIXTURES.small.name}`, connections: 1000, unit: 'MiB/1000 conns',
    expectBytes: FIXTURES.small.size, nginx: true,
  },
];

export function workloadById(id: WorkloadId): Workload {
  const found = WORKLOADS.find((w) => w.id === id);
  if (found === undefined) throw new RangeError(`unknown workload ${id}`);
  return found;
}
