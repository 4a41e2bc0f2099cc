// Server memory as the kernel sees it: VmRSS from /proc/<pid>/status, read once or sampled
// for its peak while a load runs.

import { readFileSync } from 'node:fs';

const MIB = 1024 * 1024;

/** Resident set size of `pid` in bytes, or undefined when the process is gone (or not Linux). */
export function readRssBytes(pid: number): number | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'latin1');
  } catch {
    return undefined;
  }
  const at = status.indexOf('VmRSS:');
  if (at < 0) return undefined;
  const end = status.indexOf('\n', at);
  const kib = Number.parseInt(status.slice(at + 6, end < 0 ? undefined : end).trim(), 10);
  return Number.isFinite(kib) ? kib * 1024 : undefined;
}

export interface PeakSampler {
  /** Stops sampling; the highest RSS seen, in bytes (0 when nothing could be read). */
  stop(): number;
}

/** Samples VmRSS every `everyMs` until stopped; one read happens at once. */
export function samplePeakRss(pid: number, everyMs = 100): PeakSampler {
  let peak = readRssBytes(pid) ?? 0;
  const timer = setInterval(() => {
    const now = readRssBytes(pid);
    if (now !== undefined && now > peak) peak = now;
  }, everyMs);
  return {
    stop(): number {
      clearInterval(timer);
      const last = readRssBytes(pid);
      if (last !== undefined && last > peak) peak = last;
      return peak;
    },
  };
}

export const toMiB = (bytes: number): number => bytes / MIB;
